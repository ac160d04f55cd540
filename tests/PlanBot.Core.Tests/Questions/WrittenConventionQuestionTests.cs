using PlanBot.Core.Plans;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// The conventions docs/questions.md settles by the blind writers' majority: which milestones a due window lists,
/// what "coming up" means for a person, and who is who when a tracker writes one person two ways.
/// </summary>
public sealed class WrittenConventionQuestionTests
{
    // Today is 20 Jan 2020; December 2019 and Q3 2019/20 are behind us, March 2020 ahead.
    private static readonly PlanBot.Core.Questions.PlanIndex Kiosks = Index(
        M("K1", "Order the kiosks", MilestoneStatus.Complete, due: "2019-12-06", owner: "Ffion Hale"),
        M("K2", "Fit the kiosks", MilestoneStatus.Delayed, due: "2019-12-20", owner: "Ffion Hale"),
        M("K3", "Retire the old screens", MilestoneStatus.Closed, due: "2019-12-13", owner: "Omar Reid", rag: Rag.None) with { StatusText = "Withdrawn" },
        M("K4", "Train reception staff", MilestoneStatus.Complete, due: "2020-03-06", owner: "Omar Reid"),
        M("K5", "Switch on self check-in", MilestoneStatus.OnTrack, due: "2020-03-27", owner: "Ffion Hale"));

    [Fact]
    public void A_window_asked_about_in_the_past_tense_lists_finished_milestones_too_and_says_which_are_done()
    {
        var answer = Kiosks.Ask("what was due in December?");

        Assert.Equal(["K1", "K2", "K3"], answer.SortedRefs());
        Assert.EndsWith("Of these, 1 complete (#K1) and 1 closed (#K3).", answer.Text);
    }

    [Fact]
    public void Milestones_named_by_their_date_include_finished_ones()
    {
        Assert.Equal(["K4", "K5"], Kiosks.Ask("which actions have a target date in March?").SortedRefs());
        Assert.Equal(2, Kiosks.Ask("how many milestones fall due in Q4?").Milestones.Count);
    }

    [Fact]
    public void What_is_still_due_in_a_window_is_open_work_only()
    {
        Assert.Equal(["K5"], Kiosks.Ask("what's due in March?").SortedRefs());
        Assert.Equal(["K5"], Kiosks.Ask("anything due in Q4").SortedRefs());
    }

    [Fact]
    public void A_qualifier_keeps_its_meaning_whatever_the_tense()
    {
        Assert.Equal(["K2"], Kiosks.Ask("what was due in December that is still open?").SortedRefs());
        Assert.Equal(["K1"], Kiosks.Ask("which milestones due in December are complete?").SortedRefs());
    }

    [Fact]
    public void Everything_due_by_a_date_is_open_work_only()
    {
        Assert.Equal(["K2"], Kiosks.Ask("which actions are due by the end of January?").SortedRefs());
    }

    [Fact]
    public void A_quarter_with_a_two_digit_year_pair_is_that_financial_year()
    {
        var plan = Index(M("Q1", "Open the hub", due: "2025-05-30"));

        var answer = plan.Ask("what's due in Q1 25/26?");

        Assert.Equal(["Q1"], answer.SortedRefs());
        Assert.Contains("Q1 2025/26", answer.Text);
    }

    [Fact]
    public void What_a_person_has_coming_up_is_all_their_open_work_still_to_come()
    {
        var answer = Kiosks.Ask("what have I got coming up?", asker: "Ffion Hale");

        Assert.Equal(["K5"], answer.SortedRefs());
    }

    [Fact]
    public void What_is_coming_up_in_the_whole_plan_is_the_next_two_weeks()
    {
        var plan = Index(
            M("1", "Sign the lease", due: "2020-01-24"),
            M("2", "Move in", due: "2020-03-02"));

        Assert.Equal(["1"], plan.Ask("what's coming up?").SortedRefs());
    }

    [Fact]
    public void An_owner_written_as_an_address_is_shown_as_the_address()
    {
        var plan = Index(M("1", "Book the scanner", owner: "k.osei@trust.nhs.uk"));

        var answer = plan.Ask("who owns #1?");

        Assert.Equal(["k.osei@trust.nhs.uk"], answer.Milestones.Single().Owners.Select(o => o.Name));
        Assert.Contains("k.osei@trust.nhs.uk", answer.Text);
    }

    [Fact]
    public void An_owner_written_as_an_address_is_found_by_the_name_it_spells()
    {
        var plan = Index(
            M("1", "Book the scanner", owner: "k.osei@trust.nhs.uk"),
            M("2", "Hire radiographers", owner: "Lena Park"));

        Assert.Equal(["1"], plan.Ask("what does Osei own?").SortedRefs());
    }

    [Fact]
    public void An_address_that_spells_a_name_the_tracker_writes_in_full_is_that_person()
    {
        var plan = Index(
            M("HR-1", "Refresh the recruitment policy", owner: "Sam Okafor"),
            M("HR-2", "Launch the survey plans", owner: "sam.okafor@trust.nhs.uk"),
            M("HR-3", "Report agency spend", owner: "Kate Morris"));

        Assert.Equal(["HR-1", "HR-2"], plan.Ask("what's sam okafor got open?").SortedRefs());
        Assert.Equal(["HR-1", "HR-2"], plan.Ask("what have I got?", asker: "Sam Okafor").SortedRefs());
        Assert.Equal(["sam.okafor@trust.nhs.uk"], plan.Ask("who owns HR-2?").Milestones.Single().Owners.Select(o => o.Name));
    }

    [Fact]
    public void An_initial_and_surname_beside_a_full_name_is_asked_back_not_guessed()
    {
        var plan = Index(
            M("1", "Plan the levy spend", owner: "S. Okafor"),
            M("2", "Review exit interviews", owner: "Sam Okafor"));

        Assert.Equal(PlanBot.Core.Questions.QuestionKind.Choice, plan.Ask("what's Okafor got?").Kind);
    }

    [Fact]
    public void Delayed_is_what_the_tracker_calls_late_not_a_new_date_or_a_pause()
    {
        var plan = Index(
            M("1", "Agree the rota", MilestoneStatus.Delayed, rag: Rag.None) with { StatusText = "Delayed - now March" },
            M("2", "Open the ward", MilestoneStatus.Delayed, rag: Rag.None) with { StatusText = "Revised date requested - see exceptions" },
            M("3", "Buy the beds", MilestoneStatus.Delayed, rag: Rag.None) with { StatusText = "Open", RagText = "Reset Date" },
            M("4", "Hire the nurses", MilestoneStatus.Delayed, rag: Rag.None) with { StatusText = "On hold" },
            M("5", "Set up the panel", MilestoneStatus.NotStarted, rag: Rag.None) with { StatusText = "Not Started", RagText = "Delayed" });

        Assert.Equal(["1", "5"], plan.Ask("what's delayed?").SortedRefs());
        Assert.Equal(["5"], plan.Ask("what hasn't been started?").SortedRefs());
    }

    [Fact]
    public void Open_with_no_word_on_progress_is_not_on_track()
    {
        var plan = Index(
            M("1", "Train the staff", MilestoneStatus.OnTrack, rag: Rag.None) with { StatusText = "Open", RagText = "On-Track" },
            M("2", "Run the programme", MilestoneStatus.OnTrack, rag: Rag.None) with { StatusText = "Open", RagText = "Open" });

        Assert.Equal(["1"], plan.Ask("list the on track actions").SortedRefs());
        Assert.Equal(["1", "2"], plan.Ask("what's open?").SortedRefs());
    }

    [Fact]
    public void The_asker_is_the_one_post_written_with_their_initials()
    {
        var plan = Index(
            M("2.4", "Budget holders sign off budgets", owner: "DCFO (KL)"),
            M("2.5", "Monthly budget meetings", owner: "CFO (MB)"));

        Assert.Equal(["2.4"], plan.Ask("what have I got?", asker: "Katrina Leighton").SortedRefs());
        Assert.Equal(PlanBot.Core.Questions.QuestionKind.Unanswerable, plan.Ask("what have I got?", asker: "Sue Graham").Kind);
    }

    [Fact]
    public void Initials_that_fit_two_posts_find_nobody()
    {
        var plan = Index(
            M("1", "Audit the ledger", owner: "DCFO (KL)"),
            M("2", "Close the accounts", owner: "HoF (KL)"));

        Assert.Equal(PlanBot.Core.Questions.QuestionKind.Unanswerable, plan.Ask("what have I got?", asker: "Katrina Leighton").Kind);
    }

    [Fact]
    public void Left_to_do_is_open_work_even_where_the_tracker_has_a_To_Do_status()
    {
        var plan = Index(
            M("T-1", "Write the briefing pack", MilestoneStatus.NotStarted, rag: Rag.None) with { StatusText = "To Do" },
            M("T-2", "Run the audit", MilestoneStatus.OnTrack, rag: Rag.None) with { StatusText = "In Progress" },
            M("T-3", "Book the rooms", MilestoneStatus.Complete, rag: Rag.None) with { StatusText = "Done" });

        Assert.Equal(["T-1", "T-2"], plan.Ask("what's left to do?").SortedRefs());
        Assert.Equal(["T-1"], plan.Ask("how many are marked To Do?").SortedRefs());
    }

    [Fact]
    public void Still_live_is_open_work()
    {
        Assert.Equal(["K2", "K5"], Kiosks.Ask("anything of mine still live?", asker: "Ffion Hale").SortedRefs());
    }

    [Fact]
    public void What_a_person_has_on_the_list_is_everything_of_theirs()
    {
        Assert.Equal(["K3", "K4"], Kiosks.Ask("what have I got on the list?", asker: "Omar Reid").SortedRefs());
        Assert.Empty(Kiosks.Ask("what have I got on?", asker: "Omar Reid").Milestones);
    }
}
