using System.Text.RegularExpressions;

namespace PlanBot.Web.Bot;

/// <summary>What the user typed, without the @mention Teams puts in group chats, the markup it may wrap round it, and spare spacing.</summary>
public static partial class MessageText
{
    /// <summary>Longer messages are not questions; the rest is ignored rather than parsed.</summary>
    public const int MaxLength = 1000;

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (text.Length > MaxLength * 4) text = text[..(MaxLength * 4)];
        text = Mention().Replace(text, " ");
        text = Tag().Replace(text, " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        text = new string(text.Where(c => !char.IsControl(c) || c == '\n').ToArray());
        text = Spaces().Replace(text, " ").Trim();
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }

    /// <summary>The text as a command word: lower case, without closing punctuation ("Help!" is help).</summary>
    public static string Command(string cleaned) => cleaned.TrimEnd('?', '!', '.', ' ').ToLowerInvariant();

    [GeneratedRegex(@"<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<[^>]{1,200}>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
