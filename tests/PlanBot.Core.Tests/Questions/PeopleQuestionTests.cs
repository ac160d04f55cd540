using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using static PlanBot.Core.Plans.MilestoneStatus;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>Owners named in questions, by full name, part of it or with a slip, and "me/my/I".</summary>
public sealed class PeopleQuestionTests
{
    private static PlanIndex People() => Index(
        M("1", "Budget", due: "2020-01-10", owner: "Louis Kamfer"),
        M("2", "Ledger", Complete, due: "2019-12-10", owner: "Louis Kamfer"),
        M("3", "Rota", due: "2020-02-10", owner: "Louise Mitchell"),
        M("4", "Winter plan", due: "2020-02-20", owner: "Sue Graham", accountable: "Louis Kamfer"),
        M("5", "Fax machines", due: "2020-03-10", owner: "Mark Balaam"),
        M("6", "Pod scheme", due: "2020-03-20", owner: "Mark Sanderson"));

    [Theory]
    [InlineData("what does Sue Graham own?")]
    [InlineData("what does Graham own?")]
    [InlineData("what does sue own")]
    [InlineData("what does Sue Grahm own")]
    [InlineData("what does Sue Garham own")]
    [InlineData("sue graham's milestones")]
    public void An_owner_is_found_by_full_name_surname_first_name_or_a_one_letter_slip(string question)
    {
        var answer = People().Ask(question);

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(["4"], answer.Refs());
        Assert.Contains("owned by Sue Graham", answer.Text);
    }

    [Fact]
    public void An_owner_is_found_in_every_role_they_hold()
    {
        // Louis is delivery owner of #1 and #2 and accountable owner of #4.
        Assert.Equal(["2", "1", "4"], People().Ask("what does Louis Kamfer own").Refs());
    }

    [Theory]
    [InlineData("what does louis own", "Louis Kamfer")]
    [InlineData("what does louise own", "Louise Mitchell")]
    [InlineData("what does lois own", "Louis Kamfer")]
    [InlineData("what does lousie own", "Louise Mitchell")]
    public void An_exact_name_beats_a_name_one_slip_away(string question, string owner)
    {
        var answer = People().Ask(question);

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Contains("owned by " + owner, answer.Text);
    }

    [Fact]
    public void A_first_name_two_owners_share_asks_which_one()
    {
        var answer = People().Ask("what does Mark own?");

        Assert.Equal(QuestionKind.Choice, answer.Kind);
        Assert.Equal("More than one person in TEST matches 'mark'. Which do you mean?", answer.Text);
        Assert.Equal(["Mark Balaam", "Mark Sanderson"], answer.Choices.Select(c => c.Label));
        Assert.Empty(answer.Milestones);
    }

    [Fact]
    public void Each_choice_re_asks_the_question_with_the_full_name()
    {
        var index = People();
        var choices = index.Ask("what's Mark got due in March?").Choices;

        // The rest of the question is kept as read: lower case, apostrophes dropped.
        Assert.Equal(["whats Mark Balaam got due in march?", "whats Mark Sanderson got due in march?"], choices.Select(c => c.Question));
        var balaam = index.Ask(choices[0].Question);
        var sanderson = index.Ask(choices[1].Question);
        Assert.Equal(QuestionKind.List, balaam.Kind);
        Assert.Equal(["5"], balaam.Refs());
        Assert.Equal(["6"], sanderson.Refs());
    }

    [Theory]
    [InlineData("Sue Graham")]
    [InlineData("Graham, Sue")]
    [InlineData("Sue Graham (NHS Cambridgeshire)")]
    [InlineData("sue graham")]
    public void Me_my_and_I_are_the_asker_however_teams_writes_their_name(string asker)
    {
        var index = People();

        foreach (var question in new[] { "what do I own?", "what's due for me", "my milestones" })
        {
            var answer = index.Ask(question, asker);
            Assert.Equal(QuestionKind.List, answer.Kind);
            Assert.Equal(["4"], answer.Refs());
            Assert.Contains("owned by you (Sue Graham)", answer.Text);
        }
    }

    [Fact]
    public void The_asker_and_a_filter_both_apply()
    {
        var answer = People().Ask("what's overdue for me?", "Louis Kamfer");

        Assert.Equal(["1"], answer.Refs());
        Assert.Equal($"1 milestone overdue owned by you (Louis Kamfer) {AsAt}.", answer.Text);
    }

    [Fact]
    public void An_asker_who_owns_nothing_in_the_plan_is_told_why()
    {
        var answer = People().Ask("what do I own?", "Pat Nobody");

        Assert.Equal(QuestionKind.Unanswerable, answer.Kind);
        Assert.Empty(answer.Milestones);
        Assert.Contains("can't find you", answer.Text);
        Assert.Contains("pat nobody", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("TEST", answer.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_unknown_asker_is_told_the_bot_does_not_know_who_they_are(string? asker)
    {
        var answer = People().Ask("what's overdue for me?", asker);

        Assert.Equal(QuestionKind.Unanswerable, answer.Kind);
        Assert.Equal("I don't know who you are here, so I can't tell which milestones are yours. Ask about an owner by name instead.", answer.Text);
    }

    [Fact]
    public void An_asker_whose_first_name_alone_fits_two_owners_is_not_guessed()
    {
        var answer = People().Ask("what do I own", "Mark");

        Assert.Equal(QuestionKind.Unanswerable, answer.Kind);
    }

    [Theory]
    [InlineData("show me what's overdue")]
    [InlineData("can I see what's overdue")]
    [InlineData("tell me what's overdue")]
    [InlineData("give me the overdue milestones")]
    [InlineData("I want the overdue ones")]
    public void Show_me_and_can_I_see_do_not_mean_the_asker(string question)
    {
        foreach (var asker in new[] { null, "Sue Graham" })
        {
            var answer = People().Ask(question, asker);

            Assert.Equal(QuestionKind.List, answer.Kind);
            Assert.Equal(["1"], answer.Refs());
            Assert.DoesNotContain("owned by", answer.Text);
        }
    }

    [Fact]
    public void Show_me_my_still_means_the_asker()
    {
        var answer = People().Ask("show me my milestones", "Louise Mitchell");

        Assert.Equal(["3"], answer.Refs());
    }

    [Fact]
    public void An_owner_written_with_a_role_in_brackets_is_found_as_the_asker()
    {
        var index = Index(M("1", "Budget", due: "2020-02-10", owner: "DCFO (KL)"));

        Assert.Equal(["1"], index.Ask("what do I own", "DCFO (KL)").Refs());
    }

    [Fact]
    public void People_are_indexed_once_each_with_all_their_milestones()
    {
        var people = People().People;

        Assert.Equal(["Louis Kamfer", "Louise Mitchell", "Mark Balaam", "Mark Sanderson", "Sue Graham"], people.Select(p => p.Name));
        Assert.Equal([0, 1, 3], people.Single(p => p.Name == "Louis Kamfer").Milestones);
    }

    [Fact]
    public void An_owner_name_and_a_status_both_apply()
    {
        var index = Index(
            M("1", "Budget", Delayed, due: "2020-02-10", owner: "Rachel Pilsworth"),
            M("2", "Ledger", OnTrack, due: "2020-02-10", owner: "Rachel Pilsworth"),
            M("3", "Rota", Delayed, due: "2020-02-10", owner: "Jan Thomas"));

        Assert.Equal(["1"], index.Ask("has rachel got anything delayed").Refs());
    }

    [Fact]
    public void A_deputy_owner_counts_as_an_owner()
    {
        var milestone = M("1", "Budget", due: "2020-02-10", owner: "Priya Shah") with
        {
            Owners = [TestPlans.Delivery("Priya Shah"), TestPlans.Delivery("Tom O'Neill", deputy: true)],
        };

        Assert.Equal(["1"], Index(milestone).Ask("what does Tom O'Neill own").Refs());
    }

    [Theory]
    [InlineData("what does Sian Roberts own")]
    [InlineData("what does Siân Roberts own")]
    [InlineData("what does SIAN own")]
    public void Accents_and_capitals_do_not_matter_in_a_name(string question)
    {
        var index = Index(M("1", "Discharge lounge", due: "2020-02-10", owner: "Dr Siân Roberts"), M("2", "Budget", due: "2020-02-10"));

        var answer = index.Ask(question);

        Assert.Equal(["1"], answer.Refs());
        Assert.Contains("owned by Dr Siân Roberts", answer.Text);
    }

    [Fact]
    public void A_name_that_looks_like_a_month_is_the_person_not_the_window()
    {
        var index = Index(
            M("1", "Budget", due: "2020-01-25", owner: "Jan Thomas"),
            M("2", "Ledger", due: "2020-03-10", owner: "Jan Thomas"),
            M("3", "Rota", due: "2020-01-28", owner: "Sue Graham"));

        var answer = index.Ask("what's due for jan thomas");

        Assert.Equal(["1", "2"], answer.Refs());
        Assert.DoesNotContain("January", answer.Text);
    }
}
