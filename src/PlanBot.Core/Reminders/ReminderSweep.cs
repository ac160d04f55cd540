using PlanBot.Core.Plans;

namespace PlanBot.Core.Reminders;

/// <summary>One milestone's decision in a sweep: the reminders due now, or why there are none.</summary>
public sealed record SweepDecision(Milestone Milestone, ReminderDecision Decision);

/// <summary>
/// A sweep's decisions for a whole plan, with the reminders due now first in slot order. Outside the send window every
/// milestone's outcome is <see cref="ReminderOutcome.OutsideSendWindow"/> and <see cref="NextSendWindow"/> says when
/// it opens.
/// </summary>
public sealed record SweepResult(string PlanId, DateTimeOffset At, IReadOnlyList<SweepDecision> Decisions, DateTimeOffset NextSendWindow)
{
    public bool InSendWindow => NextSendWindow == At;

    public IReadOnlyList<DueReminder> Due =>
        Decisions.SelectMany(d => d.Decision.All).OrderBy(r => r.Slot).ThenBy(r => r.Ref).ThenByDescending(r => r.Kind == ReminderKind.Escalation).ToList();

    /// <summary>How many milestones ended in each outcome ("not yet", "finished", …), for the dry run's summary.</summary>
    public IReadOnlyDictionary<ReminderOutcome, int> Counts =>
        Decisions.GroupBy(d => d.Decision.Outcome).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>
/// "Who is due a reminder now": the planner over every milestone of a plan, with each milestone's state as the
/// ledger holds it, all decided as at one instant. Pure, so the scheduler, <c>planbot remind --dry-run</c> and the
/// benchmark share it.
/// </summary>
public static class ReminderSweep
{
    public static SweepResult Decide(Plan plan, IReadOnlyDictionary<MilestoneRef, ReminderState> states, ReminderPlanner planner, DateTimeOffset now)
    {
        var decisions = new List<SweepDecision>(plan.Milestones.Count);
        var next = planner.NextSendWindow(now);
        if (next != now)
        {
            foreach (var milestone in plan.Milestones) decisions.Add(new SweepDecision(milestone, new ReminderDecision(ReminderOutcome.OutsideSendWindow)));
            return new SweepResult(plan.Id, now, decisions, next);
        }
        foreach (var milestone in plan.Milestones)
        {
            var state = states.TryGetValue(milestone.Ref, out var known) ? known : ReminderState.None;
            decisions.Add(new SweepDecision(milestone, planner.Decide(plan.Id, milestone, state, now)));
        }
        return new SweepResult(plan.Id, now, decisions, now);
    }
}
