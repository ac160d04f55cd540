using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using static PlanBot.Core.Plans.MilestoneStatus;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>Help and "use plan", which need no plan, and PlanBot's own keywords typed with a slip.</summary>
public sealed class CommandAndKeywordTests
{
    private static PlanIndex Plan() => Index(
        M("1", "Budget", Delayed, due: "2020-01-10"),
        M("2", "Ledger", Complete, due: "2019-12-10"),
        M("3", "Rota", NotStarted, due: "2020-03-10"));

    [Theory]
    [InlineData("help")]
    [InlineData("Help!")]
    [InlineData("?")]
    [InlineData("  ?  ")]
    [InlineData("hi")]
    [InlineData("Hello")]
    [InlineData("what can you do?")]
    [InlineData("how do I use this")]
    [InlineData("help with overdue")]
    public void Help_is_read_without_a_plan(string question)
    {
        Assert.Equal(QuestionKind.Help, QuestionReader.TryReadCommand(question)?.Kind);

        var answer = Plan().Ask(question);
        Assert.Equal(QuestionKind.Help, answer.Kind);
        Assert.Equal(QuestionAnswerer.HelpText, answer.Text);
    }

    [Theory]
    [InlineData("use plan odkm", "odkm")]
    [InlineData("Use plan ODKM", "odkm")]
    [InlineData("switch to plan cpccg", "cpccg")]
    [InlineData("use the odkm plan", "odkm")]
    [InlineData("please use plan southend", "southend")]
    [InlineData("change to the cornwall plan please", "cornwall")]
    [InlineData("select plan dorset 2016", "dorset-2016")]
    public void Use_plan_names_the_plan_to_switch_to(string question, string planId)
    {
        var reading = QuestionReader.TryReadCommand(question);

        Assert.NotNull(reading);
        Assert.Equal(QuestionKind.UsePlan, reading.Kind);
        Assert.Equal(planId, reading.PlanId);

        var answer = Plan().Ask(question);
        Assert.Equal(QuestionKind.UsePlan, answer.Kind);
        Assert.Equal(planId, answer.RequestedPlanId);
        Assert.Equal($"Switching to plan '{planId}'.", answer.Text);
    }

    [Theory]
    [InlineData("what's overdue")]
    [InlineData("who owns #1")]
    [InlineData("what's the plan for finance")]
    [InlineData("help me find the overdue finance milestones for next month please")]
    [InlineData("")]
    [InlineData("!!!")]
    public void Other_questions_are_not_commands(string question)
    {
        Assert.Null(QuestionReader.TryReadCommand(question));
    }

    [Theory]
    [InlineData("whats overdeu", new[] { "1" })]
    [InlineData("anything ovredue?", new[] { "1" })]
    [InlineData("what's compelte", new[] { "2" })]
    [InlineData("what's completd", new[] { "2" })]
    [InlineData("what's delayd", new[] { "1" })]
    [InlineData("what's dealyed", new[] { "1" })]
    [InlineData("what's finnished", new[] { "2" })]
    public void A_keyword_with_a_slip_still_filters(string question, string[] expected)
    {
        var answer = Plan().Ask(question);

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(expected, answer.Refs());
    }

    [Theory]
    [InlineData("what's heading our way")]
    [InlineData("reading list")]
    [InlineData("show heading milestones")]
    [InlineData("anything reading")]
    [InlineData("show overdue milestones heading")]
    public void Ordinary_words_close_to_keywords_do_not_become_filters(string question)
    {
        var answer = Plan().Ask(question);

        // "heading" is two slips from "pending" and "reading" starts differently from "leading": neither is read as
        // open or owner, and a word the plan does not use is reported rather than guessed.
        Assert.Equal(QuestionKind.NotUnderstood, answer.Kind);
        Assert.Empty(answer.Milestones);
    }

    [Fact]
    public void A_keyword_slip_that_is_a_title_word_is_the_title_word()
    {
        // "closet" is one slip from "closed", but the plan names it.
        var index = Index(M("1", "Clear the closet", due: "2020-02-01"), M("2", "Budget", Complete, due: "2019-12-01"));

        Assert.Equal(["1"], index.Ask("show closet milestones").Refs());
    }
}
