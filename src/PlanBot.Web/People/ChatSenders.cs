using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.People;

namespace PlanBot.Web.People;

/// <summary>
/// Who sent a message: their people-file entry (by Entra object id, else by name), their Teams name and object id, and
/// whether they are a PMO admin (the people file's role, or an object id in PlanBot:Updates:AdminObjectIds).
/// </summary>
public sealed record ChatSender(Person? Person, string? Name, string? AadObjectId, bool IsPmoAdmin)
{
    /// <summary>The name to show and to match owners by: the people file's, else Teams'.</summary>
    public string? DisplayName => Person?.Name ?? Name;
}

/// <summary>Identifies the sender of an activity against the people file, for features only some people may use.</summary>
public sealed class ChatSenders(IPeopleStore people, IOptions<UpdateOptions> updates)
{
    public async Task<(ChatSender Sender, PeopleSet Everyone)> IdentifyAsync(Activity activity, CancellationToken cancellationToken)
    {
        var everyone = await people.GetPeopleAsync(cancellationToken);
        var objectId = activity.From?.AadObjectId is { Length: > 0 } id ? id.Trim() : null;
        var person = everyone.FindByAadObjectId(objectId) ?? everyone.FindByName(activity.From?.Name);
        return (new ChatSender(person, activity.From?.Name, objectId, IsPmoAdmin(person, objectId)), everyone);
    }

    /// <summary>A PMO admin by the people file's role, or by an object id in PlanBot:Updates:AdminObjectIds.</summary>
    public bool IsPmoAdmin(Person? person, string? objectId) =>
        person?.IsPmoAdmin == true || (objectId is not null && updates.Value.AdminObjectIds.Contains(objectId, StringComparer.OrdinalIgnoreCase));

    /// <summary>"Ask a PMO admin (Sue Graham or Ann Lee)." or "Ask the PMO." when the people file names none.</summary>
    public static string AskAnAdmin(PeopleSet everyone)
    {
        var admins = everyone.People.Where(p => p.IsPmoAdmin).Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return admins.Count == 0 ? "Ask the PMO." : $"Ask a PMO admin ({string.Join(" or ", admins)}).";
    }
}
