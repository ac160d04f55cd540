using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// Everyday framing on an invented parks tracker (refs PR-01 …, "Operational Lead" and "Sponsor" columns, one owner written
/// as a job title with initials, a file named as an action log): askers naming themselves, filler that narrows nothing,
/// the plan's own name as the whole plan, title words in other forms, ratings as letters and dates said loosely.
/// </summary>
public sealed class EverydayFramingQuestionTests
{
    private static Owner Lead(string name) => TestPlans.Delivery(name, "Operational Lead");
    private static Owner Sponsor(string name) => TestPlans.Accountable(name, "Sponsor");

    private static PlanIndex Parks() => new(new Plan
    {
        Id = "parks",
        Name = "Parks Renewal Programme",
        SourceFile = "parks-renewal-action-log.xlsx",
        Milestones =
        [
            TrackerRow("PR-01", "Playground roll-out in north parks", "In Progress", "2020-01-10", "Red", "Play Spaces", Lead("Dana Fox"), Sponsor("HoP (RW)")),
            TrackerRow("PR-02", "Update Tree Preservation Orders", "To Do", "2020-02-14", "Amber", "Trees", Lead("Omar Ali")),
            TrackerRow("PR-03", "Procure 6 electric utility vehicles", "Blocked", "2020-03-20", "Red", "Fleet", Lead("Omar Ali"), Sponsor("HoP (RW)")),
            TrackerRow("PR-04", "Visitor survey stage 2 analysis", "Done", "2019-12-15", "Blue", "Stage One Engagement", Lead("Dana Fox")),
            TrackerRow("PR-05", "Whole-site drainage review", "To Do", "2020-04-30", "Green", "Trees"),
            TrackerRow("PR-06", "Renewal volunteer scheme", "In Progress", "2020-01-05", "Amber", "Volunteers", Lead("Dana Fox")),
            TrackerRow("PR-07", "Stage One Engagement events", "Done", "2019-11-30", "Blue", "Stage One Engagement", Lead("Omar Ali")),
            TrackerRow("PR-08", "Integrate bookings with the kiosk", "In Progress", "2020-06-30", "Green", "Kiosk Integration", Lead("Dana Fox")),
            TrackerRow("PR-09", "EUV charging points fitted", "Done", "2019-10-01", "Blue", "Fleet"),
        ],
    }, "v1");

    private static string[] Sorted(Answer answer) => answer.SortedRefs();

    [Theory]
    [InlineData("Dana Fox here - what's overdue on my patch?")]
    [InlineData("I'm Dana Fox, what's overdue for me?")]
    [InlineData("this is Dana Fox: anything of mine overdue?")]
    [InlineData("Dana Fox - which of mine are overdue?")]
    [InlineData("Dana here - anything of mine overdue?")]
    [InlineData("Dana Fox asking: what of mine is overdue?")]
    [InlineData("hi, it's Dana Fox - what have I got that's overdue?")]
    [InlineData("my name is Dana Fox, which of my items are overdue?")]
    public void An_asker_who_names_themselves_is_me_in_that_question(string question)
    {
        var answer = Parks().Ask(question, asker: "Somebody Else");

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(["PR-01", "PR-06"], Sorted(answer));
    }

    [Fact]
    public void A_name_the_tracker_writes_as_initials_in_brackets_is_found_from_a_full_name() =>
        Assert.Equal(["PR-01", "PR-03"], Sorted(Parks().Ask("Rita Wells here, which of mine aren't complete yet?")));

    [Fact]
    public void A_name_before_a_question_not_about_me_is_still_the_person_asked_about() =>
        Assert.Equal(["PR-02", "PR-03"], Sorted(Parks().Ask("Omar Ali - what's still open?", asker: "Dana Fox")));

    [Fact]
    public void An_asker_naming_someone_the_plan_lacks_is_told_so() =>
        Assert.Contains("Jo Nobody", Parks().Ask("I'm Jo Nobody, what have I got?").Text);

    [Theory]
    [InlineData("Overall, what's overdue as of now?")]
    [InlineData("what's overdue on the dashboard?")]
    [InlineData("anything overdue on the board overall?")]
    public void Framing_words_narrow_nothing(string question) =>
        Assert.Equal(["PR-01", "PR-06"], Sorted(Parks().Ask(question)));

    [Fact]
    public void Against_my_name_is_mine() =>
        Assert.Equal(["PR-02", "PR-03", "PR-07"], Sorted(Parks().Ask("what actions have I got against my name?", asker: "Omar Ali")));

    [Fact]
    public void Still_live_is_open() =>
        Assert.Equal(["PR-02", "PR-03"], Sorted(Parks().Ask("what have I got still live?", asker: "Omar Ali")));

    [Fact]
    public void No_of_counts()
    {
        var answer = Parks().Ask("no. of items due in March?");

        Assert.Equal(QuestionKind.Count, answer.Kind);
        Assert.Equal(["PR-03"], Sorted(answer));
    }

    [Fact]
    public void What_happened_to_asks_for_status()
    {
        var answer = Parks().Ask("what happened to the drainage review?");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal(["PR-05"], Sorted(answer));
    }

    [Fact]
    public void Who_is_doing_a_title_with_a_word_of_scope_in_it_asks_for_its_owners()
    {
        var answer = Parks().Ask("who's doing the whole site drainage review");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["PR-05"], Sorted(answer));
    }

    [Theory]
    [InlineData("which parks renewal items are overdue?")]
    [InlineData("anything overdue on the renewal action log?")]
    [InlineData("what's overdue on the parks renewal board?")]
    [InlineData("parks renewal log - what's overdue?")]
    public void The_plans_own_name_is_the_whole_plan_not_a_title_filter(string question) =>
        Assert.Equal(["PR-01", "PR-06"], Sorted(Parks().Ask(question)));

    [Fact]
    public void The_plans_name_words_that_are_also_a_grouping_name_the_grouping() =>
        Assert.Equal(["PR-04", "PR-07"], Sorted(Parks().Ask("which stage one engagement items are done?")));

    [Theory]
    [InlineData("status of the playground rollout", "PR-01")]
    [InlineData("who's the lead on updating the TPOs", "PR-02")]
    [InlineData("who owns procure 6 EUVs", "PR-03")]
    [InlineData("status of the stage one engagement stage 2 analysis?", "PR-04")]
    [InlineData("how's the bookings integration I'm doing looking?", "PR-08")]
    public void Title_words_in_other_forms_name_one_milestone(string question, string reference) =>
        Assert.Equal([reference], Sorted(Parks().Ask(question)));

    [Fact]
    public void A_reference_wins_over_words_about_its_title_the_plan_does_not_know()
    {
        var answer = Parks().Ask("who's on PR-03 - the EV vans one?");

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["PR-03"], Sorted(answer));
    }

    [Theory]
    [InlineData("how many are RAG rated R?", new[] { "PR-01", "PR-03" })]
    [InlineData("which items are rated A", new[] { "PR-02", "PR-06" })]
    [InlineData("which commitments are past their date and not done?", new[] { "PR-01", "PR-06" })]
    [InlineData("how many R rated items are there?", new[] { "PR-01", "PR-03" })]
    [InlineData("which have a RAG status of G", new[] { "PR-05", "PR-08" })]
    public void A_rating_written_as_its_letter_is_that_colour(string question, string[] expected) =>
        Assert.Equal(expected, Sorted(Parks().Ask(question)));

    [Theory]
    [InlineData("what's due in feb 20", new[] { "PR-02" })]
    [InlineData("what's due over the next couple of months (to 20 March)?", new[] { "PR-02", "PR-03" })]
    [InlineData("what falls due later this month?", new[] { "PR-01", "PR-06" })]
    [InlineData("what's due in march and april?", new[] { "PR-03", "PR-05" })]
    [InlineData("anything due feb/mar?", new[] { "PR-02", "PR-03" })]
    public void Dates_said_loosely_are_read_as_windows(string question, string[] expected) =>
        Assert.Equal(expected, Sorted(Parks().Ask(question)));

    [Fact]
    public void An_acronym_may_leave_out_the_little_words_of_a_title()
    {
        var plan = Index(M("1", "Electronic Prescribing and Medicines Administration live on wards", due: "2020-03-01"), M("2", "Ward pharmacy rota", due: "2020-02-01"));

        var answer = plan.Ask("status of EPMA?");

        Assert.Equal(QuestionKind.Status, answer.Kind);
        Assert.Equal(["1"], Sorted(answer));
    }

    [Fact]
    public void Two_words_the_plan_lacks_are_forgiven_when_the_rest_name_one_milestone() =>
        Assert.Equal(["PR-01"], Sorted(Parks().Ask("status of the swings refit playground in north parks?")));

    [Theory]
    [InlineData("who owns PR-03 - lead and sponsor?")]
    [InlineData("who owns procure 6 EUVs - operational lead and sponsor?")]
    public void Two_roles_joined_are_both_answered(string question)
    {
        var answer = Parks().Ask(question);

        Assert.Equal(QuestionKind.Owner, answer.Kind);
        Assert.Equal(["Omar Ali", "HoP (RW)"], answer.Milestones.Single().Owners.Select(o => o.Name));
        Assert.Contains("Omar Ali", answer.Text, StringComparison.Ordinal);
        Assert.Contains("HoP (RW)", answer.Text, StringComparison.Ordinal);
    }
}
