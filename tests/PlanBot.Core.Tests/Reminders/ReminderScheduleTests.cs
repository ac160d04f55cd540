using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using static PlanBot.Core.Tests.Reminders.ReminderTestData;

namespace PlanBot.Core.Tests.Reminders;

public class ReminderScheduleTests
{
    private static string[] Lines(IEnumerable<DueReminder> schedule) =>
        schedule.Select(r => $"{r.SlotDate:yyyy-MM-dd} {r.Kind} {r.Number}").ToArray();

    [Fact]
    public void Schedule_for_a_friday_due_date_in_january()
    {
        var schedule = Planner().Schedule(TestPlan, Milestone("2020-01-31"), Day("2020-02-21"));

        Assert.Equal(
        [
            "2020-01-13 Before 14",
            "2020-01-22 Before 7",
            "2020-01-30 Before 1",
            "2020-01-31 OnTheDay 0",
            "2020-02-07 Overdue 1",
            "2020-02-14 Escalation 10",
            "2020-02-14 Overdue 2",
            "2020-02-21 Overdue 3",
        ], Lines(schedule));
        Assert.Equal("7 working days before due 31 Jan 2020", schedule[1].Reason);
        Assert.All(schedule, r => Assert.Equal(TimeSpan.Zero, r.Slot.Offset));
        Assert.Equal(Utc("2020-01-22T09:00Z"), schedule[1].Slot);
    }

    [Fact]
    public void Schedule_skips_good_friday_and_easter_monday_and_moves_across_the_clock_change()
    {
        var schedule = Planner().Schedule(TestPlan, Milestone("2020-04-14"), Day("2020-04-21"));

        Assert.Equal(
        [
            "2020-03-23 Before 14",
            "2020-04-01 Before 7",
            "2020-04-09 Before 1",
            "2020-04-14 OnTheDay 0",
            "2020-04-21 Overdue 1",
        ], Lines(schedule));
        Assert.Equal(Utc("2020-03-23T09:00Z"), schedule[0].Slot); // GMT
        Assert.Equal(Utc("2020-04-01T08:00Z"), schedule[1].Slot); // BST
    }

    [Fact]
    public void A_due_date_on_easter_monday_is_reminded_on_the_thursday_before()
    {
        var schedule = Planner().Schedule(TestPlan, Milestone("2020-04-13"), Day("2020-04-20"));

        Assert.Equal(["2020-03-20 Before 14", "2020-03-31 Before 7", "2020-04-08 Before 1", "2020-04-09 OnTheDay 0", "2020-04-20 Overdue 1"], Lines(schedule));
        Assert.Equal("last working day before due Mon 13 Apr 2020", schedule[3].Reason);
    }

    [Fact]
    public void A_christmas_day_due_date_is_reminded_on_christmas_eve_and_chased_after_new_year()
    {
        var schedule = Planner().Schedule(TestPlan, Milestone("2020-12-25"), Day("2021-01-12"));

        Assert.Equal(
        [
            "2020-12-04 Before 14",
            "2020-12-15 Before 7",
            "2020-12-23 Before 1",
            "2020-12-24 OnTheDay 0",
            "2021-01-05 Overdue 1",
            "2021-01-12 Escalation 10",
            "2021-01-12 Overdue 2",
        ], Lines(schedule));
    }

    [Fact]
    public void A_saturday_due_date_is_reminded_on_friday_and_chased_from_the_monday()
    {
        var schedule = Planner().Schedule(TestPlan, Milestone("2020-02-01"), Day("2020-02-07"));

        Assert.Equal(["2020-01-13 Before 14", "2020-01-22 Before 7", "2020-01-30 Before 1", "2020-01-31 OnTheDay 0", "2020-02-07 Overdue 1"], Lines(schedule));
    }

    [Fact]
    public void Reminders_in_the_week_the_clocks_go_forward_are_at_nine_london_time()
    {
        var policy = ReminderPolicy.Default with { WorkingDaysBefore = [5, 4, 3, 2, 1] };

        var slots = Planner(policy).Schedule(TestPlan, Milestone("2020-04-02"), Day("2020-04-02")).Select(r => r.Slot);

        // Clocks went forward on Sunday 29 March 2020.
        Assert.Equal(
            new[] { "2020-03-26T09:00Z", "2020-03-27T09:00Z", "2020-03-30T08:00Z", "2020-03-31T08:00Z", "2020-04-01T08:00Z", "2020-04-02T08:00Z" }.Select(Utc),
            slots);
    }

    [Fact]
    public void Reminders_in_the_week_the_clocks_go_back_are_at_nine_london_time()
    {
        var policy = ReminderPolicy.Default with { WorkingDaysBefore = [3, 2, 1] };

        var slots = Planner(policy).Schedule(TestPlan, Milestone("2020-10-27"), Day("2020-10-27")).Select(r => r.Slot);

        // Clocks went back on Sunday 25 October 2020.
        Assert.Equal(new[] { "2020-10-22T08:00Z", "2020-10-23T08:00Z", "2020-10-26T09:00Z", "2020-10-27T09:00Z" }.Select(Utc), slots);
    }

    [Fact]
    public void Schedule_follows_the_revised_due_date()
    {
        var schedule = Planner().Schedule(TestPlan, Milestone("2019-12-31", revised: "2020-01-31"), Day("2020-01-31"));

        Assert.Equal(Day("2020-01-13"), schedule[0].SlotDate);
        Assert.Equal("14 working days before revised due 31 Jan 2020", schedule[0].Reason);
    }

    [Fact]
    public void Chasers_stop_at_the_policy_limit()
    {
        var policy = ReminderPolicy.Default with { MaxChasers = 2, EscalateAfterWorkingDays = null };

        var chasers = Planner(policy).Schedule(TestPlan, Milestone("2020-01-31"), Day("2020-12-31")).Where(r => r.Kind == ReminderKind.Overdue);

        Assert.Equal([1, 2], chasers.Select(r => r.Number));
    }

    [Fact]
    public void Keys_are_unique_per_slot_and_stable()
    {
        var planner = Planner();
        var milestone = Milestone("2020-01-31");

        var first = planner.Schedule(TestPlan, milestone, Day("2020-12-31")).Select(r => r.Key).ToList();
        var again = planner.Schedule(TestPlan, milestone with { Title = "Renamed" }, Day("2020-12-31")).Select(r => r.Key).ToList();

        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(first, again);
        Assert.Equal("odkm|36|before-14|20200113", first[0]);
        Assert.Equal("odkm|36|on-the-day|20200131", first[3]);
        Assert.Equal("odkm|36|overdue-1|20200207", first[4]);
        Assert.Equal("odkm|36|escalation|20200214", first[5]);
    }

    [Fact]
    public void Keys_differ_between_milestones_and_plans()
    {
        var planner = Planner();
        var keys = new[]
        {
            planner.Schedule("odkm", Milestone("2020-01-31", reference: "36"), Day("2020-01-31")),
            planner.Schedule("odkm", Milestone("2020-01-31", reference: "3.6"), Day("2020-01-31")),
            planner.Schedule("southend-2018", Milestone("2020-01-31", reference: "36"), Day("2020-01-31")),
        }.SelectMany(s => s).Select(r => r.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Finished_milestones_and_milestones_without_a_date_have_no_schedule()
    {
        var planner = Planner();

        Assert.Empty(planner.Schedule(TestPlan, Milestone("2020-01-31", status: MilestoneStatus.Complete), Day("2020-12-31")));
        Assert.Empty(planner.Schedule(TestPlan, Milestone("2020-01-31") with { Due = TrackerDate.Blank }, Day("2020-12-31")));
    }
}
