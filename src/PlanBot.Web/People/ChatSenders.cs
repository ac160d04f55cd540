using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.People;

namespace PlanBot.Web.People;

/// <summary>
/// Who sent a message: their people-file entry, their Teams name and object id, and whether they are a PMO admin (the
/// people file's role, or an object id in PlanBot:Updates:AdminObjectIds).
/// </summary>
public sealed record ChatSender(Person? Person, string? Name, string? AadObjectId, bool IsPmoAdmin)
{
    /// <summary>The name to show and to match owners by: the people file's, else Teams'.</summary>
    public string? DisplayName => Person?.Name ?? Name;
}

/// <summary>
/// Identifies the sender of an activity against the people file, for features only some people may use. The entry is
/// found by Entra object id; the Teams name is enough only for someone the people file lists without an object id, so
/// a name cannot stand in for a person (an admin, say) whose object id is known.
/// </summary>
public sealed class ChatSenders(IPeopleStore people, IOptions<UpdateOptions> updates)
{
    public async Task<(ChatSender Sender, PeopleSet Everyone)> IdentifyAsync(Activity activity, CancellationToken cancellationToken)
    {
        var everyone = await people.GetPeopleAsync(cancellationToken);
        var objectId = activity.From?.AadObjectId is { Length: > 0 } id ? id.Trim() : null;
        var person = everyone.FindByAadObjectId(objectId)
            ?? (everyone.FindByName(activity.From?.Name) is { AadObjectId: null or "" } byName ? byName : null);
        return (new ChatSender(person, activity.From?.Name, objectId, IsPmoAdmin(person, objectId)), everyone);
    }

    /// <summary>A PMO admin by the people file's role, or by an object id in PlanBot:Updates:AdminObjectIds.</summary>
    public bool IsPmoAdmin(Person? person, string? objectId) =>
        person?.IsPmoAdmin == true || (objectId is not null && updates.Value.AdminObjectIds.Contains(objectId, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Whom to ask for what only PMO admins may do: "Ann Lee or Bob Smith", "your PMO (five names and 3 more)"; null
    /// when the people file names no PMO admin.
    /// </summary>
    public static string? AdminsToAsk(PeopleSet everyone)
    {
        var admins = everyone.WithRole(PersonRoles.PmoAdmin).Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return admins.Count switch
        {
            0 => null,
            1 => admins[0],
            <= 5 => string.Join(", ", admins.Take(admins.Count - 1)) + " or " + admins[^1],
            _ => $"your PMO ({string.Join(", ", admins.Take(5))} and {admins.Count - 5} more)",
        };
    }

    /// <summary>Said when the people file names no PMO admin.</summary>
    public const string NoAdmins = "PlanBot's people file names no PMO admin yet: the PMO gives someone the \"PMO admin\" role with planbot people import.";
}
