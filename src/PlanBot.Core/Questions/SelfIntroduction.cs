using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanBot.Core.Questions;

/// <summary>
/// The asker naming themselves before a question: "Sue Graham here - what's overdue on my patch?", "I'm Mike Shimmon, what
/// have I got?", "this is Jo Bloggs: anything of mine late?", "Charlotte Dillaway - which of mine aren't complete yet?".
/// For reading only: the name stands for "me/my" in that one question. Anything that writes or sends keeps the
/// signed-in user's Entra object id and never sees this.
/// </summary>
public static partial class SelfIntroduction
{
    private const int MaxNameWords = 3;

    /// <summary>The introduction's name and where the question after it starts in the text; null when there is none.</summary>
    public static (string Name, int QuestionStart)? Find(string text, List<Word> words, PlanIndex index)
    {
        if (words.Count < 3) return null;
        // "hi, …", "morning - …": a greeting first.
        var greeting = words[0].Text is "hi" or "hello" or "hey" or "hiya" or "morning" or "afternoon" ? 1 : 0;
        // "I'm …", "I am …", "this is …", "it's …", "my name is …": the name follows.
        var opener = greeting + (At(words, greeting, "im") || At(words, greeting, "its") ? 1
            : At(words, greeting, "i", "am") || At(words, greeting, "this", "is") ? 2
            : At(words, greeting, "my", "name", "is") ? 3
            : 0);
        var introduced = opener > greeting;
        for (var length = Math.Min(MaxNameWords, words.Count - opener - 1); length >= 1; length--)
        {
            var end = opener + length;
            var nameWords = words.Skip(opener).Take(length).Select(w => w.Text).ToList();
            if (nameWords.Any(w => !w.All(char.IsLetter) || QuestionVocabulary.Ordinary.Contains(w) || IsCueWord(w))) continue;
            var here = end < words.Count && words[end].Text is "here" or "speaking" or "asking";
            // A first name alone ("Sue here", "I'm Sue") only when it is one owner's.
            if (length == 1 && !(here || introduced)) continue;
            var next = here ? end + 1 : end;
            if (next >= words.Count) continue;
            var rest = words.Skip(next).ToList();
            // Without "I'm" or "here", a name before the question is the asker's only when the question is about "me".
            if (!introduced && !here && !(rest.Any(w => w.Text is "my" or "mine" or "me" or "i" or "im" or "myself") && rest[0].Text is not ("my" or "mine")))
                continue;
            if (!introduced && !here && !StartsAQuestion(rest[0].Text)) continue;
            var person = Resolve(nameWords, index);
            if (person is null && ((!introduced && !here) || length == 1)) continue;
            return (person?.Name ?? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(string.Join(' ', nameWords)), words[next].Start);
        }
        return null;
    }

    /// <summary>
    /// The owner a full name is: one whose words are the name's, or, where the tracker writes owners as a role with the
    /// holder's initials in brackets ("AD C&amp;C (EH)"), the one owner with the name's initials.
    /// </summary>
    private static PlanPerson? Resolve(List<string> nameWords, PlanIndex index)
    {
        var set = nameWords.ToHashSet(StringComparer.Ordinal);
        if (set.Count == 1)
            return index.People.Where(p => p.Words.Length >= 2 && p.Words.Contains(nameWords[0])).ToList() is [var only] ? only : null;
        if (index.People.Where(p => p.Words.ToHashSet(StringComparer.Ordinal).SetEquals(set)).ToList() is [var exact]) return exact;
        if (index.People.Where(p => p.Words.Length > set.Count && set.All(p.Words.Contains)).ToList() is [var fuller]) return fuller;
        var initials = string.Concat(nameWords.Select(w => char.ToUpperInvariant(w[0])));
        return index.People.Where(p => BracketedInitials().Match(p.Name) is { Success: true } m && m.Groups[1].Value == initials).ToList() is [var byInitials]
            ? byInitials : null;
    }

    private static bool At(List<Word> words, int at, params string[] phrase) =>
        at + phrase.Length < words.Count && phrase.Select((p, k) => words[at + k].Text == p).All(same => same);

    private static bool StartsAQuestion(string word) =>
        word is "what" or "whats" or "which" or "who" or "whos" or "how" or "hows" or "anything" or "any" or "is" or "are" or "have" or "has"
            or "do" or "does" or "can" or "could" or "show" or "list" or "give" or "tell" or "where" or "wheres" or "when";

    private static bool IsCueWord(string word) => QuestionVocabulary.Phrases.Any(p => p.Words.Length == 1 && p.Words[0] == word);

    [GeneratedRegex(@"\(([A-Z]{2,3})\)\s*$")]
    private static partial Regex BracketedInitials();
}
