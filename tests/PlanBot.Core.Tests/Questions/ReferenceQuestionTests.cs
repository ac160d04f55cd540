using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using static PlanBot.Core.Plans.MilestoneStatus;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>Milestones named by reference, however the user writes it.</summary>
public sealed class ReferenceQuestionTests
{
    private static PlanIndex Refs() => Index(
        M("3", "Stage 3 modelling", due: "2020-02-01"),
        M("36", "Negotiate control total", Delayed, due: "2019-11-29"),
        M("2c", "Agree estates strategy", due: "2020-03-01"),
        M("6.17", "Open the discharge lounge", due: "2020-02-15"),
        M("1.3.1", "Recruit coordinators", due: "2020-03-20"),
        M("7", "Stage 2 sign-off", due: "2020-03-25"));

    private static PlanIndex LetterLed() => Index(
        M("HR-01", "Refresh the recruitment policy", due: "2025-01-31") with { Owners = [TestPlans.Delivery("Sam Okafor")] },
        M("HR-02", "Report agency spend", due: "2025-02-28"),
        M("W1.1", "Commission accommodation review", due: "2025-03-31"),
        M("CP7", "Publish the capital plan", due: "2025-04-30"));

    [Theory]
    [InlineData("who owns HR-01?", "HR-01")]
    [InlineData("who owns hr01", "HR-01")]
    [InlineData("who owns #HR-01", "HR-01")]
    [InlineData("who owns HR 01", "HR-01")]
    [InlineData("who owns w1.1", "W1.1")]
    [InlineData("who owns #CP7", "CP7")]
    public void A_letter_led_reference_however_written_finds_that_milestone_and_answers_with_it_as_the_tracker_writes_it(string question, string reference)
    {
        var answer = LetterLed().Ask(question);

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.StartsWith("#" + reference + " ", answer.Text);
    }

    [Fact]
    public void A_word_that_looks_like_a_reference_the_plan_does_not_have_stays_a_word()
    {
        var answer = LetterLed().Ask("what is due in q4");

        Assert.NotEqual(QuestionKind.Unanswerable, answer.Kind);
    }

    [Theory]
    [InlineData("status of #36", "36")]
    [InlineData("status of milestone 36", "36")]
    [InlineData("status of no. 36", "36")]
    [InlineData("what about number 36?", "36")]
    [InlineData("update on 36", "36")]
    [InlineData("how is action 2c going", "2c")]
    [InlineData("status of 2C", "2c")]
    [InlineData("status of 6.17", "6.17")]
    [InlineData("status of #6.17?", "6.17")]
    [InlineData("is 1.3.1 done?", "1.3.1")]
    [InlineData("#36", "36")]
    [InlineData("36?", "36")]
    public void A_reference_however_written_gives_that_milestones_status(string question, string reference)
    {
        var answer = Refs().Ask(question);

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal([reference], answer.Refs());
        Assert.StartsWith("#" + reference + " ", answer.Text);
    }

    [Theory]
    [InlineData("who owns #36")]
    [InlineData("who owns milestone 36?")]
    [InlineData("whos accountable for 36")]
    [InlineData("who is responsible for no. 36")]
    public void Who_with_a_reference_gives_its_owners(string question)
    {
        var answer = Refs().Ask(question);

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["36"], answer.Refs());
    }

    [Theory]
    [InlineData("status of #99", "#99")]
    [InlineData("who owns milestone 99", "#99")]
    [InlineData("what about action 4d", "#4d")]
    [InlineData("no. 6.18", "#6.18")]
    public void An_unknown_reference_is_named_in_the_answer(string question, string named)
    {
        var answer = Refs().Ask(question);

        Assert.Equal(QuestionKind.Unanswerable, answer.Kind);
        Assert.Equal($"There is no milestone {named} in TEST.", answer.Text);
        Assert.Empty(answer.Milestones);
    }

    [Fact]
    public void A_number_a_title_writes_after_the_previous_word_is_title_text()
    {
        var answer = Refs().Ask("status of stage 3 modelling");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal(["3"], answer.Refs());
    }

    [Fact]
    public void A_number_after_a_title_word_is_not_taken_as_the_milestone_with_that_reference()
    {
        // "stage 2" is #7's title, not milestone #2 (there is none): no "no milestone #2" and no guess at another milestone.
        var answer = Refs().Ask("status of stage 2 sign-off");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal(["7"], answer.Refs());
    }

    private static PlanIndex Numbered() => Index(
        M("1", "Agree budget", due: "2020-04-01"),
        M("2", "Agree estates budget", due: "2020-03-01"),
        M("3", "Stage 3 modelling", due: "2020-02-01"),
        M("7", "Stage 2 sign-off", due: "2020-03-25"));

    [Theory]
    [InlineData("what's due in 2 weeks", "3")]
    [InlineData("due within 2 weeks", "3")]
    [InlineData("anything due in 7 days", null)]
    [InlineData("what's due in the next 3 weeks", "3")]
    public void A_number_of_days_or_weeks_is_a_window_not_a_milestone_reference(string question, string? expected)
    {
        var answer = Numbered().Ask(question);

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(expected is null ? [] : [expected], answer.Refs());
        Assert.Contains("due in the next", answer.Text);
    }

    [Theory]
    [InlineData("what's due in the next 2 months")]
    [InlineData("what's due in 2 months")]
    [InlineData("due within 3 months")]
    [InlineData("what's due in 1 month")]
    public void A_number_of_months_is_not_a_milestone_reference(string question)
    {
        var answer = Numbered().Ask(question);

        Assert.NotEqual(QuestionKind.Status, answer.Kind);
        Assert.NotEqual(QuestionKind.Owner, answer.Kind);
    }

    [Fact]
    public void A_bare_number_that_is_no_reference_is_answered_as_a_missing_milestone_rather_than_guessed()
    {
        var answer = Refs().Ask("who owns 99");

        Assert.Equal(QuestionKind.Unanswerable, answer.Kind);
        Assert.Contains("There is no milestone #99", answer.Text);
    }

    [Fact]
    public void A_hash_makes_a_number_a_reference_even_after_a_title_word()
    {
        var answer = Refs().Ask("status of stage #36");

        Assert.Equal(["36"], answer.Refs());
    }

    [Fact]
    public void Several_references_give_a_list_of_those_milestones_in_due_order()
    {
        var answer = Refs().Ask("what about #6.17, #36 and #2c?");

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(["36", "6.17", "2c"], answer.Refs());
        Assert.Contains("of #6.17, #36, #2c", answer.Text);
    }

    [Fact]
    public void References_with_a_filter_keep_only_those_that_match()
    {
        var answer = Refs().Ask("are #36 and #6.17 overdue?");

        Assert.Equal(["36"], answer.Refs());
    }

    [Fact]
    public void A_known_reference_with_an_unknown_one_answers_the_known_one()
    {
        var answer = Refs().Ask("status of #36 and #99");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal(["36"], answer.Refs());
    }

    [Fact]
    public void A_reference_is_read_as_the_plan_writes_it_in_the_index()
    {
        var index = Refs();

        Assert.Equal(3, index.FindRef("#6.17"));
        Assert.Equal(2, index.FindRef("2C"));
        Assert.Null(index.FindRef("6.170"));
        Assert.Null(index.FindRef("stage"));
    }
}
