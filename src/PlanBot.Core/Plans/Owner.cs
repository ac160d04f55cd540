namespace PlanBot.Core.Plans;

/// <summary>
/// One person named against a milestone. <see cref="Name"/> is as the tracker writes it ("AO (CG)", "Louis Kamfer");
/// <see cref="RoleTitle"/> is the tracker's column name ("COT Owner", "SRO", "Ops lead"); <see cref="IsDeputy"/> marks a
/// name written in brackets after another.
/// </summary>
public sealed record Owner(string Name, OwnerRole Role, string RoleTitle, bool IsDeputy = false)
{
    /// <summary>
    /// The person the tracker's own key table names for an owner written as a role code or initials ("AO (CG)" →
    /// "Cathy Gritzner"); null when the name is written in full or no key says who it is. A display name only: never
    /// proof of identity, which stays the Entra object id.
    /// </summary>
    public string? Person { get; init; }

    /// <summary>
    /// The owner as answers show them: the name as written, or with a key table's person first and the role as written
    /// after it ("Cathy Gritzner (AO)").
    /// </summary>
    public string Display => Person is null ? Name : OwnerKeyNames.Display(Person, Name);
}

/// <summary>How an owner written as a role with initials ("AO (CG)") reads beside the person a key table names.</summary>
public static class OwnerKeyNames
{
    /// <summary>"Cathy Gritzner", "AO (CG)" → "Cathy Gritzner (AO)"; the person alone when the written form says no more.</summary>
    public static string Display(string person, string written)
    {
        var role = WithoutInitials(written);
        return role.Length == 0 || string.Equals(role, person, StringComparison.OrdinalIgnoreCase) || IsInitialsOf(role, person)
            ? person
            : $"{person} ({role})";
    }

    /// <summary>"AO (CG)" → "AO"; "DSP" → "DSP"; "(CG)" → "".</summary>
    public static string WithoutInitials(string written)
    {
        var trimmed = written.Trim();
        if (!trimmed.EndsWith(')')) return trimmed;
        var open = trimmed.LastIndexOf('(');
        return open < 0 || !IsInitials(trimmed[(open + 1)..^1].Trim()) ? trimmed : trimmed[..open].Trim();
    }

    /// <summary>The initials in brackets at the end of a written owner ("AO (CG)" → "CG"), or null.</summary>
    public static string? InitialsIn(string written)
    {
        var trimmed = written.Trim();
        if (!trimmed.EndsWith(')')) return null;
        var open = trimmed.LastIndexOf('(');
        if (open < 0) return null;
        var inside = trimmed[(open + 1)..^1].Trim();
        return IsInitials(inside) ? inside : null;
    }

    /// <summary>Two to four letters, the first a capital and at least half capitals: "CG", "JSp", "JGL".</summary>
    public static bool IsInitials(string text) =>
        text.Length is >= 2 and <= 4 && text.All(char.IsAsciiLetter) && char.IsAsciiLetterUpper(text[0])
        && text.Count(char.IsAsciiLetterUpper) * 2 >= text.Length;

    /// <summary>
    /// Whether <paramref name="initials"/> are the person's: the first letters of their names ("TD" for Tricia D'Orsi),
    /// or every capital of them ("JGL" for Jose GarciaLobera), or a capital then a name's next letters ("JSp" for John Spicer).
    /// </summary>
    public static bool IsInitialsOf(string initials, string person)
    {
        if (!IsInitials(initials)) return false;
        var words = person.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).ToList();
        if (words.Count < 2) return false;
        var firsts = string.Concat(words.Select(w => char.ToUpperInvariant(w[0])));
        var capitals = string.Concat(person.Where(char.IsUpper));
        var upper = string.Concat(initials.Where(char.IsUpper));
        if (initials.All(char.IsUpper)) return initials == firsts || initials == capitals;
        // "JSp": each capital starts a name, in order, and its lower-case letters follow it there.
        if (upper != firsts && upper != capitals) return false;
        var at = 0;
        foreach (var part in SplitAtCapitals(initials))
        {
            while (at < words.Count && !words[at].StartsWith(part, StringComparison.Ordinal)) at++;
            if (at == words.Count) return false;
            at++;
        }
        return true;
    }

    private static IEnumerable<string> SplitAtCapitals(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsUpper(text[i])) continue;
            yield return text[start..i];
            start = i;
        }
    }
}
