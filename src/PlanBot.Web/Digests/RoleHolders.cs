using PlanBot.Core.People;

namespace PlanBot.Web.Digests;

/// <summary>Someone holding a subscribed role: their Teams account, or why PlanBot cannot reach them.</summary>
public sealed record RoleHolder(Person Person, string? AadObjectId, string? Problem);

/// <summary>
/// Expands a role into the people file's holders and finds each one's Teams account: from the people file, else by
/// name through <see cref="OwnerResolver"/> (the directory, when there is one). Used when a role's digest is due and
/// when a PMO admin subscribes the role, so the admin hears then who cannot be reached.
/// </summary>
public sealed class RoleHolders(OwnerResolver owners, IDirectorySearch directory)
{
    public async Task<IReadOnlyList<RoleHolder>> FindAsync(PeopleSet everyone, string role, CancellationToken cancellationToken)
    {
        var holders = new List<RoleHolder>();
        foreach (var person in everyone.WithRole(role))
        {
            if (person.AadObjectId is { } objectId)
            {
                holders.Add(new RoleHolder(person, objectId, null));
                continue;
            }
            var resolution = await owners.ResolveAsync(person.Name, cancellationToken);
            holders.Add(resolution.Person?.AadObjectId is { } found
                ? new RoleHolder(person, found, null)
                : new RoleHolder(person, null, resolution.Problem(directory.IsAvailable)));
        }
        return holders;
    }
}
