using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using static PlanBot.Core.Tests.Snapshots.SnapshotTestData;

namespace PlanBot.Core.Tests.Snapshots;

public sealed class ActionConcernReportTests
{
    private static readonly DateOnly DueWeek1 = Week1.AddDays(-5); // 1 Jan 2020: overdue from week 1 on

    private static Plan PlanOf(params string[] references) => Plan(references.Select(r => Milestone(r)));

    [Fact]
    public void A_concern_seen_in_every_report_counts_each_and_keeps_the_week_it_was_first_raised()
    {
        var red = M("36", Rag.Red);
        var history = new[] { Snapshot(Week1, M("36")), Snapshot(Week2, red), Snapshot(Week3, red) };

        var row = Assert.Single(ActionConcernReport.Build(history, Snapshot(Week4, red), PlanOf("36")));

        Assert.Equal(Week2, row.FirstRaised);
        Assert.Equal(3, row.TimesSeen); // weeks 2 and 3, and this report
        Assert.True(row.IsOpen);
        Assert.Equal("Open", row.OpenOrClosed);
        Assert.Equal(Rag.Red, row.CurrentRag);
        Assert.Equal("Red", row.Concern);
    }

    [Fact]
    public void A_new_concern_is_first_raised_this_week_and_seen_once()
    {
        var row = Assert.Single(ActionConcernReport.Build([Snapshot(Week1, M("45"))], Snapshot(Week2, M("45", Rag.Amber, MilestoneStatus.Delayed)), PlanOf("45")));

        Assert.Equal(Week2, row.FirstRaised);
        Assert.Equal(1, row.TimesSeen);
        Assert.Equal("Delayed", row.Concern);
    }

    [Fact]
    public void A_concern_that_is_finished_now_is_closed_and_described_as_it_was_last_seen()
    {
        var late = M("40", Rag.Red, MilestoneStatus.Delayed, due: DueWeek1, overdue: true);
        var history = new[] { Snapshot(Week1, late), Snapshot(Week2, late) };

        var row = Assert.Single(ActionConcernReport.Build(history, Snapshot(Week3, M("40", Rag.Blue, MilestoneStatus.Complete, due: DueWeek1)), PlanOf("40")));

        Assert.False(row.IsOpen);
        Assert.Equal("Closed", row.OpenOrClosed);
        Assert.Equal(2, row.TimesSeen); // not counted this week: no longer a concern
        Assert.Equal(Week1, row.FirstRaised);
        Assert.Equal(Rag.Blue, row.CurrentRag);
        // Week 2 was taken as at Wednesday 15 January, 14 days after the 1 January due date.
        Assert.Equal("Red, Delayed, Overdue by 14 days", row.Concern);
    }

    [Fact]
    public void A_milestone_removed_from_the_plan_closes_its_concern_with_no_current_rag()
    {
        var row = Assert.Single(ActionConcernReport.Build([Snapshot(Week1, M("7", Rag.Red))], Snapshot(Week2, M("8")), PlanOf("8")));

        Assert.Equal("7", row.Ref.Value);
        Assert.False(row.IsOpen);
        Assert.Equal(Rag.None, row.CurrentRag);
        Assert.Equal("Milestone 7", row.Title);
    }

    [Fact]
    public void Overdue_counts_days_from_the_effective_due_date_to_the_report_day()
    {
        var revised = Week2.AddDays(-1);
        var now = Snapshot(Week2, M("23", Rag.Amber, MilestoneStatus.AtRisk, due: DueWeek1, revisedDue: revised, overdue: true));

        var row = Assert.Single(ActionConcernReport.Build([], now, PlanOf("23")));

        Assert.Equal("Overdue by 3 days", row.Concern); // revised Sunday 12 Jan, report as at Wednesday 15 Jan
        Assert.Equal(revised, row.Deadline);
        Assert.Equal("Overdue by 1 day", ActionConcernReport.Describe(now.Milestones[0], revised.AddDays(1)));
    }

    [Fact]
    public void Finished_red_milestones_and_green_ones_on_time_are_not_concerns()
    {
        var now = Snapshot(Week2, M("1", Rag.Blue, MilestoneStatus.Complete, due: DueWeek1), M("2", Rag.Green, due: Week4), M("3", Rag.Red, MilestoneStatus.Closed));

        Assert.Empty(ActionConcernReport.Build([Snapshot(Week1, M("2"))], now, PlanOf("1", "2", "3")));
    }

    [Fact]
    public void A_snapshot_already_stored_for_this_week_is_not_counted_twice()
    {
        var red = M("36", Rag.Red);
        var storedThisWeek = Snapshot(Week2, red);

        var row = Assert.Single(ActionConcernReport.Build([Snapshot(Week1, red), storedThisWeek], Snapshot(Week2, red), PlanOf("36")));

        Assert.Equal(2, row.TimesSeen);
    }

    [Fact]
    public void Open_concerns_come_first_then_closed_ones_each_in_reference_order()
    {
        var history = new[] { Snapshot(Week1, M("10", Rag.Red), M("2", Rag.Red), M("9", Rag.Red)) };
        var now = Snapshot(Week2, M("10", Rag.Red), M("2"), M("9"), M("1.3", Rag.Red));

        var rows = ActionConcernReport.Build(history, now, PlanOf("10", "2", "9", "1.3"));

        Assert.Equal(["1.3", "10", "2", "9"], rows.Select(r => r.Ref.Value));
        Assert.Equal([true, true, false, false], rows.Select(r => r.IsOpen));
    }

    [Fact]
    public void Remedial_action_is_the_latest_exception_reason_and_proposed_date()
    {
        var plan = Plan([Milestone("36", "Talks continue.")],
            Exception("36", "Old reason from the tracker", new DateOnly(2019, 12, 31), imported: true),
            Exception("36", "Waiting for NHSE/I sign-off", new DateOnly(2020, 2, 29)));

        var row = Assert.Single(ActionConcernReport.Build([], Snapshot(Week2, M("36", Rag.Red)), plan));

        Assert.Equal("Waiting for NHSE/I sign-off. Proposed revised date: 29 Feb 2020.", row.RemedialAction);
    }

    [Fact]
    public void Among_imported_entries_the_first_listed_is_the_current_report()
    {
        var plan = Plan([Milestone("23")],
            Exception("23", "New options appraisal at COT on 23.01.20.", new DateOnly(2020, 3, 31), imported: true),
            Exception("23", null, proposedText: "Dec-19", imported: true));

        Assert.Equal("New options appraisal at COT on 23.01.20. Proposed revised date: 31 Mar 2020.", ActionConcernReport.RemedialAction(plan, MilestoneRef.Parse("23")));
    }

    [Theory]
    [InlineData(null, "To be agreed", "Proposed revised date: To be agreed.")]
    [InlineData("Workshops underway", null, "Workshops underway")]
    public void Remedial_action_says_what_the_entry_has(string? reason, string? proposedText, string expected)
    {
        var plan = Plan([Milestone("39")], Exception("39", reason, proposedText: proposedText, imported: true));

        Assert.Equal(expected, ActionConcernReport.RemedialAction(plan, MilestoneRef.Parse("39")));
    }

    [Fact]
    public void Without_an_exception_entry_the_remedial_action_is_the_progress_note()
    {
        var plan = Plan([Milestone("48", "  Supplier chased; go-live moved to March.  "), Milestone("49")]);

        Assert.Equal("Supplier chased; go-live moved to March.", ActionConcernReport.RemedialAction(plan, MilestoneRef.Parse("48")));
        Assert.Null(ActionConcernReport.RemedialAction(plan, MilestoneRef.Parse("49")));
    }

    [Fact]
    public void History_must_come_oldest_first()
    {
        var history = new ConcernHistory();
        history.Add(Snapshot(Week2));

        Assert.Throws<ArgumentException>(() => history.Add(Snapshot(Week1)));
        Assert.Throws<ArgumentException>(() => history.Add(Snapshot(Week2)));
        Assert.Throws<ArgumentException>(() => ActionConcernReport.Build(history, Snapshot(Week2), PlanOf()));
    }
}
