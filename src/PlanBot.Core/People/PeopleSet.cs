namespace PlanBot.Core.People;

/// <summary>When and from what the stored people were imported. <see cref="Version"/> changes on every import.</summary>
public sealed record PeopleSetInfo(string Version, int Count, DateTimeOffset ImportedAt, string ImportedBy, string? SourceFile);

/// <summary>
/// The people from the people file, with the lookups resolution and authorisation need: by name (ignoring case, accents,
/// titles), by email (ignoring case) and by Entra object id. A set read back from storage is valid by construction; if a
/// row was edited by hand into a clash, the first person in name order wins.
/// </summary>
public sealed class PeopleSet
{
    private readonly Dictionary<string, Person> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Person> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Person> _byObjectId = new(StringComparer.OrdinalIgnoreCase);

    public PeopleSet(IReadOnlyList<Person> people, PeopleSetInfo? info = null)
    {
        People = people;
        Info = info;
        foreach (var person in people)
        {
            _byName.TryAdd(PersonName.Key(person.Name), person);
            if (person.Email is { Length: > 0 } email) _byEmail.TryAdd(email, person);
            if (person.AadObjectId is { Length: > 0 } id) _byObjectId.TryAdd(id, person);
        }
    }

    public static PeopleSet Empty { get; } = new([]);

    public IReadOnlyList<Person> People { get; }

    /// <summary>Null until a people file has been imported.</summary>
    public PeopleSetInfo? Info { get; }

    public int Count => People.Count;

    public Person? FindByName(string? name) => _byName.GetValueOrDefault(PersonName.Key(name));

    public Person? FindByEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : _byEmail.GetValueOrDefault(email.Trim());

    public Person? FindByAadObjectId(string? objectId) => string.IsNullOrWhiteSpace(objectId) ? null : _byObjectId.GetValueOrDefault(objectId.Trim());

    /// <summary>The person a name or email refers to, as a Delegate column may give either.</summary>
    public Person? Find(string? nameOrEmail) => FindByName(nameOrEmail) ?? FindByEmail(nameOrEmail);

    public Person? DelegateOf(Person person) => person.Delegate is { } name ? Find(name) : null;

    /// <summary>People whose first name (after any title) is <paramref name="firstName"/>, ignoring case and accents.</summary>
    public IReadOnlyList<Person> WithFirstName(string firstName)
    {
        var key = PersonName.Key(firstName);
        return People.Where(p => PersonName.Key(p.Name).Split(' ')[0] == key).ToList();
    }

    public IReadOnlyList<Person> WithRole(string role) => People.Where(p => p.HasRole(role)).ToList();
}
