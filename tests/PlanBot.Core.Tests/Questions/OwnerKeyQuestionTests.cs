using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// Owners written as role codes with initials ("AO (PL)") whose person the tracker's key names: asked about by the
/// person's name or the written form, shown as both.
/// </summary>
public sealed class OwnerKeyQuestionTests
{
    private static Owner Keyed(Owner owner, string person) => owner with { Person = person };

    private static PlanIndex Keyed() => Index(
        M("1", "Budget", due: "2020-02-10") with
        {
            Owners = [Keyed(TestPlans.Accountable("AO (PL)"), "Priya Lang"), Keyed(TestPlans.Delivery("CN (RB)"), "Ruth Bell")],
        },
        M("2", "Ward audit", due: "2020-02-20") with { Owners = [Keyed(TestPlans.Accountable("Head of QA (CN)"), "Carl Nash")] },
        M("3", "Estates survey", due: "2020-03-10") with { Owners = [Keyed(TestPlans.Accountable("AO (PL)"), "Priya Lang"), TestPlans.Delivery("Amy Ross")] });

    [Theory]
    [InlineData("what has Priya Lang got?")]
    [InlineData("what's the AO got?")]
    [InlineData("what does AO (PL) own")]
    public void An_owner_the_key_names_is_found_by_the_persons_name_or_as_the_tracker_writes_them(string question)
    {
        var answer = Keyed().Ask(question);

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(["1", "3"], answer.Refs());
        Assert.Contains("owned by Priya Lang", answer.Text);
    }

    [Fact]
    public void Letters_that_are_one_persons_role_and_anothers_initials_ask_which_person_with_each_shown_in_their_role()
    {
        var answer = Keyed().Ask("what's CN got?");

        Assert.Equal(QuestionKind.Choice, answer.Kind);
        Assert.Equal(["Carl Nash (Head of QA)", "Ruth Bell (CN)"], answer.Choices.Select(c => c.Label));
        Assert.Equal(["2"], Keyed().Ask(answer.Choices[0].Question).Refs());
    }

    [Fact]
    public void An_owner_answer_shows_the_person_with_the_role_as_the_tracker_writes_it()
    {
        var answer = Keyed().Ask("who owns 1?");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Contains("Priya Lang (AO)", answer.Text);
        Assert.Contains("Ruth Bell (CN)", answer.Text);
    }

    [Theory]
    [InlineData("Priya Lang")]
    [InlineData("AO (PL)")]
    public void The_asker_is_found_by_their_name_or_as_the_tracker_writes_them(string asker) =>
        Assert.Equal(["1", "3"], Keyed().Ask("what have I got?", asker).Refs());
}
