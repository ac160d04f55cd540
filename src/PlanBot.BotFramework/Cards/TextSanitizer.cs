using System.Globalization;
using System.Text;

namespace PlanBot.BotFramework.Cards;

/// <summary>
/// Cleans text that came from users or tracker files before it goes into a card: line breaks normalised to \n, tabs to
/// spaces, control and bidirectional-override characters dropped (they can hide or reorder what a reader sees), broken
/// UTF-16 replaced, and absurd lengths cut with an ellipsis. Letters, emoji (with their joiners) and every script stay.
/// </summary>
public static class TextSanitizer
{
    public const int DefaultMaxLength = 2_000;
    private const string Ellipsis = "…";

    public static string Clean(string? text, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cleaned.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                cleaned.Append('\uFFFD');
            }
            else if (c == '\r')
            {
                cleaned.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                cleaned.Append('\n');
            }
            else if (c == '\t')
            {
                cleaned.Append(' ');
            }
            else if (!IsDropped(c))
            {
                cleaned.Append(c);
            }
        }

        return Truncate(cleaned.ToString(), maxLength);
    }

    private static bool IsDropped(char c) =>
        char.IsControl(c) // C0, DEL and C1
        || c is >= '\u202A' and <= '\u202E' // bidi embeddings and overrides
        || c is >= '\u2066' and <= '\u2069' // bidi isolates
        || c is '\uFEFF' or '\uFFFE' or '\uFFFF' or >= '\uFFF9' and <= '\uFFFB';

    // Cuts on a text-element boundary so an emoji sequence or a letter with its accents is never split.
    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var budget = maxLength - Ellipsis.Length;
        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, end);
            if (end + next > budget)
            {
                break;
            }

            end += next;
        }

        return string.Concat(text.AsSpan(0, end).TrimEnd(), Ellipsis);
    }
}
