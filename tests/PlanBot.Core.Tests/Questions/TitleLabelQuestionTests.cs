using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>A label several titles start with ("IT: …") groups those milestones, apart from titles that merely use the word.</summary>
public sealed class TitleLabelQuestionTests
{
    private static readonly PlanIndex Plan = Index(
        M("1", "IT: Roll out new laptops", due: "2020-02-01"),
        M("2", "IT: Move email to the cloud", due: "2020-03-01"),
        M("3", "Estates: Give staff IT access in the new office", due: "2020-03-01"),
        M("4", "Estates: Close the old site", due: "2020-04-01"));

    [Fact]
    public void A_label_that_starts_several_titles_names_their_group()
    {
        var answer = Plan.Ask("how many IT actions are there");

        Assert.Equal(["1", "2"], answer.SortedRefs());
    }

    [Fact]
    public void A_label_on_one_title_only_is_part_of_that_title()
    {
        var plan = Index(M("1", "Stage 3: Modelling", due: "2020-02-01"), M("2", "Stage 4: Consultation", due: "2020-03-01"));

        Assert.DoesNotContain(plan.Units, u => u.Kind == UnitKind.Group);
    }
}

/// <summary>The plan named in a question ("on the winter plan") is the whole plan, not a word every title must hold.</summary>
public sealed class PlanNameQuestionTests
{
    private static readonly PlanIndex Plan = new(new Plan
    {
        Id = "winter",
        Name = "Winter Resilience Plan 2025/26",
        Milestones =
        [
            M("1", "Open the discharge lounge", due: "2020-01-02"),
            M("2", "Winter flu clinics", due: "2020-01-06"),
            M("3", "Hire bank staff", due: "2020-03-01", owner: "Ruth Cole"),
        ],
    }, "v1");

    [Fact]
    public void The_plans_own_name_at_the_end_of_a_question_asks_about_the_whole_plan()
    {
        Assert.Equal(["1", "2"], Plan.Ask("what's overdue on the winter plan?").SortedRefs());
        Assert.Equal(["1", "2"], Plan.Ask("what's overdue on the winter resilience programme?").SortedRefs());
    }

    [Fact]
    public void A_person_or_title_word_outside_the_plans_name_still_filters()
    {
        Assert.Equal(["3"], Plan.Ask("what's open on Ruth Cole's list").SortedRefs());
        Assert.Equal(["2"], Plan.Ask("status of the winter flu clinics").SortedRefs());
    }
}

/// <summary>A grouping of one milestone named whole ("the PCBC") is that milestone, before a title that only mentions its name.</summary>
public sealed class WholeGroupingQuestionTests
{
    private static Milestone InProject(Milestone milestone, string project) =>
        milestone with { OtherFields = new Dictionary<string, string> { ["Project"] = project } };

    private static readonly PlanIndex Plan = Index(
        InProject(M("1", "Final lockdown of document", owner: "Rosa Quinn"), "PCBC"),
        InProject(M("2", "Continuing work on the benefits paper and PCBC", owner: "Tom Ashby"), "Benefits framework"),
        InProject(M("3", "Submit the digital roadmap", owner: "Ivy Marsh"), "Technology"));

    [Theory]
    [InlineData("status of the PCBC?")]
    [InlineData("who's the owner for the PCBC")]
    public void A_grouping_named_whole_is_its_one_milestone(string question)
    {
        var answer = Plan.Ask(question);

        Assert.Equal(["1"], answer.SortedRefs());
    }

    [Fact]
    public void Title_words_with_no_grouping_of_that_name_still_find_the_title()
    {
        var answer = Plan.Ask("status of the benefits paper?");

        Assert.Equal(["2"], answer.SortedRefs());
    }
}
