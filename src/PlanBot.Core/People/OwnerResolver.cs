using System.Collections.Concurrent;

namespace PlanBot.Core.People;

public sealed class OwnerResolverOptions
{
    public const string Section = "PlanBot:People";

    /// <summary>How long a resolution (and the people set behind it) is reused before it is looked up again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many directory searches <see cref="OwnerResolver.ResolveAllAsync"/> keeps in flight at once.</summary>
    public int MaxConcurrentLookups { get; set; } = 4;
}

/// <summary>
/// Maps owner names, as plans write them, to people. The order, and what is never done:
/// <list type="number">
/// <item>The people file: the name as written, or without its title, qualifier or trailing initials (compared ignoring
/// case, accents and full stops), or the email. The people file always wins, so a PMO can pin any text, even "CFO (MB)"
/// or "Danielle", to a person by giving them that Name.</item>
/// <item>A first name only or a role (with or without initials) is flagged, never looked up in the directory: the
/// people file's people with that first name or role are offered as suggestions, not chosen.</item>
/// <item>An email: the directory's mail, then its user principal name.</item>
/// <item>A full name: the directory's exact display name; when that finds no one, the exact given name and surname
/// (for directories whose display names read "GRAHAM, Sue (NHS …)").</item>
/// <item>Several matches are <see cref="OwnerResolutionOutcome.Ambiguous"/>; PlanBot never picks one.</item>
/// </list>
/// A person from the people file with an email but no object id is completed from the directory when it has exactly
/// one user with that email. Resolutions are cached in memory for <see cref="OwnerResolverOptions.CacheDuration"/>;
/// a failed directory search is not cached, and its <see cref="DirectorySearchException"/> reaches the caller.
/// </summary>
public sealed class OwnerResolver
{
    private readonly IPeopleStore _store;
    private readonly IDirectorySearch _directory;
    private readonly TimeProvider _time;
    private readonly OwnerResolverOptions _options;
    private readonly ConcurrentDictionary<string, Cached<OwnerResolution>> _resolutions = new(StringComparer.Ordinal);
    private readonly Lock _peopleGate = new();
    private Cached<PeopleSet>? _people;

    public OwnerResolver(IPeopleStore store, IDirectorySearch directory, TimeProvider time, OwnerResolverOptions? options = null)
    {
        _store = store;
        _directory = directory;
        _time = time;
        _options = options ?? new OwnerResolverOptions();
        if (_options.CacheDuration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "CacheDuration must not be negative.");
        if (_options.MaxConcurrentLookups < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxConcurrentLookups must be at least 1.");
    }

    public IDirectorySearch Directory => _directory;

    public async Task<OwnerResolution> ResolveAsync(string ownerName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerName);
        var key = PersonName.Tidy(ownerName).ToLowerInvariant();
        var now = _time.GetUtcNow();
        while (true)
        {
            // Lazy, so that two callers racing to add the same name start one lookup, not two.
            var entry = _resolutions.GetOrAdd(key, static (_, state) => new Cached<OwnerResolution>(
                new Lazy<Task<OwnerResolution>>(() => state.Resolver.ResolveUncachedAsync(state.Name)), state.ExpiresAt),
                (Resolver: this, Name: PersonName.Tidy(ownerName), ExpiresAt: now + _options.CacheDuration));
            if (entry.ExpiresAt <= now && entry.Value.IsCompleted)
            {
                _resolutions.TryRemove(new KeyValuePair<string, Cached<OwnerResolution>>(key, entry));
                continue;
            }

            try
            {
                // The lookup itself is shared by everyone waiting on this name, so one caller giving up does not cancel it.
                var resolution = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
                return resolution with { Name = ownerName };
            }
            catch when (entry.Value.IsFaulted || entry.Value.IsCanceled)
            {
                _resolutions.TryRemove(new KeyValuePair<string, Cached<OwnerResolution>>(key, entry));
                throw;
            }
        }
    }

    /// <summary>Resolves each distinct name once (compared as <see cref="PersonName.Tidy"/> leaves them, ignoring case), in the order first given.</summary>
    public async Task<IReadOnlyList<OwnerResolution>> ResolveAllAsync(IEnumerable<string> ownerNames, CancellationToken cancellationToken = default)
    {
        var distinct = ownerNames.Where(n => !string.IsNullOrWhiteSpace(n)).DistinctBy(n => PersonName.Tidy(n).ToLowerInvariant()).ToList();
        var results = new OwnerResolution[distinct.Count];
        using var gate = new SemaphoreSlim(_options.MaxConcurrentLookups);
        await Task.WhenAll(distinct.Select(async (name, i) =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                results[i] = await ResolveAsync(name, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return results;
    }

    /// <summary>Forgets every cached resolution and the cached people set (after an import in this process).</summary>
    public void ClearCache()
    {
        _resolutions.Clear();
        lock (_peopleGate) _people = null;
    }

    private async Task<OwnerResolution> ResolveUncachedAsync(string name)
    {
        await Task.Yield();
        var reading = PersonName.Read(name);
        var people = await GetPeopleAsync().ConfigureAwait(false);

        // An address names one person; a name the address spells ("R Nash") may name several.
        var known = (reading.Email is { } email ? people.FindByEmail(email) : null)
            ?? people.FindByName(reading.Text) ?? people.FindByName(reading.SearchName);
        if (known is not null) return OwnerResolution.Resolved(name, await CompleteAsync(known).ConfigureAwait(false), OwnerSource.PeopleFile);

        switch (reading.Kind)
        {
            case OwnerNameKind.Empty:
                return new OwnerResolution(name, OwnerResolutionOutcome.NotFound);
            case OwnerNameKind.FirstNameOnly:
                return new OwnerResolution(name, OwnerResolutionOutcome.FirstNameOnly, Candidates: people.WithFirstName(reading.SearchName));
            case OwnerNameKind.RoleOnly:
                return new OwnerResolution(name, OwnerResolutionOutcome.RoleOnly, Candidates: RoleHolders(people, reading));
            case OwnerNameKind.Email:
                return FromDirectory(name, await _directory.FindByEmailAsync(reading.Email!).ConfigureAwait(false));
        }

        var matches = await _directory.FindByDisplayNameAsync(reading.SearchName).ConfigureAwait(false);
        if (matches.Count == 0 && reading.GivenNames is { } given && reading.Surname is { } surname)
            matches = await _directory.FindByGivenNameAndSurnameAsync(given, surname).ConfigureAwait(false);
        return FromDirectory(name, matches);
    }

    /// <summary>People file people who hold the role, and, when the plan gives initials, whose initials are among them.</summary>
    private static IReadOnlyList<Person> RoleHolders(PeopleSet people, OwnerNameReading reading)
    {
        if (reading.Role is not { } role) return [];
        var holders = people.WithRole(role);
        if (reading.Initials is not { } initials) return holders;
        var wanted = initials.Split('/', StringSplitOptions.TrimEntries);
        return holders.Where(p => wanted.Contains(PersonName.Initials(p.Name), StringComparer.Ordinal)).ToList();
    }

    private static OwnerResolution FromDirectory(string name, IReadOnlyList<Person> matches) => matches.Count switch
    {
        0 => new OwnerResolution(name, OwnerResolutionOutcome.NotFound),
        1 => OwnerResolution.Resolved(name, matches[0], OwnerSource.Directory),
        _ => new OwnerResolution(name, OwnerResolutionOutcome.Ambiguous, Candidates: matches, Source: OwnerSource.Directory),
    };

    /// <summary>The people file's person, with the object id the directory has for their email when the file gives none.</summary>
    private async Task<Person> CompleteAsync(Person person)
    {
        if (person.AadObjectId is not null || person.Email is not { } email || !_directory.IsAvailable) return person;
        try
        {
            var found = await _directory.FindByEmailAsync(email).ConfigureAwait(false);
            return found is [{ AadObjectId: { } id }] ? person with { AadObjectId = id } : person;
        }
        catch (DirectorySearchException)
        {
            // The people file works offline: the person is still resolved, only without the directory's id.
            return person;
        }
    }

    private Task<PeopleSet> GetPeopleAsync()
    {
        var now = _time.GetUtcNow();
        lock (_peopleGate)
        {
            if (_people is { } cached && (cached.ExpiresAt > now || !cached.Value.IsCompleted) && !cached.Value.IsFaulted && !cached.Value.IsCanceled)
                return cached.Value;
            var load = _store.GetPeopleAsync(CancellationToken.None);
            _people = new Cached<PeopleSet>(new Lazy<Task<PeopleSet>>(load), now + _options.CacheDuration);
            return load;
        }
    }

    private sealed record Cached<T>(Lazy<Task<T>> Lookup, DateTimeOffset ExpiresAt)
    {
        public Task<T> Value => Lookup.Value;
    }
}
