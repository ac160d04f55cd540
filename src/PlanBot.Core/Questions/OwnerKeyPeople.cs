using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// People a tracker's key names for owners written as role codes or initials: asked about by their name ("Mike
/// Shimmon") or by the tracker's form ("HoE", "MS"), so each person's words are both.
/// </summary>
public static class OwnerKeyPeople
{
    internal static void AddWritten(Dictionary<string, List<string>> writtenAs, string personPhrase, string written)
    {
        if (!writtenAs.TryGetValue(personPhrase, out var forms)) writtenAs[personPhrase] = forms = [];
        if (!forms.Contains(written, StringComparer.OrdinalIgnoreCase)) forms.Add(written);
    }

    /// <summary>The words of the person's name and of every form the tracker writes them in.</summary>
    public static IEnumerable<string> Words(PlanPerson person) =>
        person.Words.Concat(person.WrittenAs.SelectMany(w => QuestionText.Phrase(w).Split(' ', StringSplitOptions.RemoveEmptyEntries))).Distinct(StringComparer.Ordinal);

    /// <summary>The person with the roles the tracker writes them in: "Cathy Gritzner (AO)", "Tricia D'Orsi (CN)"; the name alone otherwise.</summary>
    public static string Label(PlanPerson person)
    {
        var roles = person.WrittenAs.Select(w => OwnerKeyNames.Display(person.Name, w))
            .Where(d => d.Length > person.Name.Length + 3)
            .Select(d => d[(person.Name.Length + 2)..^1])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return roles.Count == 0 ? person.Name : $"{person.Name} ({string.Join(", ", roles)})";
    }

    /// <summary>Whether the words are a person's whole name ("carl nash"), which the initials of a role ("CN") must not take.</summary>
    public static bool IsAName(PlanIndex index, IEnumerable<string> words)
    {
        var typed = words.ToArray();
        return index.People.Any(p => p.Words.AsSpan().SequenceEqual(typed));
    }

    /// <summary>The person the asker is when they sign in as the tracker writes them ("DCFO (KL)"); null when none, or several.</summary>
    public static PlanPerson? WrittenAs(PlanIndex index, string asker)
    {
        var phrase = QuestionText.Phrase(asker);
        var found = index.People.Where(p => p.WrittenAs.Any(w => QuestionText.Phrase(w) == phrase)).ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
