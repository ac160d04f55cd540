using PlanBot.Core.Questions;
using PlanBot.Core.Tests.Questions.SeedQuestions;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// Questions in the plan's own words (owner roles from its column headers, groupings from its columns, owners written as
/// abbreviations), everyday verbs and negations, and empty answers that point to the nearest useful one.
/// </summary>
public sealed class PlanWordsQuestionTests
{
    private static Answer Ask(string plan, string question, string? asker = null) =>
        QuestionAnswerer.Ask(question, SeedPlans.Index(plan), SeedPlans.Today(plan), asker);

    private static string[] Refs(Answer answer) => [.. answer.Milestones.Select(m => m.Ref.Value)];

    [Fact]
    public void An_owner_role_named_by_the_trackers_column_header_asks_who_owns()
    {
        var answer = Ask("odkm", "who's the COT owner for milestone 9");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["9"], Refs(answer));
    }

    [Fact]
    public void A_person_and_a_role_list_only_what_they_hold_in_that_role()
    {
        var supporting = Ask("cornwall", "what is Gordon Frame supporting");

        Assert.Equal(QuestionKind.List, supporting.Kind);
        Assert.Equal(["14"], Refs(supporting));
        Assert.Equal("1 milestone with Gordon Frame as supporting officer as at 30 Nov 2017.", supporting.Text);
    }

    [Fact]
    public void No_role_asks_for_milestones_with_nobody_in_it()
    {
        var answer = Ask("odkm", "how many milestones have no delivery owner");

        Assert.Equal(QuestionKind.Count, answer.Kind);
        Assert.Equal(20, answer.Milestones.Count);
        Assert.All(answer.Milestones, m => Assert.Empty(m.DeliveryOwners));
        Assert.Equal("20 milestones with no delivery owner as at 20 Jan 2020.", answer.Text);
    }

    [Fact]
    public void An_owner_written_as_an_abbreviation_is_found_from_the_words_it_stands_for()
    {
        var answer = Ask("southend", "what's the head of estates got");

        Assert.Equal(["6.22", "6.23", "6.24", "6.25", "6.26"], Refs(answer).Order());
    }

    [Fact]
    public void A_grouping_column_the_tracker_keeps_is_a_unit_questions_can_name()
    {
        var answer = Ask("cornwall", "how many actions report to the SoF Portfolio Board");

        Assert.Equal(QuestionKind.Count, answer.Kind);
        Assert.Equal(7, answer.Milestones.Count);
    }

    [Fact]
    public void A_grouping_number_names_the_references_under_it()
    {
        var answer = Ask("southend", "how many in section 6");

        Assert.NotEmpty(answer.Milestones);
        Assert.All(answer.Milestones, m => Assert.StartsWith("6.", m.Ref.Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("number of actions not yet complete?", 19)]
    [InlineData("how many aren't done", 19)]
    [InlineData("what hasn't been started", 2)]
    public void A_negated_status_is_turned_round(string question, int count)
    {
        var answer = Ask("cpccg", question);

        Assert.Equal(count, answer.Milestones.Count);
    }

    [Theory]
    [InlineData("what can u do")]
    [InlineData("help - what can I ask you?")]
    [InlineData("how do I use this bot?")]
    public void Help_is_recognised_in_chat_spelling(string question) =>
        Assert.Equal(QuestionKind.Help, Ask("odkm", question).Kind);

    [Fact]
    public void Everyday_verbs_read_as_statuses()
    {
        Assert.Equal(Refs(Ask("odkm", "what's overdue for Chris Gillings")), Refs(Ask("odkm", "what did Chris Gillings miss?")));
        Assert.Equal(Refs(Ask("odkm", "what's complete in finance")), Refs(Ask("odkm", "what has finance landed")));
        Assert.Equal(Refs(Ask("odkm", "what's open for Louise Mitchell")), Refs(Ask("odkm", "what is Louise Mitchell working on")));
    }

    [Fact]
    public void An_empty_answer_for_a_person_gives_their_next_milestones()
    {
        var answer = Ask("odkm", "what does Alys Turner have due in the next 2 weeks?");

        Assert.Empty(answer.Milestones);
        Assert.EndsWith("Next for Alys Turner: #48, #49, #50, due 31 Mar 2020.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_answer_for_a_status_in_a_window_says_what_is_due_then()
    {
        var answer = Ask("odkm", "what's delayed in Q4");

        Assert.Empty(answer.Milestones);
        Assert.Equal(
            "No milestones delayed due in Q4 2019/20 (1 Jan – 31 Mar 2020) as at 20 Jan 2020. 13 milestones due in Q4 2019/20 (1 Jan – 31 Mar 2020).",
            answer.Text);
    }

    [Fact]
    public void A_number_a_title_writes_before_its_next_word_is_not_a_reference()
    {
        var answer = Ask("cornwall", "who owns the 4 hour standard action");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["6"], Refs(answer));
    }
}
