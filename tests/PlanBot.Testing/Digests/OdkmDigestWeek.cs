using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Updates;

namespace PlanBot.Testing.Digests;

/// <summary>
/// The week after the ODKM board paper (seed 000, samples/odkm-2019-20.txt): the snapshot is taken on Monday 27 January
/// 2020, then owners send updates through the real update path — #43 and #37 complete, #44 delayed to 31 March with a
/// reason — while #45 passes its due date (31 January) untouched; the digest is for Monday 3 February. Reminders went
/// out on 27 January for #43, #45 and #46 (only #43's owner answered), and nobody could be reached for #36.
/// </summary>
public static class OdkmDigestWeek
{
    public static readonly DateOnly LastMonday = new(2020, 1, 27);
    public static readonly DateOnly Today = new(2020, 2, 3);
    public static readonly DateTimeOffset Now = new(2020, 2, 3, 7, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Reminded = new(2020, 1, 27, 9, 0, 0, TimeSpan.Zero);

    public const string DelayReason = "The STP board moved the devolution timetable to March";

    /// <param name="odkm">The ODKM sample as imported.</param>
    public static DigestInputs Apply(Plan odkm)
    {
        var lastWeek = PlanSnapshot.Take(odkm, LastMonday, new DateTimeOffset(2020, 1, 27, 6, 0, 0, TimeSpan.Zero));

        var plan = odkm;
        plan = Update(plan, "43", new MilestoneUpdate { Status = MilestoneStatus.Complete, ProgressNote = "Pilot live in all six practices" }, "Sati Ubhi", new DateOnly(2020, 1, 28));
        plan = Update(plan, "37", new MilestoneUpdate { Status = MilestoneStatus.Complete }, "Rachel Pilsworth", new DateOnly(2020, 1, 29));
        plan = Update(plan, "44", new MilestoneUpdate { Status = MilestoneStatus.Delayed, RevisedDue = new DateOnly(2020, 3, 31), DelayReason = DelayReason },
            "Louise Mitchell", new DateOnly(2020, 1, 30));

        var states = new Dictionary<MilestoneRef, ReminderState>
        {
            [MilestoneRef.Parse("43")] = new ReminderState { LastSentAt = Reminded }.Updated(Reminded.AddDays(1)),
            [MilestoneRef.Parse("45")] = new ReminderState { LastSentAt = Reminded },
            [MilestoneRef.Parse("46")] = new ReminderState { LastSentAt = Reminded },
            [MilestoneRef.Parse("36")] = ReminderState.None.Unreachable("no Teams account found", Reminded),
        };
        return new DigestInputs(plan, lastWeek, states, Today, Now);
    }

    /// <summary>One owner's update as the card's save applies it: the milestone replaced, an exception entry appended for a delay.</summary>
    private static Plan Update(Plan plan, string reference, MilestoneUpdate update, string by, DateOnly day)
    {
        var current = plan.Find(MilestoneRef.Parse(reference)) ?? throw new ArgumentException($"ODKM has no #{reference}.");
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var outcome = MilestoneUpdater.Apply(current, update, day, by, at, "card");
        if (!outcome.IsValid) throw new InvalidOperationException($"#{reference}: {string.Join("; ", outcome.Problems.Select(p => p.Message))}");
        return plan with
        {
            Milestones = [.. plan.Milestones.Select(m => m.Ref == current.Ref ? outcome.Updated! : m)],
            Exceptions = outcome.Exception is { } entry ? [.. plan.Exceptions, entry] : plan.Exceptions,
        };
    }
}
