using PlanBot.BotFramework.Schema;
using PlanBot.Core.Digests;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Time;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Digests;

/// <summary>What a plan's digest is composed from, read once however many audiences it is composed for.</summary>
public sealed record DigestInputs(
    PlanSummary Summary,
    Plan Plan,
    PlanSnapshot? Baseline,
    IReadOnlyDictionary<MilestoneRef, ReminderState> ReminderStates,
    DateOnly Today,
    DateTimeOffset Now);

/// <summary>
/// Writes digests, for "digest now" and for the weekly sends alike: reads the plan, the latest snapshot before this
/// week (the baseline for "since last week") and the reminder states; composes the digest for an audience; and renders
/// it as messages, several when one card would be too big for Teams.
/// </summary>
public sealed class DigestWriter(
    PlanReadModels readModels,
    IPlanSnapshotStore snapshots,
    IReminderLedger reminders,
    DigestCards cards)
{
    /// <summary>The plan's inputs as at <paramref name="now"/>; null when the plan has just been removed.</summary>
    public async Task<DigestInputs?> ReadAsync(PlanSummary plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await readModels.GetAsync(plan, cancellationToken) is not { } index) return null;
        var today = LondonTime.DateOf(now);
        var baseline = await snapshots.GetLatestBeforeAsync(plan.Id, SnapshotWeek.Of(today), cancellationToken);
        var states = await reminders.GetStatesAsync(plan.Id, cancellationToken);
        return new DigestInputs(plan, index.Plan, baseline, states, today, now);
    }

    public static Digest Compose(DigestInputs inputs, DigestAudience audience) =>
        DigestComposer.Compose(inputs.Plan, inputs.Baseline, inputs.ReminderStates, audience, inputs.Today, inputs.Now);

    /// <summary>The digest as messages: the first says what it is, any after it that they continue it.</summary>
    public IReadOnlyList<Activity> Messages(Digest digest)
    {
        var parts = cards.Cards(digest);
        return [.. parts.Select((card, i) => card.ToMessage(i == 0 ? DigestCards.MessageText(digest) : $"Digest continued ({i + 1} of {parts.Count})."))];
    }
}
