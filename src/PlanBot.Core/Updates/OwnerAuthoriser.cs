using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;

namespace PlanBot.Core.Updates;

/// <summary>
/// Lets a milestone's owners (any role), their delegates and PMO admins update it, and nobody else.
/// An author is identified by their Entra object id where the people file or the directory knows it — an owner
/// name resolves to a person, whose id must be the author's — and otherwise by their Teams name equalling the owner's
/// name word for word ("Graham, Sue" is Sue Graham). PMO admins are people-file people with the "PMO admin" role, or
/// object ids listed in configuration. A refusal names the owners, so the author knows whom to ask.
/// </summary>
public sealed class OwnerAuthoriser(IReadOnlySet<string> adminObjectIds, IPeopleStore people, OwnerResolver resolver) : IUpdateAuthoriser
{
    public async Task<UpdatePermission> CheckAsync(string planId, Milestone milestone, UpdateAuthor author, CancellationToken cancellationToken = default)
    {
        var objectId = author.AadObjectId is { Length: > 0 } id ? id.Trim() : null;
        if (objectId is not null && adminObjectIds.Contains(objectId)) return UpdatePermission.Allow;

        var everyone = await people.GetPeopleAsync(cancellationToken).ConfigureAwait(false);
        var authorPerson = objectId is null ? null : everyone.FindByAadObjectId(objectId);
        if (authorPerson?.IsPmoAdmin == true) return UpdatePermission.Allow;

        var authorKey = NameKey(author.Name);
        foreach (var ownerName in milestone.Owners.Select(o => o.Name).Distinct())
        {
            var owner = await resolver.ResolveAsync(ownerName, cancellationToken).ConfigureAwait(false);
            if (owner.Person is { } person)
            {
                if (objectId is not null && string.Equals(person.AadObjectId, objectId, StringComparison.OrdinalIgnoreCase)) return UpdatePermission.Allow;
                // A person known without an object id is recognised by name, as below.
                if (person.AadObjectId is null && authorKey.Length > 0 && NameKey(person.Name) == authorKey) return UpdatePermission.Allow;
                if (everyone.DelegateOf(person) is { } standIn && IsAuthor(standIn, objectId, authorKey)) return UpdatePermission.Allow;
            }
            else if (authorKey.Length > 0 && NameKey(ownerName) == authorKey)
            {
                // Not in the people file or the directory: the plan's own name is all there is to go on.
                return UpdatePermission.Allow;
            }
        }

        var owners = milestone.Owners.Select(o => o.Name).Distinct().ToList();
        return UpdatePermission.Refuse(owners.Count == 0
            ? $"Only the PMO can update {milestone.Ref.Display}: it has no owner named in the plan. Nothing was saved."
            : $"Only {string.Join(", ", owners)} (or their delegate, or the PMO) can update {milestone.Ref.Display}. Nothing was saved.");
    }

    /// <summary>A name's words in order of the alphabet, brackets dropped: "Graham, Sue (CCG)" and "Sue Graham" agree.</summary>
    private static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return string.Empty;
        return string.Join(' ', QuestionText.NamePhrase(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    private static bool IsAuthor(Person person, string? objectId, string authorKey) =>
        objectId is not null && person.AadObjectId is not null
            ? string.Equals(person.AadObjectId, objectId, StringComparison.OrdinalIgnoreCase)
            : authorKey.Length > 0 && NameKey(person.Name) == authorKey;
}
