namespace PlanBot.Core.Plans;

/// <summary>
/// Which owner names written in one plan are one person, for questions about people ("what have I got", "what's Sam
/// Okafor got open"). Names are always shown as the tracker writes them; this only decides who is who when a question
/// names a person. Anything that writes or sends still identifies a person by Entra object id (see <c>OwnerResolver</c>),
/// never by these names.
/// </summary>
public static class OwnerIdentity
{
    /// <summary>
    /// For each name, the written name of the person it is, or null when it is a person of its own. An address that
    /// spells a name the plan also writes in full ("sam.okafor@…" and "Sam Okafor") is that person. An initial and a
    /// surname ("S. Okafor" beside "Sam Okafor") and a first name alone ("Helen" beside "Helen Ward") stay people of
    /// their own: blind writers read them both ways, so PlanBot asks which is meant rather than guess.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> SamePerson(IEnumerable<string> names)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in distinct.Where(n => !OwnerNames.IsEmailAddress(n))) byKey.TryAdd(Key(name), name);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in distinct)
            result[name] = OwnerNames.IsEmailAddress(name) && OwnerNames.SpelledName(name) is { } spelled && byKey.TryGetValue(Key(spelled), out var written)
                ? written
                : null;
        return result;
    }

    /// <summary>
    /// Whether a person's name fits an owner written as a post with initials: "Katrina Leighton" is "DCFO (KL)". Blind
    /// writers asked as the person behind the initials (2 lines to 0); the caller takes it only when one owner fits.
    /// </summary>
    public static bool HoldsPostByInitials(string ownerName, string personName)
    {
        var reading = People.PersonName.Read(ownerName);
        var person = People.PersonName.Read(personName);
        return reading.Kind == People.OwnerNameKind.RoleOnly && reading.Initials is { } initials && !initials.Contains('/')
            && person.Kind == People.OwnerNameKind.FullName && People.PersonName.Initials(person.SearchName) == initials;
    }

    /// <summary>
    /// The words a question may use for an owner: the name, and for an address also the name it spells ("k.osei@…" is
    /// asked about as "K Osei" or "Osei").
    /// </summary>
    public static string MatchText(string name) =>
        OwnerNames.IsEmailAddress(name) && OwnerNames.SpelledName(name) is { } spelled ? $"{spelled} ({name})" : name;

    private static string Key(string name) => string.Join(' ', Words(name)).ToLowerInvariant();

    private static string[] Words(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
