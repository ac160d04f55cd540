using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// Questions in a tracker's own terms, on an invented estates tracker: whether a field is filled in, its statuses as
/// written, its trend since the last report, its own name, several colours or statuses at once, and owner roles by header.
/// </summary>
public sealed class TrackerWordsQuestionTests
{
    private static Milestone Row(string reference, string title, string status, Rag rag = Rag.None, string? due = null, string? revised = null,
        string? trend = null, params Owner[] owners) =>
        M(reference, title, due: due, revised: revised) with
        {
            StatusText = status,
            Status = StatusReader.Normalise(status, null),
            Rag = rag,
            RagText = rag == Rag.None ? "" : rag.ToString(),
            Trend = trend,
            Owners = owners,
        };

    private static readonly Owner Priya = TestPlans.Delivery("Priya Nair", "Project manager");
    private static readonly Owner Tom = TestPlans.Accountable("Tom Hale", "Exec sponsor");

    private static PlanIndex Estates(bool withTrend = true) => new(new Plan
    {
        Id = "estates",
        Name = "Estates Strategy Delivery Tracker 2019/20",
        Milestones =
        [
            Row("E1", "Survey the depot roof", "In Progress", Rag.Green, due: "2020-02-14", trend: withTrend ? "↑" : null, owners: [Priya, Tom]),
            Row("E2", "Agree lease for the clinic", "Blocked", Rag.Red, due: "2019-12-20", revised: "2020-03-31", trend: withTrend ? "↓" : null, owners: [Tom]),
            Row("E3", "Dispose of surplus land", "Not Started", Rag.Amber, trend: withTrend ? "↔" : null),
            Row("E4", "Refit the reception", "On Hold", due: "2019-11-30", owners: [Priya]),
            Row("E5", "Close the old office", "Complete", Rag.Blue, due: "2019-10-31", owners: [Priya]),
            Row("E6", "Plan the car park extension", "", due: "2020-05-29", owners: [Priya]),
        ],
    }, "v1");

    private static string[] Sorted(Answer answer) => answer.SortedRefs();

    [Fact]
    public void Missing_a_due_date_lists_the_undated_milestones()
    {
        var answer = Estates().Ask("which actions are missing a due date?");

        Assert.Equal(["E3"], Sorted(answer));
        Assert.Contains("with no due date", answer.Text);
    }

    [Fact]
    public void A_new_date_lists_the_milestones_whose_due_date_was_revised() =>
        Assert.Equal(["E2"], Sorted(Estates().Ask("list the actions that have been given a new date")));

    [Fact]
    public void Nobody_and_unassigned_list_the_milestones_without_an_owner()
    {
        Assert.Equal(["E3"], Sorted(Estates().Ask("show me the tasks nobody owns")));
        Assert.Equal(["E3"], Sorted(Estates().Ask("unassigned actions?")));
    }

    [Fact]
    public void Without_a_rag_rating_and_with_no_status_are_fields_left_blank()
    {
        Assert.Equal(["E4", "E6"], Sorted(Estates().Ask("anything without a RAG rating")));
        Assert.Equal(["E6"], Sorted(Estates().Ask("which rows have no status yet")));
    }

    [Fact]
    public void A_status_the_tracker_writes_is_read_as_written_where_plantbots_word_is_broader()
    {
        Assert.Equal(["E1"], Sorted(Estates().Ask("what is in progress")));
        Assert.Equal(["E2"], Sorted(Estates().Ask("how many are blocked")));
        Assert.Single(Estates().Ask("how many are blocked").Milestones);
    }

    [Fact]
    public void Statuses_joined_by_or_mean_any_of_them() =>
        Assert.Equal(["E2", "E4"], Sorted(Estates().Ask("anything on hold or blocked?")));

    [Fact]
    public void Several_colours_mean_any_of_them()
    {
        var answer = Estates().Ask("list the amber and blue ones");

        Assert.Equal(["E3", "E5"], Sorted(answer));
        Assert.Contains("rated amber or blue", answer.Text);
    }

    [Fact]
    public void Trend_since_the_last_report_is_read_from_the_trackers_marks()
    {
        Assert.Equal(["E2"], Sorted(Estates().Ask("what has got worse since last month?")));
        Assert.Equal(["E1"], Sorted(Estates().Ask("which ones are improving")));
    }

    [Fact]
    public void A_tracker_without_trend_marks_says_so()
    {
        var answer = Estates(withTrend: false).Ask("what has deteriorated since the previous report");

        Assert.Equal(QuestionKind.Unanswerable, answer.Kind);
        Assert.Contains("no trend", answer.Text);
    }

    [Fact]
    public void The_trackers_own_name_is_the_whole_plan()
    {
        Assert.Equal(["E4"], Sorted(Estates().Ask("what's overdue on the estates strategy?")));
        Assert.Equal(["E4"], Sorted(Estates().Ask("anything overdue on the estates delivery refresh tracker")));
    }

    [Fact]
    public void An_owner_role_named_by_its_header_answers_with_the_people_in_that_role()
    {
        var sponsor = Estates().Ask("who is the exec sponsor for E1");
        var anyone = Estates().Ask("who is accountable for E1");

        Assert.Equal(["Tom Hale"], sponsor.Milestones.Single().Owners.Select(o => o.Name));
        Assert.Equal(["Priya Nair", "Tom Hale"], anyone.Milestones.Single().Owners.Select(o => o.Name).Order());
    }

    [Fact]
    public void Chat_shorthand_is_read_as_the_word()
    {
        var answer = Estates().Ask("how many r overdue");

        Assert.Equal(QuestionKind.Count, answer.Kind);
        Assert.Single(answer.Milestones);
    }

    private static PlanIndex Digital() => new(new Plan
    {
        Id = "digital",
        Name = "Digital Strategy",
        SourceFile = "north-ics-key-digital-milestones.csv",
        Milestones =
        [
            Row("D1", "IT: replace the ward printers", "In Progress", Rag.Green, due: "2020-03-31",
                owners: [TestPlans.Delivery("H Khan (h.khan@north.nhs.uk)", "Assigned To")]) with { OtherFields = new Dictionary<string, string> { ["Priority"] = "Urgent" } },
            Row("D2", "Make it easier to book rooms", "In Progress", Rag.Green, due: "2020-04-30",
                owners: [TestPlans.Delivery("DCFO (AB)", "Assigned To")]) with { OtherFields = new Dictionary<string, string> { ["Priority"] = "Low" } },
            Row("D3", "Submission of the Electronic Prescribing & Medicines Administration business case", "Not Started", Rag.Amber, due: "2020-02-28",
                owners: [TestPlans.Delivery("CFO (CD)", "Assigned To")]) with { OtherFields = new Dictionary<string, string> { ["Priority"] = "Low" } },
        ],
    }, "v1");

    [Fact]
    public void Help_asked_round_about_is_help()
    {
        Assert.Equal(QuestionKind.Help, Digital().Ask("what kind of questions can I ask you about this tracker?").Kind);
        Assert.Equal(QuestionKind.Help, Digital().Ask("what other stuff can I ask").Kind);
    }

    [Fact]
    public void Where_is_it_at_asks_for_the_status_of_one_milestone()
    {
        var answer = Digital().Ask("where are the ward printers at?");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal(["D1"], answer.Refs());
    }

    [Fact]
    public void A_verb_finds_the_title_that_names_it_as_a_noun() =>
        Assert.Equal(["D3"], Digital().Ask("has the EPMA business case been submitted?").Refs());

    [Fact]
    public void A_role_written_out_finds_the_owner_the_tracker_abbreviates() =>
        Assert.Equal(["D2"], Digital().Ask("deputy CFO actions").Refs());

    [Fact]
    public void An_everyday_word_in_capitals_matches_the_capitalised_word_in_titles() =>
        Assert.Equal(["D1"], Digital().Ask("how many IT tasks").Refs());

    [Fact]
    public void An_asker_known_by_e_mail_address_is_the_owner_named_with_it() =>
        Assert.Equal(["D1"], Digital().Ask("what have I got?", asker: "h.khan@north.nhs.uk").Refs());

    [Fact]
    public void A_priority_column_groups_milestones_by_its_values()
    {
        Assert.Equal(["D1"], Digital().Ask("which urgent tasks are open").Refs());
        Assert.Equal(["D2", "D3"], Digital().Ask("low priority items").SortedRefs());
    }

    [Fact]
    public void The_initials_of_the_trackers_file_name_name_its_items() =>
        Assert.Equal(3, Digital().Ask("how many KDMs are there?").Milestones.Count);

    [Fact]
    public void Past_its_finish_date_is_overdue_whatever_the_date_column_is_called()
    {
        var answer = Estates().Ask("what has gone past its end date on the estates strategy refresh?");

        Assert.True(Sorted(answer) is ["E4"], answer.Text);
    }

    [Fact]
    public void A_quarter_of_the_next_financial_year_is_that_years_quarter()
    {
        var answer = Estates().Ask("what's due in Q1 of the next financial year?");

        Assert.Contains("Q1 2020/21", answer.Text);
        Assert.Equal(["E6"], Sorted(answer));
    }

    [Fact]
    public void Months_after_a_quarter_only_say_it_again() =>
        Assert.Equal(["E1", "E2"], Sorted(Estates().Ask("anything due in Q4 (Jan to Mar)?")));

    [Fact]
    public void A_name_and_title_words_that_fit_one_milestone_are_that_milestone()
    {
        var answer = Estates().Ask("who owns the Nair roof survey?");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["E1"], answer.Refs());
    }
}
