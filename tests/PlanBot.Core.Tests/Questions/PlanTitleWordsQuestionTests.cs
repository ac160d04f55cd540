using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// The tracker's own words for the whole plan, from its table titles and its rating column's header: "the stocktake
/// actions", "red on health" ask about the plan, not about a title or a person.
/// </summary>
public sealed class PlanTitleWordsQuestionTests
{
    private static PlanIndex Titled() => new(new Plan
    {
        Id = "test",
        Name = "Test plan",
        TableTitles = ["Appendix 1 - Response to NHSE stock take feedback", "Review action required"],
        RatingHeader = "Health",
        Milestones =
        [
            M("1", "Refresh the terms of reference", due: "2020-02-10", owner: "Amy Ross", rag: Rag.Red),
            M("2", "Appoint a chair", due: "2020-02-20", owner: "Ian Fell", rag: Rag.Green),
            M("3", "Publish the minutes", due: "2020-03-10", owner: "Amy Ross", rag: Rag.Amber),
        ],
    }, "v1");

    [Theory]
    [InlineData("how many stocktake actions are there")]
    [InlineData("how many review actions are there")]
    public void A_word_of_a_table_title_names_the_whole_plan(string question)
    {
        var answer = Titled().Ask(question);

        Assert.Equal(QuestionKind.Count, answer.Kind);
        Assert.Equal(3, answer.Milestones.Count);
    }

    [Fact]
    public void A_title_word_beside_a_person_leaves_that_persons_milestones() =>
        Assert.Equal(["1", "3"], Titled().Ask("what's Amy Ross got from the stocktake?").Refs());

    [Fact]
    public void The_rating_columns_header_asks_by_that_rating() =>
        Assert.Equal(["1", "3"], Titled().Ask("anything red or amber on health?").SortedRefs());

    [Fact]
    public void A_word_in_no_title_is_still_unknown()
    {
        var answer = Titled().Ask("how many narnia actions are there");

        Assert.Equal(QuestionKind.NotUnderstood, answer.Kind);
    }
}
