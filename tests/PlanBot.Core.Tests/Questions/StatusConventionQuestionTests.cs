using PlanBot.Core.Questions;
using PlanBot.Core.Plans;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// What a question's status words mean on any tracker: complete is work delivered, closed is what the tracker closed,
/// a state of open work the tracker names in its own words is those rows, and several states or colours are alternatives.
/// </summary>
public sealed class StatusConventionQuestionTests
{
    private static Milestone Said(Milestone milestone, string statusText, Rag rag) => milestone with { StatusText = statusText, Rag = rag, RagText = "" };

    private static readonly Milestone Delivered = Said(M("1", "Open the new clinic", MilestoneStatus.Complete, due: "2020-01-10"), "Done", Rag.None);
    private static readonly Milestone Cancelled = Said(M("2", "Lease the old depot", MilestoneStatus.Closed, due: "2020-01-12"), "Cancelled", Rag.None);
    private static readonly Milestone Working = Said(M("3", "Hire two porters", MilestoneStatus.OnTrack, due: "2020-02-03"), "In Progress", Rag.Green);
    private static readonly Milestone Waiting = Said(M("4", "Paint the ward", MilestoneStatus.NotStarted, due: "2020-02-10"), "Not started", Rag.None);
    private static readonly Milestone Stuck = Said(M("5", "Fit the lifts", MilestoneStatus.AtRisk, due: "2020-02-20"), "Blocked", Rag.Amber);
    private static readonly Milestone Late = Said(M("6", "Sign the contract", MilestoneStatus.Delayed, due: "2020-01-15"), "Overdue", Rag.Red);

    private static readonly PlanIndex Plan = Index(Delivered, Cancelled, Working, Waiting, Stuck, Late);

    [Fact]
    public void Complete_is_work_delivered_not_work_cancelled()
    {
        Assert.Equal(["1"], Plan.Ask("what's been completed?").SortedRefs());
        Assert.Equal(["1"], Plan.Ask("how many are done").SortedRefs());
    }

    [Fact]
    public void Cancelled_work_is_not_open_either()
    {
        Assert.Equal(["3", "4", "5", "6"], Plan.Ask("what's still open").SortedRefs());
        Assert.Equal(["3", "4", "5", "6"], Plan.Ask("which are not complete").SortedRefs());
    }

    [Fact]
    public void Closed_means_what_the_tracker_closed_when_it_closes_things()
    {
        Assert.Equal(["2"], Plan.Ask("what's been closed").SortedRefs());
    }

    [Fact]
    public void Closed_means_finished_in_a_tracker_that_never_closes_anything()
    {
        var plan = Index(Delivered, Working);

        Assert.Equal(["1"], plan.Ask("what's been closed").SortedRefs());
    }

    [Fact]
    public void A_state_of_open_work_the_tracker_names_is_only_the_rows_it_names()
    {
        var answer = Plan.Ask("how many are In Progress?");

        Assert.Equal(["3"], answer.SortedRefs());
        Assert.Equal("1 milestone marked In Progress as at 20 Jan 2020.", answer.Text);
    }

    [Fact]
    public void In_progress_is_all_open_work_in_a_tracker_without_that_word()
    {
        var plan = Index(Delivered, Waiting, Stuck);

        Assert.Equal(["4", "5"], plan.Ask("what's in progress").SortedRefs());
    }

    [Fact]
    public void Two_colours_named_are_either_colour()
    {
        var answer = Plan.Ask("what's red or amber?");

        Assert.Equal(["5", "6"], answer.SortedRefs());
        Assert.Equal("2 milestones rated red or amber as at 20 Jan 2020.", answer.Text);
    }

    [Fact]
    public void Two_states_named_are_either_state()
    {
        Assert.Equal(["5", "6"], Plan.Ask("anything at risk or delayed?").SortedRefs());
    }

    [Fact]
    public void Done_or_open_beside_a_state_only_qualifies_it()
    {
        Assert.Equal(["6"], Plan.Ask("delayed items not yet done").SortedRefs());
    }
}

/// <summary>A colour asked for is the tracker's own rating when it rates; a tracker that rates nothing is read by its statuses.</summary>
public sealed class ColourQuestionTests
{
    [Fact]
    public void In_a_tracker_that_rates_a_row_it_left_unrated_has_no_colour()
    {
        var plan = Index(
            M("1", "Rated green", MilestoneStatus.OnTrack, rag: Rag.Green),
            M("2", "On track but unrated", MilestoneStatus.OnTrack, rag: Rag.None),
            M("3", "Done but unrated", MilestoneStatus.Complete, rag: Rag.None));

        Assert.Equal(["1"], plan.Ask("how many are green?").SortedRefs());
        Assert.Equal(["3"], plan.Ask("what's blue").SortedRefs());
    }

    [Fact]
    public void In_a_tracker_that_rates_nothing_the_status_gives_the_colour()
    {
        var plan = Index(
            M("1", "On track", MilestoneStatus.OnTrack, rag: Rag.None),
            M("2", "Late", MilestoneStatus.Delayed, rag: Rag.None));

        Assert.Equal(["1"], plan.Ask("how many are green?").SortedRefs());
    }

    [Fact]
    public void Off_track_is_delayed()
    {
        var plan = Index(M("1", "Behind", MilestoneStatus.Delayed), M("2", "Fine", MilestoneStatus.OnTrack));

        Assert.Equal(["1"], plan.Ask("which tasks are off track?").SortedRefs());
    }
}

/// <summary>What the tracker left blank: "which haven't got a RAG?", "no status set".</summary>
public sealed class LeftBlankQuestionTests
{
    private static readonly PlanIndex Plan = Index(
        M("1", "Rated", MilestoneStatus.OnTrack, rag: Rag.Green),
        M("2", "Unrated", MilestoneStatus.NotStarted, rag: Rag.None),
        M("3", "No status", MilestoneStatus.Unknown, rag: Rag.None) with { StatusText = "" });

    [Fact]
    public void No_RAG_is_the_milestones_the_tracker_left_unrated()
    {
        var answer = Plan.Ask("which milestones haven't got a RAG?");

        Assert.Equal(["2", "3"], answer.SortedRefs());
        Assert.Equal($"2 milestones with no RAG rating {AsAt}.", answer.Text);
    }

    [Fact]
    public void No_status_set_is_the_milestones_with_a_blank_status()
    {
        Assert.Equal(["3"], Plan.Ask("which items have no status set?").SortedRefs());
    }
}

/// <summary>The tracker's own status word named beside an everyday one ("slipped … date reset") says which milestones are meant.</summary>
public sealed class OwnStatusWordQuestionTests
{
    private static readonly PlanIndex Plan = Index(
        M("1", "Open the clinic", MilestoneStatus.Delayed, due: "2020-01-10") with { StatusText = "Reset Date" },
        M("2", "Hire porters", MilestoneStatus.Delayed, due: "2020-01-12") with { StatusText = "Delayed" },
        M("3", "Paint the ward", MilestoneStatus.OnTrack, due: "2020-03-02") with { StatusText = "On Track" });

    [Fact]
    public void The_trackers_own_status_word_wins_over_an_everyday_one_beside_it()
    {
        var answer = Plan.Ask("what's slipped - which ones have had the date reset?");

        Assert.Equal(["1"], answer.SortedRefs());
    }

    [Fact]
    public void The_everyday_word_alone_keeps_its_own_reading()
    {
        var answer = Plan.Ask("what's slipped?");

        Assert.Equal(["2"], answer.SortedRefs());
    }
}

/// <summary>"cancelled" on a tracker that never writes it asks for what the tracker closed; where it does, its own rows.</summary>
public sealed class ClosingWordQuestionTests
{
    [Fact]
    public void Cancelled_on_a_tracker_that_never_writes_it_is_what_the_tracker_closed()
    {
        var plan = Index(
            M("1", "Trial the fuel", MilestoneStatus.Closed, due: "2020-01-10") with { StatusText = "Withdrawn" },
            M("2", "Fit the chargers", MilestoneStatus.Complete, due: "2020-01-12") with { StatusText = "Completed" },
            M("3", "Paint the depot", MilestoneStatus.OnTrack, due: "2020-03-02") with { StatusText = "On track" });

        var answer = plan.Ask("how many actions were withdrawn or cancelled?");

        Assert.Equal(QuestionKind.Count, answer.Kind);
        Assert.Equal(["1"], answer.SortedRefs());
    }

    [Fact]
    public void Cancelled_on_a_tracker_that_writes_it_is_its_own_rows()
    {
        var plan = Index(
            M("1", "Refresh the policy", MilestoneStatus.Closed, due: "2020-01-10") with { StatusText = "Closed" },
            M("2", "Review the bank rates", MilestoneStatus.Closed, due: "2020-01-12") with { StatusText = "Cancelled" });

        Assert.Equal(["2"], plan.Ask("which ones were cancelled").SortedRefs());
    }
}
