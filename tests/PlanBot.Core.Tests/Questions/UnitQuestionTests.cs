using PlanBot.Core.Questions;
using static PlanBot.Core.Plans.MilestoneStatus;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>Teams, departments and the words people use for them.</summary>
public sealed class UnitQuestionTests
{
    [Fact]
    public void A_team_with_a_bracket_counts_as_its_code()
    {
        var index = Index(
            M("1", "Budget", due: "2020-01-10", team: "CFO (AD)"),
            M("2", "Ledger", due: "2020-01-11", team: "CFO"),
            M("3", "Rota", due: "2020-01-12", team: "COO"));

        var answer = index.Ask("what's overdue in CFO?");

        Assert.Equal(["1", "2"], answer.Refs());
        Assert.Contains("in CFO", answer.Text);
        Assert.Single(index.Units, u => u.Kind == UnitKind.Team && u.Phrase == "cfo");
        Assert.DoesNotContain(index.Units, u => u.Name.Contains('('));
    }

    [Fact]
    public void A_department_lists_the_rest_of_the_team_that_is_mostly_in_it_apart_and_does_not_count_it()
    {
        // Finance is all CFO and CFO is mostly Finance, so CFO's milestone with no department is in Finance's directorate.
        var index = Index(
            M("1", "Budget", team: "CFO", department: "Finance"),
            M("2", "Ledger", team: "CFO", department: "Finance"),
            M("3", "Audit", team: "CFO"),
            M("4", "Rota", team: "COO", department: "Operations"));

        var answer = index.Ask("show all finance milestones");

        Assert.Equal(["1", "2"], answer.SortedRefs());
        Assert.Equal(["3"], answer.AlsoInDirectorate.Select(m => m.Ref.Value));
        Assert.StartsWith("2 milestones in Finance", answer.Text);
        Assert.EndsWith("Also in the CFO directorate, outside Finance: #3.", answer.Text);
    }

    [Fact]
    public void The_rest_of_a_directorate_meets_the_rest_of_the_question_too()
    {
        var index = Index(
            M("1", "Budget", due: "2020-01-10", team: "CFO", department: "Finance"),
            M("2", "Ledger", due: "2020-03-10", team: "CFO", department: "Finance"),
            M("3", "Audit", due: "2020-01-10", team: "CFO"),
            M("4", "Tax", due: "2020-03-10", team: "CFO"));

        var answer = index.Ask("what's overdue in finance?");

        Assert.Equal(["1"], answer.Refs());
        Assert.Equal(["3"], answer.AlsoInDirectorate.Select(m => m.Ref.Value));
        Assert.StartsWith("1 milestone overdue in Finance", answer.Text);
    }

    [Fact]
    public void A_tie_relates_no_team_to_the_department()
    {
        // Finance is split evenly between CFO and COO, so neither team's other milestones are Finance's.
        var index = Index(
            M("1", "Budget", team: "CFO", department: "Finance"),
            M("2", "Payroll", team: "COO", department: "Finance"),
            M("3", "Audit", team: "CFO"),
            M("4", "Rota", team: "COO"));

        Assert.Equal(["1", "2"], index.Ask("show all finance milestones").SortedRefs());
    }

    [Fact]
    public void A_team_is_not_related_to_a_department_it_is_not_mostly_in()
    {
        // Finance is all CFO, but CFO is split evenly between Finance and Estates: no relation.
        var index = Index(
            M("1", "Budget", team: "CFO", department: "Finance"),
            M("2", "Leases", team: "CFO", department: "Estates"),
            M("3", "Audit", team: "CFO"));

        Assert.Equal(["1"], index.Ask("show all finance milestones").SortedRefs());
    }

    // The team named most often in a department (no tie) speaks for it, as ODKM's MD holds exactly half of Primary Care's
    // directorate rows; so CFO's undepartmented #5 is in Finance's directorate.
    [Fact]
    public void A_department_relates_to_the_team_named_most_often_in_it_even_without_a_majority()
    {
        var index = Index(
            M("1", "Budget", team: "CFO", department: "Finance"),
            M("2", "Ledger", team: "CFO", department: "Finance"),
            M("3", "Payroll", team: "COO", department: "Finance"),
            M("4", "Agency spend", team: "CNO", department: "Finance"),
            M("5", "Audit", team: "CFO"));

        var answer = index.Ask("show all finance milestones");

        Assert.Equal(["1", "2", "3", "4"], answer.SortedRefs());
        Assert.Equal(["5"], answer.AlsoInDirectorate.Select(m => m.Ref.Value));
    }

    [Fact]
    public void A_default_synonym_leads_to_the_team_when_the_plan_does_not_use_the_word()
    {
        var index = Index(
            M("1", "Budget", due: "2020-01-10", team: "CFO"),
            M("2", "Rota", due: "2020-01-10", team: "COO"));

        Assert.Equal(["1"], index.Ask("what's overdue in finance").Refs());
    }

    [Fact]
    public void A_synonym_does_not_apply_to_a_word_the_plan_uses_as_a_unit_name()
    {
        // The plan has its own Finance department, unrelated to CFO (a tie), so "finance" means that department only.
        var index = Index(
            M("1", "Budget", team: "CFO", department: "Finance"),
            M("2", "Payroll", team: "COO", department: "Finance"),
            M("3", "Audit", team: "CFO", department: "Assurance"),
            M("4", "Capital plan", team: "CFO", department: "Assurance"));

        Assert.Equal(["1", "2"], index.Ask("show all finance milestones").SortedRefs());
    }

    [Fact]
    public void A_synonym_the_pmo_adds_leads_to_the_team_it_names()
    {
        var synonyms = UnitSynonyms.Default.With(new Dictionary<string, string[]> { ["estates"] = ["DSP"] });
        var index = Index(
            synonyms,
            M("1", "Lease renewals", due: "2020-01-10", team: "DSP"),
            M("2", "Rota", due: "2020-01-10", team: "COO"));

        var answer = index.Ask("what's overdue in estates?");

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(["1"], answer.Refs());
    }

    [Fact]
    public void Without_the_pmos_synonym_the_word_is_not_understood()
    {
        var index = Index(
            M("1", "Lease renewals", due: "2020-01-10", team: "DSP"),
            M("2", "Rota", due: "2020-01-10", team: "COO"));

        var answer = index.Ask("what's overdue in estates?");

        Assert.Equal(QuestionKind.NotUnderstood, answer.Kind);
        Assert.Contains("'estates'", answer.Reason);
    }

    [Fact]
    public void With_keeps_the_default_synonyms_and_leaves_the_default_unchanged()
    {
        var synonyms = UnitSynonyms.Default.With(new Dictionary<string, string[]> { ["estates"] = ["DSP", "HoE"] });

        Assert.Contains("cfo", synonyms.RelatedTo("finance"));
        Assert.Equal(["dsp", "hoe"], synonyms.RelatedTo("estates").Order());
        Assert.Contains("estates", synonyms.RelatedTo("dsp"));
        Assert.Empty(UnitSynonyms.Default.RelatedTo("estates"));
    }

    [Fact]
    public void A_mistyped_unit_name_still_finds_the_unit()
    {
        var index = Index(
            M("1", "Budget", due: "2020-01-10", department: "Finance"),
            M("2", "Rota", due: "2020-01-10", department: "Operations"));

        Assert.Equal(["1"], index.Ask("what's overdue in fnance?").Refs());
    }

    [Fact]
    public void A_unit_and_a_status_both_apply()
    {
        var index = Index(
            M("1", "Budget", Delayed, due: "2020-02-10", department: "Finance"),
            M("2", "Ledger", OnTrack, due: "2020-02-10", department: "Finance"),
            M("3", "Rota", Delayed, due: "2020-02-10", department: "Operations"));

        var answer = index.Ask("what's delayed in finance");

        Assert.Equal(["1"], answer.Refs());
        Assert.Equal($"1 milestone delayed in Finance {AsAt}.", answer.Text);
    }

    [Fact]
    public void IT_in_capitals_is_the_department_and_it_in_lower_case_is_the_pronoun()
    {
        var index = Index(
            M("1", "Servers", due: "2020-01-10", department: "IT"),
            M("2", "Budget", due: "2020-01-10", department: "Finance"));

        Assert.Equal(["1"], index.Ask("what's overdue in IT").Refs());
        Assert.Equal(["1", "2"], index.Ask("what's overdue in it").Refs());
    }

    [Fact]
    public void A_unit_phrase_of_several_words_is_read_as_one_unit()
    {
        var index = Index(
            M("1", "Practice visits", due: "2020-02-10", department: "Primary Care"),
            M("2", "Ward rounds", due: "2020-02-10", department: "Acute Care"),
            M("3", "Budget", due: "2020-02-10", department: "Finance"));

        var answer = index.Ask("show all primary care milestones");

        Assert.Equal(["1"], answer.Refs());
        Assert.Contains("in Primary Care", answer.Text);
    }
}

/// <summary>A section named in words that split round "and" ("leadership structure and OD") is one name, not two groups to meet at once.</summary>
public sealed class SplitSectionNameQuestionTests
{
    private static readonly PlanIndex Plan = Index(
        M("1.1", "Review the standing orders", due: "2020-01-10") with { Programme = "Leadership, Structure and OD" },
        M("1.2", "Put a joint structure in place", due: "2020-01-12") with { Programme = "Leadership, Structure and Organisational Development" },
        M("2.1", "Agree the budgets", due: "2020-01-11") with { Programme = "Financial Recovery" });

    [Fact]
    public void Both_spellings_of_the_section_are_in_it()
    {
        var answer = Plan.Ask("leadership structure and OD - anything overdue");

        Assert.Equal(["1.1", "1.2"], answer.SortedRefs());
    }
}
