namespace PlanBot.Web.Tests.Manifest;

/// <summary>Just enough of ARM's template expression syntax to read what Bicep compiles settings objects to.</summary>
internal static class ArmExpression
{
    /// <summary>The argument text of every call to <paramref name="function"/> in <paramref name="expression"/>.</summary>
    public static IEnumerable<string> Calls(string expression, string function)
    {
        var start = 0;
        while ((start = expression.IndexOf(function + "(", start, StringComparison.Ordinal)) >= 0)
        {
            var open = start + function.Length;
            var close = MatchingParenthesis(expression, open);
            yield return expression[(open + 1)..close];
            start = close;
        }
    }

    /// <summary>The top-level arguments of a call's argument text, split at commas outside strings and parentheses.</summary>
    public static List<string> Arguments(string text)
    {
        var arguments = new List<string>();
        var depth = 0;
        var inString = false;
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') inString = !inString; // '' inside a string toggles twice
            else if (inString) continue;
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == ',' && depth == 0)
            {
                arguments.Add(text[from..i].Trim());
                from = i + 1;
            }
        }
        arguments.Add(text[from..].Trim());
        return arguments;
    }

    /// <summary>The value of a string literal argument ('it''s' → it's); null when the argument is an expression.</summary>
    public static string? Literal(string argument) =>
        argument.Length >= 2 && argument[0] == '\'' && argument[^1] == '\'' && Arguments(argument).Count == 1 && !argument[1..^1].Replace("''", "").Contains('\'')
            ? argument[1..^1].Replace("''", "'")
            : null;

    private static int MatchingParenthesis(string text, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') inString = !inString;
            else if (inString) continue;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        throw new FormatException($"Unbalanced parentheses in {text}");
    }
}
