using PlanBot.Core.Plans;
using PlanBot.Trackers.Importing;

namespace PlanBot.Trackers.Tests.Importing;

/// <summary>Seeds 001–004: board papers whose milestone tables sit among narrative, finance and risk tables.</summary>
public sealed class BoardPaperSeedImportTests
{
    private static readonly Lazy<TrackerImportResult> Cpccg = new(() => SampleTrackers.Import("cpccg-idp-2018-19.txt"));
    private static readonly Lazy<TrackerImportResult> Southend = new(() => SampleTrackers.Import("southend-idp-2018-19.txt"));
    private static readonly Lazy<TrackerImportResult> Dorset = new(() => SampleTrackers.Import("dorset-dashboard-2016.csv"));
    private static readonly Lazy<TrackerImportResult> Cornwall = new(() => SampleTrackers.Import("cornwall-sof-2017.txt"));

    private static Plan PlanOf(Lazy<TrackerImportResult> result) =>
        result.Value.Plan ?? throw new Xunit.Sdk.XunitException(string.Join("\n", result.Value.Errors));

    private static Milestone M(Lazy<TrackerImportResult> result, string reference) =>
        PlanOf(result).Find(MilestoneRef.Parse(reference)) ?? throw new Xunit.Sdk.XunitException($"#{reference} not imported");

    [Fact]
    public void Seed_002_owners_written_as_roles_with_initials_are_the_people_its_governance_key_names()
    {
        var m = M(Southend, "4.6");
        Assert.Equal(["AO (CG)", "AD C&C (EH)"], m.Owners.Select(o => o.Name));
        Assert.Equal(["Cathy Gritzner", "Emily Hughes"], m.Owners.Select(o => o.Person));
        var key = Southend.Value.Summary.OwnerKey!;
        Assert.StartsWith("The owner key at row 50 names 17 people: 201 owners written as roles or initials were read as them", key.Sentence());
        // Holders the key does not list (an interim who came later) stay as written, and the report names them.
        Assert.Contains("'IOQL (NS)' (no one in the key has the initials NS)", key.Unresolved);
        Assert.Equal(6, key.Unresolved.Count);
    }

    [Fact]
    public void Seed_001_reads_68_sub_actions_and_ignores_the_finance_and_risk_tables()
    {
        var plan = PlanOf(Cpccg);
        Assert.Equal(68, plan.Milestones.Count);
        Assert.All(plan.Milestones, m => Assert.Matches("^[0-9]+[a-g]$", m.Ref.Value));
        Assert.Equal(["2a", "2b", "2c", "2d", "2e", "2f", "2g"], plan.Milestones.Where(m => m.Ref.Value.StartsWith('2')).Select(m => m.Ref.Value));
    }

    [Fact]
    public void Seed_001_letter_at_the_start_of_the_action_joins_the_reference()
    {
        var m = M(Cpccg, "2a");
        Assert.Equal("Interim Structure signed off by GB", m.Title);
        Assert.Equal("A clearly articulated leadership strategy and structure for the CCG is needed.", m.Requirement);
        Assert.Equal(["AO"], m.AccountableOwners.Select(o => o.Name));
        Assert.Equal("GB Owner", m.AccountableOwners.Single().RoleTitle);
        Assert.Equal(MilestoneStatus.Closed, m.Status);
    }

    [Fact]
    public void Seed_001_letter_in_its_own_column_joins_the_reference()
    {
        var m = M(Cpccg, "4a");
        Assert.Equal("Agree and deliver an improved governance approach", m.Title);
        Assert.Equal("31-Jul", m.Due.Text);
        Assert.Equal(new DateOnly(2018, 7, 31), m.Due.Date); // no year in the cell: read in the plan's 2018/19 financial year
        Assert.Equal(new DateOnly(2019, 2, 28), M(Cpccg, "9b").Due.Date);
    }

    [Fact]
    public void Seed_001_continuation_rows_inherit_the_requirement()
    {
        Assert.Equal(M(Cpccg, "2a").Requirement, M(Cpccg, "2g").Requirement);
        Assert.Equal(new DateOnly(2019, 9, 30), M(Cpccg, "2c").Due.Date);
        Assert.Equal(MilestoneStatus.Delayed, M(Cpccg, "2c").Status); // RAG column says "Reset Date"
        Assert.Equal(new DateOnly(2019, 3, 31), M(Cpccg, "11d").Due.Date); // "<u>31.03.2019</u>"
    }

    [Fact]
    public void Seed_002_reads_nested_references_and_rows_that_lost_columns_at_page_breaks()
    {
        var plan = PlanOf(Southend);
        Assert.Contains(plan.Milestones, m => m.Ref.Value == "1.3.1");
        Assert.Contains(plan.Milestones, m => m.Ref.Value == "1.10.3");
        var m617 = M(Southend, "6.17");
        Assert.StartsWith("IT: Implement electronic A&E discharge letters project", m617.Title);
        Assert.Equal(["DSP (CD)"], m617.AccountableOwners.Select(o => o.Name));
        Assert.Equal(["PDIT&E (PK)"], m617.DeliveryOwners.Select(o => o.Name));
        Assert.Equal(new DateOnly(2018, 6, 30), m617.Due.Date);
        Assert.Equal(new DateOnly(2017, 4, 1), m617.Due.RangeStart);
        var m52 = M(Southend, "5.2");
        Assert.StartsWith("Ensure that Operational Plan refresh", m52.Title);
        Assert.Equal(["AO (CG)"], m52.AccountableOwners.Select(o => o.Name));
    }

    [Fact]
    public void Seed_002_reads_the_rating_of_every_action_that_gives_one_even_where_its_row_puts_it_right_of_RAG()
    {
        var plan = PlanOf(Southend);
        Assert.Equal(103, plan.Milestones.Count);
        // 1.4 and 1.10 are parent lines with nothing but a title; 1.10.1 and 1.10.3 leave RAG empty in the file.
        Assert.Equal(["1.4", "1.10", "1.10.1", "1.10.3"], plan.Milestones.Where(m => m.Rag == Rag.None).Select(m => m.Ref.Value));
        // 6.27's row lost its spacer cell in a table where most rows lost their leading cells instead: lined up by its reference.
        var lostTwo = M(Southend, "6.27");
        Assert.Equal((Rag.Blue, "Feb/ May 2018"), (lostTwo.Rag, lostTwo.Due.Text));
        Assert.StartsWith("Secure external resource to review the PMO function", lostTwo.Title, StringComparison.Ordinal);
        Assert.Equal(["AO (CG)"], lostTwo.AccountableOwners.Select(o => o.Name));
        // Its second lost cell was before the date it was updated: that date, and the evidence after it, are in place.
        Assert.Equal(("01/11/2018", "Joint programme SWOT and Action Plan"), (lostTwo.OtherFields["Date"], lostTwo.OtherFields["Evidence detail"]));
        Assert.Equal((Rag.Blue, MilestoneStatus.Complete), (M(Southend, "1.1").Rag, M(Southend, "1.1").Status)); // "B" under "new"
        Assert.Equal((Rag.Red, MilestoneStatus.Delayed), (M(Southend, "1.10.2").Rag, M(Southend, "1.10.2").Status));
        Assert.Equal((Rag.Green, "G"), (M(Southend, "3.1").Rag, M(Southend, "3.1").RagText)); // two columns right of RAG
        Assert.Equal((Rag.Amber, MilestoneStatus.AtRisk), (M(Southend, "3.4").Rag, M(Southend, "3.4").Status));
        Assert.Equal((Rag.Red, MilestoneStatus.Delayed), (M(Southend, "4.6").Rag, M(Southend, "4.6").Status));
    }

    [Fact]
    public void Seed_002_rows_that_lost_the_empty_column_before_the_action_keep_their_owners_and_rating()
    {
        var m = M(Southend, "3.12");
        Assert.StartsWith("Review performance reports", m.Title);
        Assert.Equal(["DSP (CD)"], m.AccountableOwners.Select(o => o.Name));
        Assert.Equal(["AD P&G (MA)"], m.DeliveryOwners.Select(o => o.Name));
        Assert.Equal(new DateOnly(2018, 5, 31), m.Due.Date);
        Assert.Equal(Rag.Blue, m.Rag);
    }

    [Fact]
    public void Seed_002_counts_every_data_row_and_the_counts_add_up()
    {
        var summary = Southend.Value.Summary;
        Assert.Equal(103, summary.Imported);
        Assert.Equal(summary.Read, summary.Imported + summary.Merged + summary.Grouped + summary.Skipped);
        Assert.Equal(Math.Min(summary.Skipped, ImportSummary.SkippedListed), summary.FirstSkipped.Count);
        Assert.False(summary.RefsGenerated);
    }

    [Fact]
    public void Seed_002_row_without_its_own_reference_continues_the_one_above_and_says_so()
    {
        var m = M(Southend, "1.3.1a");
        Assert.StartsWith("Staff held to account for governance breaches", m.Title);
        Assert.Contains(Southend.Value.Warnings, w => w.Text.Contains("#1.3.1a") && w.Location.Row == m.Source!.Row);
    }

    [Fact]
    public void Seed_002_sections_become_programmes_and_recommendations_are_inherited()
    {
        Assert.Equal("Leadership, Structure and OD", M(Southend, "1.2").Programme);
        Assert.Equal("Financial Management and Recovery", M(Southend, "2.5").Programme);
        Assert.StartsWith("The AO and the Chair must take responsibility", M(Southend, "1.2").Requirement);
        Assert.Equal(Rag.Blue, M(Southend, "2.7").Rag);
        Assert.Equal(MilestoneStatus.Complete, M(Southend, "2.7").Status);
    }

    [Fact]
    public void Seed_002_action_concern_report_is_reported_not_mistaken_for_milestones()
    {
        Assert.Contains(Southend.Value.Tables, t => t.Kind == TableKind.ActionConcernReport);
        Assert.Contains(Southend.Value.Warnings, w => w.Text.Contains("action concern report"));
    }

    [Fact]
    public void Seed_003_without_references_is_numbered_in_order_and_merges_the_detailed_table()
    {
        var plan = PlanOf(Dorset);
        var first = M(Dorset, "1");
        Assert.Equal("Final lockdown of document", first.Title);
        Assert.Equal("Transformation", first.Programme);
        Assert.Equal(new DateOnly(2016, 7, 20), first.Due.Date);
        Assert.Equal(["Phil Richardson"], first.AccountableOwners.Select(o => o.Name));
        Assert.Equal(Rag.Amber, first.Rag);
        Assert.StartsWith("Further updates are being made", first.ProgressNote); // from the detailed dashboard below
        Assert.Single(plan.Milestones, m => m.Title == "Final lockdown of document");
        Assert.Contains(Dorset.Value.Messages, m => m.Severity == ImportSeverity.Info && m.Text.Contains("merged"));
    }

    [Fact]
    public void Seed_003_continuation_rows_inherit_programme_project_and_owner()
    {
        var plan = PlanOf(Dorset);
        var m = Assert.Single(plan.Milestones, m => m.Title == "Dorset Care Record - preferred bidder");
        Assert.Equal("Transformation", m.Programme);
        Assert.Equal("Technology Enablement", m.OtherFields["PROJECT/ROLE"]);
        Assert.Equal(new DateOnly(2016, 7, 31), m.Due.Date);
        Assert.Equal(new DateOnly(2016, 6, 30), Assert.Single(plan.Milestones, m => m.Title == "Submission to NHS England").Due.Date);
    }

    [Fact]
    public void Seed_004_reads_the_stocktake_actions_with_lead_and_supporting_officer()
    {
        var plan = PlanOf(Cornwall);
        var m = Assert.Single(plan.Milestones, m => m.Title.StartsWith("Strengthen clinical leadership for the STP", StringComparison.Ordinal));
        Assert.Equal("Leadership", m.Requirement);
        Assert.Equal(new DateOnly(2018, 1, 31), m.Due.Date);
        Assert.Equal(["Jackie Pendleton"], m.AccountableOwners.Select(o => o.Name));
        var supporting = Assert.Single(m.DeliveryOwners);
        Assert.Equal("Tracey Lee", supporting.Name);
        Assert.Equal("Supporting officer", supporting.RoleTitle);
        Assert.DoesNotContain(plan.Milestones, x => x.Title.Contains("Refocus Model of Care")); // appendix 2 has no dates: not milestones
    }
}
