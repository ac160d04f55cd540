using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanBot.Trackers.Importing;

/// <summary>Tidies cell text from board-paper exports: HTML tags and entities, bullets, runs of spaces.</summary>
public static partial class CellText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var s = text;
        // Undo the quote exporters put before formula-like text ('=SUM…) so a round trip keeps the words.
        if (s.Length > 1 && s[0] == '\'' && s[1] is '=' or '+' or '-' or '@') s = s[1..];
        if (s.Contains('<')) s = HtmlTag().Replace(s, " ");
        if (s.Contains('&')) s = WebUtility.HtmlDecode(s);
        return CollapseSpaces(s);
    }

    /// <summary>Clean text for a title: also drops a leading list bullet ("- ", "• ").</summary>
    public static string CleanTitle(string? text)
    {
        var s = Clean(text);
        while (s.Length > 1 && (s[0] is '-' or '•' or '–' or '*') && char.IsWhiteSpace(s[1]))
            s = s[2..].TrimStart();
        return s;
    }

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var ch in s)
        {
            if (ch is '\r') continue;
            if (ch is '\n')
            {
                // Keep line breaks the author typed inside a cell, drop the spaces around them.
                while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
                pendingSpace = false;
                continue;
            }
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
            pendingSpace = false;
            sb.Append(ch);
        }
        return sb.ToString().Trim();
    }

    [GeneratedRegex("<[^<>]{1,200}>")]
    private static partial Regex HtmlTag();
}
