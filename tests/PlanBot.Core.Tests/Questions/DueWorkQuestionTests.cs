using PlanBot.Core.Plans;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>"Due" on its own is work still to deliver; everyday nouns for a tracker's items are just its milestones.</summary>
public sealed class DueWorkQuestionTests
{
    private static readonly PlanBot.Core.Questions.PlanIndex Plan = Index(
        M("1", "Agree the estates strategy", MilestoneStatus.Complete, due: "2019-12-10", owner: "Nia Rees"),
        M("2", "Close the old depot", MilestoneStatus.Closed, due: "2020-01-12", owner: "Nia Rees"),
        M("3", "Hire two porters", MilestoneStatus.OnTrack, due: "2020-03-03", owner: "Nia Rees"),
        M("4", "Sign the lease", MilestoneStatus.Delayed, due: "2020-01-15", owner: "Tom Bell"));

    [Fact]
    public void Work_someone_has_due_is_what_they_have_still_to_finish()
    {
        Assert.Equal(["3"], Plan.Ask("anything Nia Rees has due?").SortedRefs());
        Assert.Equal(["3", "4"], Plan.Ask("what's due").SortedRefs());
    }

    [Fact]
    public void Asking_for_due_dates_is_not_asking_for_open_work()
    {
        Assert.Equal(["1", "2", "3"], Plan.Ask("due dates for Nia Rees's milestones").SortedRefs());
    }

    [Fact]
    public void Commitments_and_initiatives_are_the_plans_items()
    {
        Assert.Equal(["4"], Plan.Ask("which initiatives are overdue").SortedRefs());
        Assert.Equal(4, Plan.Ask("how many commitments are there").Milestones.Count);
    }
}

/// <summary>An owner role asked about in its usual short form ("exec sponsor" for the tracker's "Executive Sponsor").</summary>
public sealed class RoleShortFormQuestionTests
{
    [Fact]
    public void A_role_header_answers_to_its_short_form()
    {
        var milestone = M("1", "Agree the car park plan", owner: "Zoe Whitfield");
        var plan = Index(milestone with { Owners = [.. milestone.Owners, new Owner("Greg Lyons", OwnerRole.Accountable, "Executive Director")] });

        var answer = plan.Ask("who's the exec dir for the car park plan");

        Assert.Equal(["Greg Lyons"], answer.Milestones.Single().Owners.Select(o => o.Name));
    }
}

/// <summary>An action log's "Closed" is an action done with, unlike one it cancelled or withdrew.</summary>
public sealed class ClosedActionQuestionTests
{
    [Fact]
    public void An_action_marked_closed_is_done_but_a_withdrawn_one_is_not()
    {
        var plan = Index(
            M("A1", "Publish the leave policy", MilestoneStatus.Closed, rag: Rag.None) with { StatusText = "Closed" },
            M("A2", "Run the pay survey", MilestoneStatus.Closed, rag: Rag.None) with { StatusText = "Withdrawn" },
            M("A3", "Train the panel", MilestoneStatus.OnTrack));

        Assert.Equal(["A1"], plan.Ask("which actions are done").SortedRefs());
    }
}
