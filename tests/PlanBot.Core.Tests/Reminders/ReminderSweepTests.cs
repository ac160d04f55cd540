using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;
using static PlanBot.Core.Tests.Reminders.ReminderTestData;

namespace PlanBot.Core.Tests.Reminders;

/// <summary>
/// One sweep decides one instant: nothing outside the send window (09:00–17:00 London on working days by default),
/// and inside it every reminder due, turned into one notice per person per milestone.
/// </summary>
public class ReminderSweepTests
{
    private static readonly ReminderPlanner Planner = ReminderTestData.Planner();

    private static Plan PlanOf(params Milestone[] milestones) => new() { Id = TestPlan, Name = "ODKM", Milestones = milestones };

    [Theory]
    [InlineData("2020-01-30T05:38Z")] // before the window: the 7-working-days slot of 22 Jan would otherwise go now
    [InlineData("2020-01-30T17:01Z")] // after it
    [InlineData("2020-02-01T10:00Z")] // a Saturday
    [InlineData("2020-04-13T10:00Z")] // Easter Monday
    public void Outside_the_send_window_nothing_is_due_and_the_sweep_says_when_it_opens(string now)
    {
        var sweep = ReminderSweep.Decide(PlanOf(Milestone("2020-01-31")), new Dictionary<MilestoneRef, ReminderState>(), Planner, Utc(now));

        Assert.False(sweep.InSendWindow);
        Assert.Empty(sweep.Due);
        Assert.Equal(ReminderOutcome.OutsideSendWindow, Assert.Single(sweep.Decisions).Decision.Outcome);
        Assert.True(Planner.IsInSendWindow(sweep.NextSendWindow));
        Assert.True(sweep.NextSendWindow > Utc(now));
    }

    [Fact]
    public void The_next_window_after_an_evening_is_the_next_working_days_send_time()
    {
        Assert.Equal(Utc("2020-02-03T09:00Z"), Planner.NextSendWindow(Utc("2020-01-31T18:00Z")));
        Assert.Equal(Utc("2020-01-30T09:00Z"), Planner.NextSendWindow(Utc("2020-01-30T05:38Z")));
        Assert.Equal(Utc("2020-04-14T08:00Z"), Planner.NextSendWindow(Utc("2020-04-10T12:00Z"))); // Good Friday to Tuesday, BST
    }

    [Fact]
    public void At_the_window_the_superseded_slot_is_dropped_and_only_the_latest_is_due()
    {
        // Due Fri 31 Jan: at 09:00 on Thu 30 Jan the 1-working-day slot supersedes 22 Jan's 7-working-days slot.
        var sweep = ReminderSweep.Decide(PlanOf(Milestone("2020-01-31")), new Dictionary<MilestoneRef, ReminderState>(), Planner, Utc("2020-01-30T09:00Z"));

        var reminder = Assert.Single(sweep.Due);
        Assert.Equal((ReminderKind.Before, 1), (reminder.Kind, reminder.Number));
    }

    [Fact]
    public void Downtime_over_three_slots_gives_one_reminder_at_the_next_window()
    {
        // Due Mon 6 Jan; chasers on Mon 13, 20 and 27 Jan all missed; back on Mon 27 Jan at 18:30, after the window.
        var milestone = Milestone("2020-01-06", owners: [Rachel]);
        var states = new Dictionary<MilestoneRef, ReminderState>();
        var evening = ReminderSweep.Decide(PlanOf(milestone), states, Planner, Utc("2020-01-27T18:30Z"));
        var early = ReminderSweep.Decide(PlanOf(milestone), states, Planner, Utc("2020-01-28T07:00Z"));
        var window = ReminderSweep.Decide(PlanOf(milestone), states, Planner, Utc("2020-01-28T09:00Z"));

        Assert.Empty(evening.Due);
        Assert.Empty(early.Due);
        var reminders = window.Due.Where(r => r.Kind != ReminderKind.Escalation).ToList();
        var chaser = Assert.Single(reminders);
        Assert.Equal((ReminderKind.Overdue, 3), (chaser.Kind, chaser.Number));
        Assert.EndsWith("(slot was Mon 27 Jan 2020)", chaser.Reason);
    }

    [Fact]
    public void An_escalation_and_a_chaser_to_the_same_person_merge_into_one_notice()
    {
        // Sue delivers and answers for #36: on 14 Feb she is due both the chaser and the escalation.
        var milestone = Milestone("2020-01-31", owners: [Sue with { Role = OwnerRole.Delivery }, Sue]);
        var due = ReminderSweep.Decide(PlanOf(milestone), new Dictionary<MilestoneRef, ReminderState>(), Planner, Utc("2020-02-14T09:00Z")).Due;

        var notices = ReminderNotices.For(due, Day("2020-02-14"), owner => owner.Name.ToLowerInvariant());

        Assert.Equal(2, due.Count);
        var notice = Assert.Single(notices);
        Assert.Equal("odkm|36|20200214|sue graham", notice.Key);
        Assert.Equal([ReminderKind.Escalation, ReminderKind.Overdue], notice.Reminders.Select(r => r.Kind));
        Assert.Equal("escalation: no update in the 10 working days since due 31 Jan 2020; also overdue chaser 2: 10 working days after due 31 Jan 2020", notice.Reason);
    }

    [Fact]
    public void Each_person_gets_one_notice_per_milestone_and_a_milestone_naming_nobody_gets_one_for_nobody()
    {
        var plan = PlanOf(
            Milestone("2020-01-31", reference: "36"),
            Milestone("2020-01-31", reference: "37"),
            Milestone("2020-01-31", reference: "38", owners: []));
        var due = ReminderSweep.Decide(plan, new Dictionary<MilestoneRef, ReminderState>(), Planner, Utc("2020-02-14T09:00Z")).Due;

        var notices = ReminderNotices.For(due, Day("2020-02-14"), owner => owner.Name);

        Assert.Equal(
            ["36 Rachel Pilsworth", "36 Sue Graham", "37 Rachel Pilsworth", "37 Sue Graham", "38 nobody"],
            notices.Select(n => $"{n.Ref.Value} {n.PersonKey}").Order(StringComparer.Ordinal));
        Assert.All(notices.Where(n => n.PersonKey == ReminderNotice.Nobody), n => Assert.Null(n.Person));
    }

    [Fact]
    public void The_working_week_and_window_come_from_the_policy()
    {
        var policy = ReminderPolicy.Default with { WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], SendAt = new TimeOnly(8, 0), SendUntil = new TimeOnly(12, 0) };
        var planner = new ReminderPlanner(policy);

        Assert.False(planner.IsInSendWindow(Utc("2020-01-31T10:00Z"))); // a Friday
        Assert.True(planner.IsInSendWindow(Utc("2020-01-30T08:00Z")));
        Assert.False(planner.IsInSendWindow(Utc("2020-01-30T12:01Z")));
        Assert.Equal(Day("2020-01-30"), planner.Calendar.AddWorkingDays(Day("2020-01-29"), 1));
        Assert.Equal(Day("2020-02-03"), planner.Calendar.AddWorkingDays(Day("2020-01-30"), 1));
        Assert.Same(WorkingCalendar.EnglandAndWales, new ReminderPlanner(ReminderPolicy.Default).Calendar);
    }
}
