using System.Text;
using System.Text.RegularExpressions;

namespace PlanBot.BotFramework.Cards;

/// <summary>
/// Turns cleaned plain text into Adaptive Card markdown that displays as the same characters. Teams and the JS renderer
/// (markdown-it) run TextBlock.text and Fact title/value through CommonMark, where a backslash before ASCII punctuation
/// shows the punctuation literally. Only characters where markdown would act are escaped, because some Teams clients
/// (mobile) show the backslashes themselves: "#23" or "1.3.1" at the start of a line is no heading or list, so it is
/// left as the tracker writes it, while "# 23" and "1. first" are escaped.
/// </summary>
internal static partial class MarkdownEscaper
{
    // Can start markdown anywhere in a line: the escape itself, code spans, emphasis, strikethrough, links and images,
    // HTML and autolinks, table cells.
    private const string EscapedAnywhere = "\\`*_~[<|";

    // Start block markdown when first on a line: a blockquote always; headings, bullets, thematic breaks and setext
    // underlines only in the shapes BlockMarker matches.
    private const char Blockquote = '>';

    public static string Escape(string cleanText)
    {
        var lines = cleanText.Split('\n');
        var markdown = new StringBuilder(cleanText.Length + 16);
        var firstLine = true;
        foreach (var line in lines)
        {
            // Blank lines add nothing once every line is a paragraph; a lone space is kept, as it may join two texts.
            if (lines.Length > 1 && string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // A blank line between lines: markdown joins single line breaks into one paragraph, which would lose them.
            if (!firstLine)
            {
                markdown.Append("\n\n");
            }

            firstLine = false;
            AppendLine(markdown, line);
        }

        return markdown.ToString();
    }

    private static void AppendLine(StringBuilder markdown, string line)
    {
        // Four leading spaces would make an indented code block. One is kept: markdown drops it at the start of a
        // paragraph, and it still separates this text from whatever it is joined to.
        var content = line.TrimStart(' ');
        if (content.Length < line.Length)
        {
            markdown.Append(' ');
        }

        if (content.Length == 0)
        {
            return;
        }

        var i = 0;
        var orderedListMarker = OrderedListMarker().Match(content);
        if (orderedListMarker.Success)
        {
            // "1. " or "3) " would start a numbered list; escaping the dot keeps the number as typed.
            var digits = orderedListMarker.Groups[1].Value;
            markdown.Append(digits).Append('\\').Append(content[digits.Length]);
            i = digits.Length + 1;
        }
        else if (content[0] == Blockquote || BlockMarker().IsMatch(content))
        {
            markdown.Append('\\').Append(content[0]);
            i = 1;
        }

        for (; i < content.Length; i++)
        {
            var c = content[i];
            if (EscapedAnywhere.Contains(c) || IsTextFunctionBrace(content, i) || IsEntityStart(content, i))
            {
                markdown.Append('\\');
            }

            markdown.Append(c);
        }
    }

    // "{{DATE(...)}}" and "{{TIME(...)}}" are rewritten by card renderers before markdown runs.
    private static bool IsTextFunctionBrace(string line, int i) =>
        line[i] == '{' && ((i + 1 < line.Length && line[i + 1] == '{') || (i > 0 && line[i - 1] == '{'));

    // "&amp;" or "&#42;" would be decoded to another character.
    private static bool IsEntityStart(string line, int i) => line[i] == '&' && EntityReference().IsMatch(line, i);

    [GeneratedRegex(@"\G&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex EntityReference();

    // "1. " or "3)" alone; "1.3.1" is a reference, not a list.
    [GeneratedRegex(@"^([0-9]{1,9})[.)](?=[ \t]|$)")]
    private static partial Regex OrderedListMarker();

    // An ATX heading ("# x", "##"), a bullet ("- x", "+ x", "-"), a thematic break ("---", "- - -") or a setext
    // underline ("==="). A '#', '-' or '+' followed by anything else ("#23", "-5%") is ordinary text.
    [GeneratedRegex(@"^(?:#{1,6}(?:[ \t]|$)|[-+](?:[ \t]|$)|-[ \t]*-[ \t]*-[- \t]*$|=+[ \t]*$)")]
    private static partial Regex BlockMarker();
}
