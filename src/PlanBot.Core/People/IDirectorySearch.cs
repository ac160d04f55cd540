namespace PlanBot.Core.People;

/// <summary>
/// Exact-match searches of the organisation directory (Microsoft Graph in the host). Matches compare ignoring case, as
/// the directory does; every method returns all matches, so the caller can tell one from several. Users whose account
/// is disabled are left out.
/// </summary>
public interface IDirectorySearch
{
    /// <summary>False when no directory is configured (local mode); every search then returns nothing.</summary>
    bool IsAvailable { get; }

    /// <summary>What is searched, for logs and the CLI: "Microsoft Graph at https://graph.microsoft.com/v1.0", or why nothing is.</summary>
    string Description { get; }

    Task<IReadOnlyList<Person>> FindByDisplayNameAsync(string displayName, CancellationToken cancellationToken = default);

    /// <summary>Users whose mail is <paramref name="email"/>; when none, users whose user principal name is.</summary>
    Task<IReadOnlyList<Person>> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Users with exactly this given name and surname: the fallback for directories that write display names "GRAHAM, Sue (NHS …)".</summary>
    Task<IReadOnlyList<Person>> FindByGivenNameAndSurnameAsync(string givenName, string surname, CancellationToken cancellationToken = default);
}

/// <summary>The directory could not be searched (refused, unreachable, too slow). The message is safe to show: no tokens or secrets.</summary>
public sealed class DirectorySearchException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>No directory: local mode, or Graph switched off. Resolution then relies on the people file.</summary>
public sealed class NoDirectorySearch(string reason) : IDirectorySearch
{
    public bool IsAvailable => false;

    public string Description { get; } = reason;

    public Task<IReadOnlyList<Person>> FindByDisplayNameAsync(string displayName, CancellationToken cancellationToken = default) => None;

    public Task<IReadOnlyList<Person>> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => None;

    public Task<IReadOnlyList<Person>> FindByGivenNameAndSurnameAsync(string givenName, string surname, CancellationToken cancellationToken = default) => None;

    private static Task<IReadOnlyList<Person>> None => Task.FromResult<IReadOnlyList<Person>>([]);
}
