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
