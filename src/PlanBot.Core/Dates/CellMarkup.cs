namespace PlanBot.Core.Dates;

using System.Text;

/// <summary>Cell text as exported from board papers can carry HTML ("&lt;u&gt;31.03.2019&lt;/u&gt;", "9&lt;sup&gt;th&lt;/sup&gt;").</summary>
internal static class CellMarkup
{
    /// <summary>
    /// Removes tags and the few entities the exports use, collapsing the whitespace left behind.
    /// Returns the input itself when there is nothing to strip, so the common case allocates nothing.
    /// </summary>
    public static string Strip(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '&') < 0) return text;

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<' && LooksLikeTag(text, i) && text.IndexOf('>', i + 1) is var close and > 0)
            {
                // A space, not nothing: block tags separate words, and "9 th" still reads as an ordinal.
                // Line-ending tags stay line breaks, which owner cells use to separate people.
                builder.Append(EndsLine(text.AsSpan(i + 1, close - i - 1)) ? '\n' : ' ');
                i = close;
            }
            else if (c == '&' && TryDecodeEntity(text, i, out var decoded, out var length))
            {
                builder.Append(decoded);
                i += length - 1;
            }
            else
            {
                builder.Append(c);
            }
        }

        return CollapseWhitespace(builder);
    }

    private static bool LooksLikeTag(string text, int at) =>
        at + 1 < text.Length && (char.IsAsciiLetter(text[at + 1]) || text[at + 1] is '/' or '!');

    private static bool EndsLine(ReadOnlySpan<char> tag)
    {
        var name = tag.TrimStart('/');
        var end = name.IndexOfAny(' ', '/');
        if (end >= 0) name = name[..end];
        return name.Equals("br", StringComparison.OrdinalIgnoreCase)
            || (tag.StartsWith("/") && (name.Equals("p", StringComparison.OrdinalIgnoreCase)
                || name.Equals("li", StringComparison.OrdinalIgnoreCase)
                || name.Equals("div", StringComparison.OrdinalIgnoreCase)));
    }

    private static bool TryDecodeEntity(string text, int at, out char decoded, out int length)
    {
        ReadOnlySpan<(string Entity, char Value)> entities =
        [
            ("&amp;", '&'), ("&nbsp;", ' '), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&apos;", '\''),
        ];
        foreach (var (entity, value) in entities)
        {
            if (text.AsSpan(at).StartsWith(entity, StringComparison.OrdinalIgnoreCase))
            {
                decoded = value;
                length = entity.Length;
                return true;
            }
        }

        decoded = default;
        length = 0;
        return false;
    }

    private static string CollapseWhitespace(StringBuilder builder)
    {
        // A run of whitespace becomes one space, or one line break if it held one; ends are trimmed.
        var result = new StringBuilder(builder.Length);
        char? pending = null;
        for (var i = 0; i < builder.Length; i++)
        {
            var c = builder[i];
            if (char.IsWhiteSpace(c))
            {
                if (result.Length > 0 && pending != '\n') pending = c is '\n' or '\r' ? '\n' : ' ';
                continue;
            }

            if (pending is { } separator) result.Append(separator);
            pending = null;
            result.Append(c);
        }

        return result.ToString();
    }
}
