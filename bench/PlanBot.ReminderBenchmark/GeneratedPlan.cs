using System.Globalization;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;

namespace PlanBot.ReminderBenchmark;

/// <summary>
/// A plan of <c>count</c> milestones with due dates spread ±6 months around <c>now</c>, and a reminder state for each,
/// drawn from a fixed seed so every run sweeps the same plan. The mix is meant to touch every branch of the planner:
/// finished and undated milestones, revised dates, missing owners, slots already sent, updates, snoozes and escalations.
/// </summary>
internal static class GeneratedPlan
{
    public const string PlanId = "bench";

    private static readonly string[] Names =
    [
        "Rachel Pilsworth", "Sara Rodreguiz", "Sue Graham", "Louis Kamfer", "Jane Webster", "Danielle", "Mark Foster",
        "Priya Shah", "Tom Okafor", "Helen Carr", "Ian Doyle", "Nadia Rahman",
    ];

    public static (Milestone[] Milestones, ReminderState[] States) Create(int count, DateTimeOffset now, ReminderPlanner planner, int seed)
    {
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var milestones = new Milestone[count];
        var states = new ReminderState[count];
        for (var i = 0; i < count; i++)
        {
            var due = today.AddDays(random.Next(-183, 184));
            var roll = random.NextDouble();
            var milestone = new Milestone
            {
                // Two-level references as the seeds number actions (6.17): 1.1 … 100.1000.
                Ref = MilestoneRef.Parse(string.Create(CultureInfo.InvariantCulture, $"{i / 1000 + 1}.{i % 1000 + 1}")),
                Title = $"Generated milestone {i + 1}",
                Due = roll < 0.04 ? new TrackerDate("Ongoing", null, Problem: DateProblem.NotADate) : TrackerDate.Exact(due),
                RevisedDue = roll is >= 0.04 and < 0.24 ? TrackerDate.Exact(due.AddDays(random.Next(7, 90))) : TrackerDate.Blank,
                Status = roll is >= 0.24 and < 0.32 ? MilestoneStatus.Complete : MilestoneStatus.OnTrack,
                Rag = roll is >= 0.32 and < 0.34 ? Rag.Blue : Rag.Amber,
                Owners = Owners(random),
            };
            milestones[i] = milestone;
            states[i] = State(random, milestone, now, planner);
        }
        return (milestones, states);
    }

    private static Owner[] Owners(Random random)
    {
        var owners = new List<Owner>(3);
        if (random.NextDouble() < 0.9) owners.Add(new Owner(Names[random.Next(Names.Length)], OwnerRole.Delivery, "Delivery owner"));
        if (random.NextDouble() < 0.1) owners.Add(new Owner(Names[random.Next(Names.Length)], OwnerRole.Delivery, "Ops lead", IsDeputy: true));
        if (random.NextDouble() < 0.85) owners.Add(new Owner(Names[random.Next(Names.Length)], OwnerRole.Accountable, "COT owner"));
        return [.. owners];
    }

    private static ReminderState State(Random random, Milestone milestone, DateTimeOffset now, ReminderPlanner planner)
    {
        var roll = random.NextDouble();
        var state = ReminderState.None;
        if (roll < 0.30) return state;

        // Most milestones have been swept before: what is due now (an escalation and the chaser after it, say) was
        // sent at some point earlier. The rest have something due.
        var sentAt = now.AddMinutes(-random.Next(1, 60 * 24 * 5));
        for (var sends = 0; roll < 0.75 && sends < 3 && planner.Due(PlanId, milestone, state, now) is { } due; sends++)
        {
            state = state.Sent(due, sentAt);
        }
        if (random.NextDouble() < 0.25) state = state.Updated(now.AddMinutes(-random.Next(1, 60 * 24 * 40)));
        if (random.NextDouble() < 0.05) state = state.Snoozed(now.AddHours(random.Next(-24 * 5, 24 * 10)));
        if (random.NextDouble() < 0.10) state = state with { EscalatedAt = now.AddDays(-random.Next(1, 120)) };
        return state;
    }
}
