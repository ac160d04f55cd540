using PlanBot.Core.People;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Updates;

/// <summary>
/// Lets a milestone's owners (any role), their delegates and PMO admins update it, and nobody else, recognising each by
/// Entra object id only: an owner name must resolve (people file, then Graph) to a person whose object id is the
/// author's, and a delegate likewise. A Teams display name proves nothing (anyone can take one), so an owner known only
/// by name cannot be acted for until the PMO adds their object id. PMO admins are people-file people with the "PMO
/// admin" role, or object ids listed in configuration. A refusal names nobody, so it cannot tell an impostor whose
/// name to take; an admin is told instead which owners lack an object id (<see cref="UpdatePermission.Notice"/>). Who is an
/// admin is <see cref="PmoAdmins"/>'s rule, the same one chat features use.
/// </summary>
public sealed class OwnerAuthoriser(PmoAdmins admins, IPeopleStore people, OwnerResolver resolver) : IUpdateAuthoriser
{
    public async Task<UpdatePermission> CheckAsync(string planId, Milestone milestone, UpdateAuthor author, CancellationToken cancellationToken = default)
    {
        var objectId = author.AadObjectId is { Length: > 0 } id ? id.Trim() : null;
        var everyone = await people.GetPeopleAsync(cancellationToken).ConfigureAwait(false);
        var isAdmin = admins.Includes(objectId, everyone);

        var unidentified = new List<string>();
        foreach (var ownerName in milestone.Owners.Select(o => o.Name).Distinct())
        {
            OwnerResolution owner;
            try
            {
                owner = await resolver.ResolveAsync(ownerName, cancellationToken).ConfigureAwait(false);
            }
            catch (DirectorySearchException) when (isAdmin)
            {
                continue; // an admin may act whatever the directory says; only the notice is incomplete
            }
            if (owner.Person is not { } person)
            {
                unidentified.Add(ownerName);
                continue;
            }
            if (person.AadObjectId is not { Length: > 0 }) unidentified.Add(person.Name);
            else if (!isAdmin && SameId(person.AadObjectId, objectId)) return UpdatePermission.Allow;
            if (!isAdmin && everyone.DelegateOf(person) is { AadObjectId: { Length: > 0 } delegateId } && SameId(delegateId, objectId))
                return UpdatePermission.Allow;
        }

        if (isAdmin)
            return unidentified.Count == 0 ? UpdatePermission.Allow : new UpdatePermission(true, Notice: NoObjectId(unidentified));
        return UpdatePermission.Refuse(milestone.Owners.Count == 0
            ? $"Only the PMO can update {milestone.Ref.Display}: it has no owner named in the plan."
            : $"Your Microsoft Entra account is not one of {milestone.Ref.Display}'s owners, their delegates or the PMO admins. "
              + "If it is yours, ask the PMO to check the people file.");
    }

    /// <summary>"Louise Mitchell has no Entra object id: add it, or turn on Graph lookup."</summary>
    public static string NoObjectId(IReadOnlyList<string> names) =>
        names.Count == 1
            ? $"{names[0]} has no Entra object id: add it, or turn on Graph lookup."
            : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]} have no Entra object id: add them, or turn on Graph lookup.";

    private static bool SameId(string? a, string? b) => a is not null && b is not null && string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);
}
