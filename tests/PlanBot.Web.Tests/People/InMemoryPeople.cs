using System.Collections.Concurrent;
using PlanBot.Core.People;

namespace PlanBot.Web.Tests.People;

/// <summary>The people file, in memory: enough for tests of the resolver, which is what they test.</summary>
internal sealed class InMemoryPeopleStore(params Person[] people) : IPeopleStore
{
    private PeopleSet _set = people.Length == 0 ? PeopleSet.Empty : new PeopleSet(people, new PeopleSetInfo("v1", people.Length, DateTimeOffset.UnixEpoch, "test", "people.csv"));

    public int Reads { get; private set; }

    public Task<PeopleSet> GetPeopleAsync(CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult(_set);
    }

    public Task<PeopleSetInfo> ReplaceAllAsync(IReadOnlyList<Person> replacement, string importedBy, string? sourceFile, CancellationToken cancellationToken = default)
    {
        var info = new PeopleSetInfo("v" + (Reads + 2), replacement.Count, DateTimeOffset.UnixEpoch, importedBy, sourceFile);
        _set = new PeopleSet(replacement, info);
        return Task.FromResult(info);
    }
}

/// <summary>
/// A directory in memory: exact matches ignoring case, every search recorded. A user's given name and surname are read
/// from a display name written "Surname, Given (Organisation)", as NHS directories write them.
/// </summary>
internal sealed class InMemoryDirectory(params Person[] users) : IDirectorySearch
{
    private readonly ConcurrentQueue<string> _searches = new();

    public bool IsAvailable { get; init; } = true;

    public string Description => "in-memory directory";

    /// <summary>When set, every search throws it.</summary>
    public Exception? Failure { get; set; }

    /// <summary>"displayName:Sue Graham", "email:sue@nhs.net", "givenName+surname:Sue|Graham".</summary>
    public IReadOnlyList<string> Searches => [.. _searches];

    public Task<IReadOnlyList<Person>> FindByDisplayNameAsync(string displayName, CancellationToken cancellationToken = default) =>
        Search("displayName:" + displayName, u => Same(u.Name, displayName));

    public Task<IReadOnlyList<Person>> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Search("email:" + email, u => Same(u.Email, email));

    public Task<IReadOnlyList<Person>> FindByGivenNameAndSurnameAsync(string givenName, string surname, CancellationToken cancellationToken = default) =>
        Search($"givenName+surname:{givenName}|{surname}", u => Same(u.Name, $"{surname}, {givenName}") || u.Name.StartsWith($"{surname}, {givenName} (", StringComparison.OrdinalIgnoreCase));

    private Task<IReadOnlyList<Person>> Search(string what, Func<Person, bool> match)
    {
        _searches.Enqueue(what);
        if (Failure is { } failure) return Task.FromException<IReadOnlyList<Person>>(failure);
        return Task.FromResult<IReadOnlyList<Person>>(IsAvailable ? users.Where(match).ToList() : []);
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
