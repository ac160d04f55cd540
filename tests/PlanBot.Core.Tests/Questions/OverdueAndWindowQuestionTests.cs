using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using static PlanBot.Core.Plans.MilestoneStatus;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>Overdue, due windows and RAG colours, each against a plan small enough to read in the test.</summary>
public sealed class OverdueAndWindowQuestionTests
{
    [Fact]
    public void Overdue_means_open_and_past_its_effective_due_date()
    {
        var index = Index(
            M("1", "Past due", due: "2020-01-10"),
            M("2", "Due today", due: "2020-01-20"),
            M("3", "Due tomorrow", due: "2020-01-21"),
            M("4", "Long past", NotStarted, due: "2019-06-30"));

        var answer = index.Ask("what's overdue?");

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(["4", "1"], answer.Refs());
    }

    [Fact]
    public void A_revised_date_in_the_future_takes_a_milestone_out_of_overdue()
    {
        var index = Index(M("1", "Revised out", due: "2020-01-10", revised: "2020-02-10"));

        Assert.Empty(index.Ask("what's overdue").Milestones);
    }

    [Fact]
    public void A_revised_date_in_the_past_makes_a_milestone_overdue_even_when_its_first_date_is_ahead()
    {
        var index = Index(M("1", "Brought forward", due: "2020-03-31", revised: "2020-01-10"));

        Assert.Equal(["1"], index.Ask("what's overdue").Refs());
    }

    [Theory]
    [InlineData(Complete, Rag.Blue)]
    [InlineData(Closed, Rag.Blue)]
    [InlineData(Complete, Rag.None)]
    [InlineData(Closed, Rag.Green)]
    [InlineData(OnTrack, Rag.Blue)]
    [InlineData(Unknown, Rag.Blue)]
    public void A_finished_milestone_is_never_overdue(MilestoneStatus status, Rag rag)
    {
        var index = Index(M("1", "Finished long ago", status, due: "2019-05-01", rag: rag));

        Assert.Empty(index.Ask("what's overdue?").Milestones);
        Assert.Empty(index.Ask("how many are overdue").Milestones);
    }

    [Fact]
    public void An_undated_milestone_is_never_overdue_nor_in_any_window()
    {
        var index = Index(M("1", "No date yet", NotStarted), M("2", "Dated", NotStarted, due: "2020-01-22"));

        Assert.Empty(index.Ask("what's overdue").Milestones);
        Assert.Equal(["2"], index.Ask("what's due this week").Refs());
        Assert.Equal(["2"], index.Ask("what's due by end of March").Refs());
        Assert.Equal(["2"], index.Ask("what's due this quarter").Refs());
        Assert.Equal(["2"], index.Ask("what's coming up").Refs());
    }

    [Fact]
    public void The_status_answer_counts_days_overdue_from_the_revised_date()
    {
        var index = Index(M("1", "Revised but still late", Delayed, due: "2019-12-01", revised: "2020-01-10"));

        var answer = index.Ask("status of #1");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Contains("due 1 Dec 2019, revised to 10 Jan 2020, 10 days overdue", answer.Text);
    }

    [Fact]
    public void A_window_alone_lists_open_milestones_only()
    {
        var index = Index(
            M("1", "Done this week", Complete, due: "2020-01-21"),
            M("2", "Open this week", OnTrack, due: "2020-01-22"),
            M("3", "Closed this week", Closed, due: "2020-01-23"),
            M("4", "Blue this week", OnTrack, due: "2020-01-24", rag: Rag.Blue));

        var answer = index.Ask("what's due this week?");

        Assert.Equal(["2"], answer.Refs());
        Assert.Contains("due this week (20 – 26 Jan 2020)", answer.Text);
    }

    [Theory]
    [InlineData("what was completed this week", new[] { "1", "3", "4" })]
    [InlineData("what went blue this week", new[] { "1", "3", "4" })]
    [InlineData("anything green this week", new[] { "2" })]
    [InlineData("what's still open this week", new[] { "2" })]
    public void A_window_with_a_status_or_colour_includes_finished_milestones(string question, string[] expected)
    {
        var index = Index(
            M("1", "Done this week", Complete, due: "2020-01-21"),
            M("2", "Open this week", OnTrack, due: "2020-01-22"),
            M("3", "Closed this week", Closed, due: "2020-01-23"),
            M("4", "Blue this week", OnTrack, due: "2020-01-24", rag: Rag.Blue));

        Assert.Equal(expected, index.Ask(question).Refs());
    }

    [Fact]
    public void A_window_uses_the_revised_due_date()
    {
        var index = Index(
            M("1", "Moved into February", due: "2020-01-22", revised: "2020-02-12"),
            M("2", "Moved into this week", due: "2020-03-31", revised: "2020-01-23"));

        Assert.Equal(["2"], index.Ask("what's due this week").Refs());
        Assert.Equal(["1"], index.Ask("what's due next month").Refs());
    }

    [Fact]
    public void Overdue_and_a_window_together_need_both()
    {
        var index = Index(
            M("1", "Overdue from last week", due: "2020-01-15"),
            M("2", "Overdue from December", due: "2019-12-10"),
            M("3", "Due later this week", due: "2020-01-24"));

        Assert.Equal(["1"], index.Ask("what's overdue from last week").Refs());
    }

    [Theory]
    [InlineData(Delayed, "red")]
    [InlineData(AtRisk, "amber")]
    [InlineData(OnTrack, "green")]
    [InlineData(Complete, "blue")]
    [InlineData(Closed, "blue")]
    public void Rag_comes_from_the_status_when_the_tracker_gives_none(MilestoneStatus status, string colour)
    {
        var index = Index(M("1", "No colour in the tracker", status, due: "2020-02-01", rag: Rag.None));

        Assert.Equal(["1"], index.Ask($"what's {colour}?").Refs());
        foreach (var other in new[] { "red", "amber", "green", "blue" }.Where(c => c != colour))
            Assert.Empty(index.Ask($"what's {other}?").Milestones);
    }

    [Theory]
    [InlineData(NotStarted)]
    [InlineData(Unknown)]
    public void A_status_with_no_colour_of_its_own_matches_no_rag_question(MilestoneStatus status)
    {
        var index = Index(M("1", "Colourless", status, due: "2020-02-01", rag: Rag.None));

        foreach (var colour in new[] { "red", "amber", "green", "blue" })
            Assert.Empty(index.Ask($"anything {colour}").Milestones);
    }

    [Fact]
    public void The_trackers_own_rag_wins_over_the_one_its_status_implies()
    {
        var index = Index(M("1", "Delayed but rated amber", Delayed, due: "2020-02-01", rag: Rag.Amber));

        Assert.Equal(["1"], index.Ask("what's amber").Refs());
        Assert.Empty(index.Ask("what's red").Milestones);
        Assert.Equal(["1"], index.Ask("what's delayed").Refs());
    }
}

/// <summary>"past their date" is overdue, whatever the tracker calls its date column.</summary>
public sealed class PastTheirDateQuestionTests
{
    [Theory]
    [InlineData("which commitments are past their date and not done?")]
    [InlineData("anything past its deadline?")]
    public void Past_their_date_is_overdue(string question)
    {
        var plan = Index(
            M("C1", "Open the diagnostic centre", due: "2020-03-30"),
            M("C4", "Finish the maturity assessment", Complete, due: "2020-01-10"),
            M("C5", "Agree the forward plan", due: "2020-01-05"));

        Assert.Equal(["C5"], plan.Ask(question).SortedRefs());
    }
}
