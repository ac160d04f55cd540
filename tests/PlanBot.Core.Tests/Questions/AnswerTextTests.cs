using System.Text.RegularExpressions;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Tests.Questions.SeedQuestions;
using PlanBot.Testing;
using static PlanBot.Core.Plans.MilestoneStatus;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>What answers say: owners, status with exceptions and updates, titles, counts, and how lists are worded and ordered.</summary>
public sealed partial class AnswerTextTests
{
    private static PlanIndex Titles() => Index(
        M("1", "Winter plan agreed by GB", due: "2019-12-20", owner: "Matthew Smith", accountable: "Sue Graham"),
        M("2", "Community services review", due: "2020-02-01", owner: "Louise Mitchell"),
        M("3", "Community services review", AtRisk, due: "2020-03-01", owner: "Rob Murphy"),
        M("4", "Agree governance structures", Complete, due: "2019-10-01"),
        M("5", "Publish estates structure", NotStarted, due: "2020-03-31"),
        M("6", "Bed capacity model", due: "2020-02-28", progress: "Model drafted; <b>sign-off</b> at March board."));

    [Fact]
    public void The_owner_answer_names_delivery_and_accountable_owners()
    {
        var answer = Titles().Ask("who owns #1?");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal("#1 Winter plan agreed by GB: delivery owner Matthew Smith; accountable owner Sue Graham.", answer.Text);
        Assert.True(answer.ShowOwners);
    }

    [Fact]
    public void The_owner_answer_says_when_the_plan_names_no_owner()
    {
        var index = Index(M("1", "Orphan", due: "2020-02-01") with { Owners = [] });

        Assert.Equal("#1 Orphan has no owner named in the plan.", index.Ask("who owns #1").Text);
    }

    [Fact]
    public void The_owner_answer_lists_several_owners_in_a_role_once_each()
    {
        var milestone = M("1", "Shared", due: "2020-02-01") with
        {
            Owners =
            [
                TestPlans.Delivery("Priya Shah"), TestPlans.Delivery("Tom O'Neill", deputy: true), TestPlans.Delivery("Priya Shah"),
                TestPlans.Accountable("Jane Webster"),
            ],
        };

        Assert.Equal("#1 Shared: delivery owner Priya Shah, Tom O'Neill; accountable owner Jane Webster.", Index(milestone).Ask("who owns #1").Text);
    }

    [Fact]
    public void The_status_answer_gives_the_exception_reason_and_proposed_date_from_the_seed_plan()
    {
        var answer = QuestionAnswerer.Ask("status of 36", SeedPlans.Index("odkm"), SeedPlans.Today("odkm"));

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.StartsWith("#36 Negotiate 20/21 CT with regulators and system: delayed (due 29 Nov 2019, 52 days overdue).", answer.Text);
        Assert.Contains("Exception report: This has been delayed due to system distance from control totals.", answer.Text);
        Assert.Contains("Proposed revised date 29 Feb 2020.", answer.Text);
        Assert.NotEmpty(answer.Exceptions);
        Assert.All(answer.Exceptions, e => Assert.Contains(MilestoneRef.Parse("36"), e.Refs));
    }

    [Fact]
    public void The_status_answer_gives_the_exception_and_the_latest_update_without_markup()
    {
        var plan = TestPlans.FullyPopulated();
        var index = new PlanIndex(plan, "v1");

        var answer = index.Ask("status of 6.17");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.StartsWith("#6.17 Open the discharge lounge — phase 1: delayed (due 30 Jun 2019, 204 days overdue).", answer.Text);
        Assert.Contains("Exception report: Estates capacity — works moved to Q2. Proposed revised date 30 Sep 2019.", answer.Text);
        Assert.Contains("Latest update: Estates survey booked. Walls \"need\" work;", answer.Text);
        Assert.DoesNotContain("<see>", answer.Text);
        Assert.StartsWith("Estates survey booked.", answer.LatestUpdate);
        Assert.Single(answer.Exceptions);
    }

    [Fact]
    public void The_latest_update_is_stripped_of_tags()
    {
        var answer = Titles().Ask("status of #6");

        Assert.DoesNotContain("<b>", answer.Text);
        Assert.Contains("Latest update: Model drafted;", answer.Text);
        Assert.DoesNotContain("<", answer.LatestUpdate);
    }

    [Fact]
    public void A_status_answer_without_exception_or_update_says_neither()
    {
        var answer = Titles().Ask("status of #2");

        Assert.Equal("#2 Community services review: on track (due 1 Feb 2020).", answer.Text);
        Assert.Empty(answer.Exceptions);
        Assert.Null(answer.LatestUpdate);
    }

    [Theory]
    [InlineData(Complete, Rag.Blue, "#1 Ledger: complete (due 10 Dec 2019).")]
    [InlineData(Closed, Rag.Blue, "#1 Ledger: closed (due 10 Dec 2019).")]
    [InlineData(Unknown, Rag.Blue, "#1 Ledger: complete (due 10 Dec 2019).")]
    [InlineData(Unknown, Rag.None, "#1 Ledger: Awaiting NHSE (due 10 Dec 2019, 41 days overdue).")]
    [InlineData(Delayed, Rag.Red, "#1 Ledger: delayed (due 10 Dec 2019, 41 days overdue).")]
    public void The_status_answer_names_the_status_and_counts_days_overdue_only_for_open_milestones(MilestoneStatus status, Rag rag, string text)
    {
        var index = Index(M("1", "Ledger", status, due: "2019-12-10", rag: rag) with { StatusText = "Awaiting NHSE" });

        Assert.Equal(text, index.Ask("status of #1").Text);
    }

    [Fact]
    public void The_status_answer_gives_the_trackers_words_when_the_due_date_is_not_a_date()
    {
        var index = Index(M("1", "Ongoing work") with { Due = new TrackerDate("Ongoing", null, Problem: DateProblem.NotADate) });

        Assert.Equal("#1 Ongoing work: on track (due Ongoing).", index.Ask("status of #1").Text);
    }

    [Theory]
    [InlineData("is the winter plan done?", QuestionKind.Status, "1")]
    [InlineData("whats happening with the winter plan", QuestionKind.Status, "1")]
    [InlineData("who owns the winter plan", QuestionKind.Owner, "1")]
    [InlineData("status of the bed capacity model", QuestionKind.Status, "6")]
    [InlineData("who is responsible for the bed capcity model", QuestionKind.Owner, "6")]
    public void Title_words_one_milestone_has_give_its_status_or_owner(string question, QuestionKind kind, string reference)
    {
        var answer = Titles().Ask(question);

        Assert.Equal(kind, answer.Kind);
        Assert.Equal([reference], answer.Refs());
    }

    [Theory]
    [InlineData("who owns the winter plan", QuestionKind.Owner)]
    [InlineData("is the winter plan agreed?", QuestionKind.Status)]
    [InlineData("status of the winter plan", QuestionKind.Status)]
    public void A_title_word_that_is_also_a_surname_still_finds_the_title(string question, QuestionKind kind)
    {
        var index = Index(
            M("1", "Winter plan agreed", due: "2020-03-10", owner: "Sue Graham"),
            M("2", "Budget", due: "2020-03-10", owner: "Mark Winter"));

        var answer = index.Ask(question);

        Assert.Equal(kind, answer.Kind);
        Assert.Equal(["1"], answer.Refs());
    }

    [Fact]
    public void A_full_name_that_shares_a_word_with_a_title_is_still_the_person()
    {
        var index = Index(
            M("1", "Winter plan agreed", due: "2020-03-10", owner: "Sue Graham"),
            M("2", "Budget", due: "2020-03-10", owner: "Mark Winter"));

        Assert.Equal(["2"], index.Ask("what does Mark Winter own").Refs());
    }

    [Theory]
    [InlineData("how is community services review going", "status of #2", "status of #3")]
    [InlineData("who owns the community services review", "who owns #2", "who owns #3")]
    public void Several_equal_titles_ask_which_by_reference(string question, string first, string second)
    {
        var index = Titles();
        var answer = index.Ask(question);

        Assert.Equal(QuestionKind.Choice, answer.Kind);
        Assert.Equal("2 milestones in TEST match. Which do you mean?", answer.Text);
        Assert.Equal(["#2 Community services review", "#3 Community services review"], answer.Choices.Select(c => c.Label));
        Assert.Equal([first, second], answer.Choices.Select(c => c.Question));
        Assert.Equal(["3"], index.Ask(answer.Choices[1].Question).Refs());
    }

    [Theory]
    [InlineData("status of the governance structure", "4")]
    [InlineData("status of the governance structures", "4")]
    [InlineData("status of the estates structures", "5")]
    [InlineData("status of the estates structure", "5")]
    public void A_title_word_matches_its_plural_or_singular(string question, string reference)
    {
        var answer = Titles().Ask(question);

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal([reference], answer.Refs());
    }

    [Fact]
    public void Singular_and_plural_in_the_question_find_the_same_titles_in_a_list()
    {
        var index = Titles();

        Assert.Equal(["4", "5"], index.Ask("show all structure milestones").SortedRefs());
        Assert.Equal(["4", "5"], index.Ask("show all structures milestones").SortedRefs());
    }

    [Theory]
    [InlineData("how many are overdue", "what's overdue")]
    [InlineData("how many are complete?", "what's complete")]
    [InlineData("number of community milestones", "show community milestones")]
    [InlineData("how many does Louise Mitchell have", "what does Louise Mitchell own")]
    [InlineData("count the at risk ones", "what's at risk")]
    public void A_count_gives_the_same_milestones_as_the_list(string count, string list)
    {
        var index = Titles();

        var counted = index.Ask(count);
        var listed = index.Ask(list);

        Assert.Equal(QuestionKind.Count, counted.Kind);
        Assert.Equal(QuestionKind.List, listed.Kind);
        Assert.Equal(listed.Refs(), counted.Refs());
        Assert.StartsWith(counted.Milestones.Count + " milestone", counted.Text);
        Assert.Equal(listed.Text, counted.Text);
    }

    [Fact]
    public void How_many_with_no_filter_counts_the_whole_plan()
    {
        var answer = Titles().Ask("how many milestones are there?");

        Assert.Equal(QuestionKind.Count, answer.Kind);
        Assert.Equal($"6 milestones in TEST {AsAt}.", answer.Text);
    }

    [Theory]
    [InlineData("what's overdue?", "No milestones overdue as at 20 Jan 2020.")]
    [InlineData("what's delayed", "No milestones delayed as at 20 Jan 2020.")]
    [InlineData("how many are red", "No milestones rated red as at 20 Jan 2020.")]
    [InlineData("what's due tomorrow", "No milestones due tomorrow (21 Jan 2020) as at 20 Jan 2020. Next due after that: #1, due 1 Jun 2020.")]
    public void An_empty_list_says_no_milestones(string question, string text)
    {
        var index = Index(M("1", "Later", due: "2020-06-01"), M("2", "Done", Complete, due: "2019-06-01"));

        var answer = index.Ask(question);

        Assert.Empty(answer.Milestones);
        Assert.Equal(text, answer.Text);
    }

    [Theory]
    [InlineData("what's overdue", "1 milestone overdue as at 20 Jan 2020.")]
    [InlineData("what's on track", "2 milestones on track as at 20 Jan 2020.")]
    [InlineData("show all milestones", "3 milestones in TEST as at 20 Jan 2020.")]
    [InlineData("what's not started", "No milestones not started as at 20 Jan 2020.")]
    [InlineData("critical path items", "1 milestone on the critical path as at 20 Jan 2020.")]
    [InlineData("what's complete next month", "No milestones complete due in February 2020 as at 20 Jan 2020. Next due after that: #2, due 1 Jun 2020.")]
    public void A_list_sentence_counts_describes_and_says_as_at_today(string question, string text)
    {
        var index = Index(
            M("1", "Past", due: "2020-01-10", criticalPath: true),
            M("2", "Future", due: "2020-06-01"),
            M("3", "Done", Complete, due: "2019-06-01"));

        var answer = index.Ask(question);

        Assert.Equal(text, answer.Text);
        Assert.Equal(Today, answer.AsAt);
        Assert.Equal("test", answer.PlanId);
        Assert.Equal("Test plan", answer.PlanName);
    }

    [Fact]
    public void A_list_is_sorted_by_effective_due_date_then_reference_with_undated_last()
    {
        var index = Index(
            M("10", "Ten", due: "2020-02-01"),
            M("2", "Two", due: "2020-02-01"),
            M("1", "One", due: "2020-03-01", revised: "2020-01-25"),
            M("4", "Four"),
            M("3", "Three"),
            M("2a", "Two a", due: "2020-02-01"));

        var answer = index.Ask("show all milestones");

        Assert.Equal(["1", "2", "2a", "10", "3", "4"], answer.Refs());
    }

    [Fact]
    public void Named_references_are_sorted_by_due_date_not_by_the_order_asked()
    {
        var index = Index(M("1", "Late", due: "2020-06-01"), M("2", "Early", due: "2020-02-01"));

        Assert.Equal(["2", "1"], index.Ask("what about #1 and #2").Refs());
    }

    [Theory]
    [InlineData("who owns #36")]
    [InlineData("status of milestone 36")]
    [InlineData("what about no. 2c and 6.17")]
    [InlineData("is the discharge lounge open?")]
    [InlineData("how is community services going")]
    [InlineData("who owns the community services review")]
    [InlineData("status of #99")]
    [InlineData("what's overdue")]
    [InlineData("rubbish words")]
    public void Every_milestone_an_answer_mentions_is_written_hash_ref(string question)
    {
        var index = Index(
            M("36", "Negotiate control total", Delayed, due: "2019-11-29", owner: "Rachel Pilsworth", accountable: "Louis Kamfer"),
            M("2c", "Agree estates strategy", due: "2020-03-01"),
            M("6.17", "Open the discharge lounge", due: "2020-02-15"),
            M("41", "Community services review", due: "2020-01-15"),
            M("44", "Community services review", due: "2020-02-15"));

        var answer = index.Ask(question);

        var mentioned = answer.Kind is QuestionKind.Owner or QuestionKind.Status || question.Contains("about")
            ? answer.Milestones : [];
        foreach (var milestone in mentioned) Assert.Contains(milestone.Ref.Display, answer.Text);
        foreach (var choice in answer.Choices) Assert.Matches(@"^#\d", choice.Label);
        foreach (var reference in index.Milestones.Select(m => m.Ref.Value))
        {
            // Wherever a reference appears in the text as a word, a # comes before it.
            Assert.DoesNotMatch(@"(?<![\w.#/])" + Regex.Escape(reference) + @"(?![\w/])", answer.Text);
        }
    }

    [Fact]
    public void Every_answer_carries_the_plan_and_the_day_it_is_as_at()
    {
        var index = Titles();

        foreach (var question in new[] { "help", "use plan odkm", "who owns #1", "status of #1", "what's overdue", "how many", "#99", "gibberish zzz", "how is community services review going" })
        {
            var answer = index.Ask(question);
            Assert.Equal(Today, answer.AsAt);
            Assert.Equal("test", answer.PlanId);
            Assert.False(string.IsNullOrWhiteSpace(answer.Text));
        }
    }

    [Fact]
    public void The_list_asks_for_owners_when_the_question_does()
    {
        var index = Titles();

        Assert.True(index.Ask("who owns the overdue milestones").ShowOwners);
        Assert.False(index.Ask("what's overdue").ShowOwners);
    }
}
