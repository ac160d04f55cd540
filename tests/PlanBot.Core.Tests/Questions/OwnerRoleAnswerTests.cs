using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>Who holds a role the question names, and empty answers read with the same filter and targets as the answer.</summary>
public sealed class OwnerRoleAnswerTests
{
    private static readonly PlanIndex Plan = Index(
        M("1.1", "Open the new clinic", MilestoneStatus.Complete, due: "2020-01-10", owner: "Dana Reyes", accountable: "Sam Okoro"),
        M("1.2", "Hire two porters", MilestoneStatus.Complete, due: "2020-01-14", owner: "Lee Park", accountable: "Sam Okoro"),
        M("2.1", "Paint the ward", MilestoneStatus.OnTrack, due: "2020-03-02", owner: "Lee Park"));

    [Fact]
    public void Asking_for_one_role_names_only_its_holders()
    {
        var answer = Plan.Ask("who's the SRO for 1.1");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["Sam Okoro"], answer.Milestones.Single().Owners.Select(o => o.Name));
        Assert.Equal("#1.1 Open the new clinic: SRO Sam Okoro.", answer.Text);
    }

    [Fact]
    public void Asking_for_the_owner_names_every_role()
    {
        var answer = Plan.Ask("who owns 1.1");

        Assert.Equal(["Dana Reyes", "Sam Okoro"], answer.Milestones.Single().Owners.Select(o => o.Name));
    }

    [Fact]
    public void A_role_nobody_holds_on_the_milestone_names_the_owners_it_has()
    {
        var answer = Plan.Ask("who's the SRO for 2.1");

        Assert.Equal(["Lee Park"], answer.Milestones.Single().Owners.Select(o => o.Name));
    }

    [Fact]
    public void An_empty_answer_about_a_section_says_how_that_section_stands()
    {
        var answer = Plan.Ask("what's overdue in section 1");

        Assert.Empty(answer.Milestones);
        Assert.Equal($"No milestones overdue in section 1 {AsAt}. 2 milestones in section 1; 2 complete.", answer.Text);
    }
}

/// <summary>"Nobody assigned" asks for milestones that name no owner in any role.</summary>
public sealed class NobodyAssignedQuestionTests
{
    private static readonly PlanIndex Plan = Index(
        M("1", "Open the new clinic", owner: "Dana Reyes"),
        M("2", "Hire two porters") with { Owners = [] },
        M("3", "Paint the ward", owner: "Lee Park", accountable: "Sam Okoro"));

    [Theory]
    [InlineData("which tasks have nobody assigned?")]
    [InlineData("which tasks are unassigned?")]
    [InlineData("list the tasks with no one in Ops lead")]
    public void Nobody_assigned_is_the_milestones_that_name_no_owner(string question)
    {
        var answer = Plan.Ask(question);

        Assert.Equal(["2"], answer.SortedRefs());
        Assert.Contains("with no owner", answer.Text, StringComparison.Ordinal);
    }
}

/// <summary>A team supporting the people who own a milestone: the people are the owners, the team is mentioned.</summary>
public sealed class TeamBesideOwnersQuestionTests
{
    private static readonly PlanIndex Plan = Index(
        M("1", "Make the case for devolved budgets") with
        {
            Owners =
            [
                new Owner("Rosa Quinn", OwnerRole.Delivery, "Lead"),
                new Owner("Tom Ashby", OwnerRole.Delivery, "Supporting officer"),
                new Owner("Estates PMO", OwnerRole.Delivery, "Supporting officer"),
            ],
        },
        M("2", "Refresh the risk register") with { Owners = [new Owner("Audit Committee", OwnerRole.Delivery, "Supporting officer")] },
        M("4", "Evaluate the tenders") with
        {
            Owners = [new Owner("Procurement Team", OwnerRole.Delivery, "Resource Names"), new Owner("Gus Hale", OwnerRole.Delivery, "Resource Names")],
        },
        M("3", "Appoint a chair", owner: "Head of PMO", accountable: "Ivy Marsh"));

    [Theory]
    [InlineData("who's leading on devolved budgets?")]
    [InlineData("who's accountable for the devolved budgets action")]
    public void A_team_supporting_people_is_not_listed_as_an_owner(string question)
    {
        var answer = Plan.Ask(question);

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["Rosa Quinn", "Tom Ashby"], answer.Milestones.Single().Owners.Select(o => o.Name));
        Assert.Contains("Also named: Estates PMO.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_named_as_an_owner_itself_is_listed()
    {
        var answer = Plan.Ask("who owns 4");

        Assert.Equal(["Procurement Team", "Gus Hale"], answer.Milestones.Single().Owners.Select(o => o.Name));
    }

    [Fact]
    public void A_team_that_is_the_only_owner_is_the_owner()
    {
        var answer = Plan.Ask("who owns 2");

        Assert.Equal(["Audit Committee"], answer.Milestones.Single().Owners.Select(o => o.Name));
    }

    [Fact]
    public void A_post_in_a_team_is_a_person()
    {
        var answer = Plan.Ask("who owns 3");

        Assert.Equal(["Head of PMO", "Ivy Marsh"], answer.Milestones.Single().Owners.Select(o => o.Name));
    }
}

/// <summary>A role the tracker's headers name, asked in the plural ("the milestone owners").</summary>
public sealed class PluralRoleQuestionTests
{
    private static readonly PlanIndex Plan = Index(
        M("TP-1", "Procurement savings") with
        {
            Owners =
            [
                new Owner("Rosa Quinn", OwnerRole.Delivery, "Milestone Owner"),
                new Owner("Tom Ashby", OwnerRole.Delivery, "Milestone Owner"),
                new Owner("Ivy Marsh", OwnerRole.Accountable, "SRO"),
            ],
        },
        M("TP-2", "Ward decant") with
        {
            Owners = [new Owner("Tom Ashby", OwnerRole.Delivery, "Milestone Owner"), new Owner("Ivy Marsh", OwnerRole.Accountable, "SRO")],
        });

    [Fact]
    public void The_role_in_the_plural_names_only_its_holders()
    {
        var answer = Plan.Ask("who are the milestone owners on TP-1?");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["Rosa Quinn", "Tom Ashby"], answer.Milestones.Single().Owners.Select(o => o.Name));
    }
}

/// <summary>The verb of a role header's first word ("delivering" for "Delivery Owner") names that role.</summary>
public sealed class RoleVerbQuestionTests
{
    private static readonly PlanIndex Plan = Index(
        M("3", "Virtual ward capacity") with
        {
            Owners =
            [
                new Owner("Rosa Quinn", OwnerRole.Delivery, "Delivery Owner"),
                new Owner("Tom Ashby", OwnerRole.Delivery, "Delivery Owner"),
                new Owner("Ivy Marsh", OwnerRole.Accountable, "Exec Owner"),
            ],
        });

    [Fact]
    public void Who_is_delivering_names_the_delivery_owners()
    {
        var answer = Plan.Ask("who's delivering milestone 3?");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["Rosa Quinn", "Tom Ashby"], answer.Milestones.Single().Owners.Select(o => o.Name));
    }

    [Fact]
    public void Who_owns_still_names_every_owner()
    {
        var answer = Plan.Ask("who owns milestone 3?");

        Assert.Equal(["Rosa Quinn", "Tom Ashby", "Ivy Marsh"], answer.Milestones.Single().Owners.Select(o => o.Name));
    }
}
