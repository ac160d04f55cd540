using PlanBot.BotFramework.Schema;
using PlanBot.Core.Digests;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Time;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Digests;

/// <summary>
/// "digest now" in chat: this week's digest of the plan, composed as at now against the latest snapshot before this
/// week. Chairs and PMO admins (people file roles) get the whole plan, "digest for Finance" the areas named, anyone
/// else their own milestones. A digest too big for one card comes as several messages.
/// </summary>
public sealed class DigestPreview(
    PlanReadModels readModels,
    IPlanSnapshotStore snapshots,
    IReminderLedger reminders,
    IPeopleStore people,
    DigestCards cards,
    PlanClock clock)
{
    /// <summary>The messages answering <paramref name="request"/> for the user who sent <paramref name="activity"/>.</summary>
    public async Task<IReadOnlyList<Activity>> AnswerAsync(DigestRequest request, PlanSummary plan, Activity activity, CancellationToken cancellationToken)
    {
        if (request.Kind == DigestRequestKind.Subscription)
            return [CardMessages.PlainMessage(
                $"I can't send the digest on a schedule yet. Say \"digest now\" for this week's digest of {plan.Id.ToUpperInvariant()}, or \"digest for Finance\" for one area.")];
        if (await readModels.GetAsync(plan, cancellationToken) is not { } index)
            return [CardMessages.PlainMessage($"Plan '{plan.Id}' has just been removed. Say \"plans\" to see the plans I hold.")];

        var audience = request.Areas.Count > 0 ? DigestAudience.ForAreas(request.Areas) : await AudienceForAsync(activity, cancellationToken);
        var today = clock.Today;
        var baseline = await snapshots.GetLatestBeforeAsync(plan.Id, SnapshotWeek.Of(today), cancellationToken);
        var states = await reminders.GetStatesAsync(plan.Id, cancellationToken);
        var digest = DigestComposer.Compose(index.Plan, baseline, states, audience, today, clock.Time.GetUtcNow());
        var parts = cards.Cards(digest);
        return [.. parts.Select((card, i) => card.ToMessage(i == 0 ? DigestCards.MessageText(digest) : $"Digest continued ({i + 1} of {parts.Count})."))];
    }

    private async Task<DigestAudience> AudienceForAsync(Activity activity, CancellationToken cancellationToken)
    {
        var everyone = await people.GetPeopleAsync(cancellationToken);
        var person = everyone.FindByAadObjectId(activity.From?.AadObjectId) ?? everyone.FindByName(activity.From?.Name);
        if (person is not null && (person.IsPmoAdmin || person.HasRole(PersonRoles.Chair))) return DigestAudience.WholePlan;
        var name = person?.Name ?? activity.From?.Name;
        return string.IsNullOrWhiteSpace(name) ? DigestAudience.WholePlan : DigestAudience.ForOwner(name);
    }
}
