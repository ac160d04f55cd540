using PlanBot.BotFramework.Schema;
using PlanBot.Core.People;

namespace PlanBot.Web.People;

/// <summary>
/// Who sent a message: their people-file entry, their Teams name and object id, and whether they are a PMO admin
/// (<see cref="PmoAdmins"/>).
/// </summary>
public sealed record ChatSender(Person? Person, string? Name, string? AadObjectId, bool IsPmoAdmin)
{
    /// <summary>The name to show and to match owners by: the people file's, else Teams'.</summary>
    public string? DisplayName => Person?.Name ?? Name;
}

/// <summary>
/// Identifies the sender of an activity against the people file, for features only some people may use. The entry is
/// found by Entra object id only: a Teams display name is not proof of anyone (anyone can take "Louise Mitchell"), so a
/// person the people file lists without an object id is not recognised until the PMO adds it. The Teams name is kept
/// for what is only read ("my milestones").
/// </summary>
public sealed class ChatSenders(IPeopleStore people, PmoAdmins admins)
{
    public async Task<(ChatSender Sender, PeopleSet Everyone)> IdentifyAsync(Activity activity, CancellationToken cancellationToken)
    {
        var everyone = await people.GetPeopleAsync(cancellationToken);
        var objectId = activity.From?.AadObjectId is { Length: > 0 } id ? id.Trim() : null;
        var person = everyone.FindByAadObjectId(objectId);
        return (new ChatSender(person, activity.From?.Name, objectId, admins.Includes(objectId, everyone)), everyone);
    }

    /// <summary>
    /// Said after "Only PMO admins can …": whom to ask, without naming anyone (a name would tell an impostor which name
    /// to take), and what to do if they are an admin PlanBot does not recognise.
    /// </summary>
    public static string AskThePmo(PeopleSet everyone) => everyone.WithRole(PersonRoles.PmoAdmin).Any()
        ? "Ask your PMO. If you are a PMO admin, ask another to add your Microsoft Entra object id to PlanBot's people file."
        : NoAdmins;

    /// <summary>Said in Teams when the people file names no PMO admin: who can fix it, not which command-line tool they use.</summary>
    public const string NoAdmins = "PlanBot's people file names no PMO admin yet. Ask whoever set PlanBot up for your organisation to give someone the \"PMO admin\" role, with their Microsoft Entra object id.";
}
