using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// Everyday phrasing on an invented libraries tracker (refs LM-01 …, Jira-like statuses, "Operational Lead" and
/// "Executive Sponsor" columns, an owner written as a job title): words for work and tickets, help and requests the bot
/// cannot do, role short forms and slips, groupings by initials or cut-short words, title words beside partial names,
/// and instructions about ratings.
/// </summary>
public sealed class PhrasingQuestionTests
{
    private static Owner Lead(string name) => TestPlans.Delivery(name, "Operational Lead");
    private static Owner Sponsor(string name) => TestPlans.Accountable(name, "Executive Sponsor");

    private static PlanIndex Libraries() => new(new Plan
    {
        Id = "libraries",
        Name = "Libraries Modernisation Programme",
        Milestones =
        [
            TrackerRow("LM-01", "Self-service kiosk live at Central Library", "In Progress", "2020-01-10", "Red", "Digital Inclusion Hub Network",
                Lead("Kiosk Supplier Liaison"), Sponsor("Jo Bloggs")),
            TrackerRow("LM-02", "Kiosk staff training", "In Progress", "2020-03-13", "R/A", "Digital Inclusion Hub Network",
                Lead("Sam Patel"), Lead("Kiosk Team Leader"), Sponsor("Jo Bloggs")),
            TrackerRow("LM-03", "Section 106 funding bid submitted", "To Do", "2020-03-31", "A/G", "Buildings", Lead("Head of Libraries"), Sponsor("Jo Bloggs")),
            TrackerRow("LM-04", "Stock rotation policy agreed", "To Do", "2020-02-28", "Green", "Stock", Sponsor("Ann Other")),
            TrackerRow("LM-05", "Mobile library van replaced", "Done", "2019-12-20", "Blue", "Buildings", Lead("Head of Libraries"), Sponsor("Ann Other")),
            TrackerRow("LM-06", "Community hub pilot in two branches", "Blocked", "2020-01-15", "Amber", "Digital Inclusion Hub Network",
                Lead("Sam Patel"), Sponsor("Ann Other")),
        ],
    }, "v1");

    private static string[] Sorted(Answer answer) => answer.SortedRefs();

    [Fact]
    public void Being_worked_on_lists_what_the_tracker_marks_in_progress() =>
        Assert.Equal(["LM-01", "LM-02"], Sorted(Libraries().Ask("which items are being worked on right now?")));

    [Fact]
    public void Being_worked_on_or_blocked_lists_either_status() =>
        Assert.Equal(["LM-01", "LM-02", "LM-06"], Sorted(Libraries().Ask("what's being worked on or Blocked?")));

    [Fact]
    public void Being_worked_on_is_any_open_milestone_when_the_tracker_has_no_in_progress_status()
    {
        var plan = Index(M("1", "Draft the strategy", MilestoneStatus.OnTrack, due: "2020-03-01"), M("2", "Publish it", MilestoneStatus.Complete, due: "2019-12-01"));
        Assert.Equal(["1"], Sorted(plan.Ask("what's being worked on?")));
    }

    [Fact]
    public void Tickets_and_stories_sat_in_a_status_are_counted_by_that_status()
    {
        var answer = Libraries().Ask("how many stories are sat in To Do?");

        Assert.Equal(QuestionKind.Count, answer.Kind);
        Assert.Equal(["LM-03", "LM-04"], Sorted(answer));
        Assert.Equal(["LM-03", "LM-04"], Sorted(Libraries().Ask("which tix are still To Do")));
    }

    [Fact]
    public void Who_has_picked_up_a_story_asks_for_its_owners()
    {
        var answer = Libraries().Ask("who's picked up the stock rotation story?");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["LM-04"], answer.Refs());
    }

    [Fact]
    public void Forecast_to_land_in_a_month_is_due_in_that_month() =>
        Assert.Equal(["LM-02", "LM-03"], Sorted(Libraries().Ask("what's forecast to land in March?")));

    [Fact]
    public void What_do_I_need_to_deliver_is_the_askers_open_work() =>
        Assert.Equal(["LM-02", "LM-06"], Sorted(Libraries().Ask("what do I need to deliver?", asker: "Sam Patel")));

    [Fact]
    public void I_need_a_list_is_still_not_about_the_asker() =>
        Assert.Equal(["LM-01", "LM-06"], Sorted(Libraries().Ask("I need a list of what's overdue")));

    [Fact]
    public void Help_said_first_then_a_question_about_help_is_help() =>
        Assert.Equal(QuestionKind.Help, Libraries().Read("help - what sort of questions can I ask you about this?").Kind);

    [Theory]
    [InlineData("book the community room for next friday")]
    [InlineData("please cancel the kiosk training on monday")]
    [InlineData("can you arrange a meeting with Jo Bloggs tomorrow")]
    public void A_request_to_act_is_not_understood(string question)
    {
        var answer = Libraries().Ask(question);

        Assert.Equal(QuestionKind.NotUnderstood, answer.Kind);
        Assert.Contains("can't book, arrange or change", answer.Text);
    }

    [Fact]
    public void A_question_about_something_else_on_a_day_is_not_understood() =>
        Assert.Equal(QuestionKind.NotUnderstood, Libraries().Ask("whats the weather like in town tomorrow").Kind);

    [Theory]
    [InlineData("whcih actions are overdue")]
    [InlineData("what's overdue please, cheers")]
    [InlineData("list the overdue actoins")]
    public void A_slip_in_the_words_that_frame_a_question_is_still_answered(string question) =>
        Assert.Equal(["LM-01", "LM-06"], Sorted(Libraries().Ask(question)));

    [Fact]
    public void Not_having_a_role_the_tracker_names_lists_the_milestones_without_it()
    {
        var answer = Libraries().Ask("which actions don't have an operational lead?");

        Assert.Equal(["LM-04"], Sorted(answer));
        Assert.Equal(["LM-04"], Sorted(Libraries().Ask("which items have no named op lead?")));
    }

    [Fact]
    public void Two_roles_asked_together_name_both_roles_holders()
    {
        var answer = Libraries().Ask("who's the sponsor and op lead for LM-02");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Contains("Jo Bloggs", answer.Text);
        Assert.Contains("Sam Patel", answer.Text);
    }

    [Fact]
    public void A_role_word_with_another_ending_names_the_role() =>
        Assert.Equal(["LM-04", "LM-05", "LM-06"], Sorted(Libraries().Ask("what is Ann Other sponsoring?")));

    [Fact]
    public void A_role_word_with_a_slip_names_the_role() =>
        Assert.Equal(["LM-04", "LM-06"], Sorted(Libraries().Ask("what's ann other sponsering that isnt complete")));

    [Fact]
    public void A_status_word_near_a_role_word_stays_a_status()
    {
        var plan = Index(
            M("1", "Winter plan approved", MilestoneStatus.Complete, due: "2019-12-01") with { Owners = [TestPlans.Delivery("Ravi Shah", "Delivery Owner")] },
            M("2", "Flu campaign launched", MilestoneStatus.OnTrack, due: "2020-03-01") with { Owners = [TestPlans.Delivery("Ravi Shah", "Delivery Owner")] });

        Assert.Equal(["1"], Sorted(plan.Ask("which milestones have been delivered?")));
    }

    [Fact]
    public void An_owner_written_as_a_job_title_is_that_owner_not_a_choice() =>
        Assert.Equal(["LM-03"], Sorted(Libraries().Ask("Head of Libraries - what's outstanding?")));

    [Fact]
    public void The_reference_prefix_names_the_plan_itself() =>
        Assert.Equal(["LM-01", "LM-06"], Sorted(Libraries().Ask("what's overdue in the LM programme?")));

    [Fact]
    public void A_groupings_first_two_words_by_their_initials_name_it() =>
        Assert.Equal(["LM-01", "LM-02", "LM-06"], Sorted(Libraries().Ask("DI hub network items still open")));

    [Fact]
    public void A_word_cut_short_before_the_number_a_title_writes_after_it_is_that_word()
    {
        var answer = Libraries().Ask("status of the sect 106 bid?");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal(["LM-03"], answer.Refs());
    }

    [Fact]
    public void Title_words_beat_part_of_a_persons_name_when_they_fit_one_title()
    {
        var answer = Libraries().Ask("status of kiosk staff training?");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal(["LM-02"], answer.Refs());
    }

    [Fact]
    public void Part_of_a_persons_name_alone_still_asks_which_person() =>
        Assert.Equal(QuestionKind.Choice, Libraries().Ask("what does kiosk own?").Kind);

    [Fact]
    public void Count_one_rating_as_another_is_read_as_an_instruction() =>
        Assert.Equal(["LM-01", "LM-02"], Sorted(Libraries().Ask("which actions are red? count R/A as red")));

    [Fact]
    public void Include_a_split_rating_is_read_as_an_instruction() =>
        Assert.Equal(["LM-03", "LM-06"], Sorted(Libraries().Ask("which actions are amber? include the A/G one")));
}
