using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanBot.Core.Questions;

/// <summary>One word of a question, lower-cased and without accents, with where it sits in the normalised text.</summary>
public readonly record struct Word(string Text, int Start, int End)
{
    public bool IsNumber => Text.Length > 0 && char.IsDigit(Text[0]);
}

/// <summary>
/// Turns what people type into comparable words: lower case, accents and apostrophes dropped ("what’s" → "whats"),
/// markup and punctuation treated as spaces. References keep their dots and letters ("6.17", "1.3.1a", "#2c").
/// Anything longer than <see cref="MaxLength"/> is cut: no real question is that long, and the reader's work stays bounded.
/// </summary>
public static partial class QuestionText
{
    public const int MaxLength = 500;

    public static string Normalise(string question)
    {
        var text = question.Length > MaxLength ? question[..MaxLength] : question;
        // Normalize throws on a lone surrogate (a broken emoji, or text cut mid-pair): those become spaces first.
        if (text.Any(char.IsSurrogate)) text = WithoutLoneSurrogates(text);
        // Compatibility decomposition also folds fullwidth letters ("ＯＶＥＲＤＵＥ") and ligatures.
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format) continue;
            if (c is '\'' or '’' or '‘' or '`') continue;
            if (char.IsLetterOrDigit(c) || c is '.' or '#' or '&' or '/' or '?')
                builder.Append(char.ToLowerInvariant(c));
            else
                builder.Append(' ');
        }
        return builder.ToString();
    }

    private static string WithoutLoneSurrogates(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else builder.Append(char.IsSurrogate(text[i]) ? ' ' : text[i]);
        }
        return builder.ToString();
    }

    /// <summary>The words of normalised text; a trailing full stop or question mark is not part of a word.</summary>
    public static List<Word> Words(string normalised)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < normalised.Length)
        {
            while (i < normalised.Length && !IsWordChar(normalised[i])) i++;
            var start = i;
            while (i < normalised.Length && IsWordChar(normalised[i])) i++;
            var end = i;
            // A dot belongs to a word only between two alphanumerics ("6.17"), not at its end ("done.").
            while (end > start && normalised[end - 1] is '.' or '#') end--;
            var first = start;
            while (first < end && normalised[first] is '.') first++;
            if (end > first) words.Add(new Word(normalised[first..end], first, end));
        }
        return words;
    }

    /// <summary>Text as a phrase of its words joined by single spaces: "Dir. Gov" → "dir gov".</summary>
    public static string Phrase(string text) => string.Join(' ', Words(Normalise(text)).Select(w => w.Text.TrimStart('#')));

    /// <summary>
    /// A person's name as a phrase without what is in brackets ("Sue Graham (CCG)" → "sue graham"), for matching a
    /// Teams display name to an owner the plan names.
    /// </summary>
    public static string NamePhrase(string name) => Phrase(Bracketed().Replace(name, " "));

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Bracketed();

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '#';
}
