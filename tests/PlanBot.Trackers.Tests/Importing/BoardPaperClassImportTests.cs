using PlanBot.Core.Plans;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Tests.Importing;

/// <summary>
/// The classes of exported board paper behind the seed misses (a requirement written once and running on over a page
/// break, section titles between tables, dates in words, a row that lost its spacer cell), each on a small invented
/// tracker rather than on the seed.
/// </summary>
public sealed class BoardPaperClassImportTests
{
    [Fact]
    public void A_requirement_written_once_carries_on_over_a_repeated_header_with_no_title_of_its_own()
    {
        var plan = Grid.Import(Grid.Tsv("stocktake.txt",
            "Stocktake action plan",
            "Requirement\tAction\tBy When\tLead",
            "Finance\tAgree the three year plan\tMarch 2026\tAmy Ross",
            "\tShare recovery plans with regulators\tNovember 2025\tAmy Ross",
            "",
            "Requirement\tAction\tBy When\tLead",
            "\tExplore moving funds with DCLG\tFebruary 2026\tIan Fell",
            "Workforce\tRecruit support workers\tNovember 2025\tZoe Hart")).Plan!;

        Assert.Equal(["Finance", "Finance", "Finance", "Workforce"], plan.Milestones.Select(m => m.Requirement));
    }

    [Fact]
    public void A_table_under_its_own_title_starts_its_groups_afresh()
    {
        var plan = Grid.Import(Grid.Tsv("sections.txt",
            "Progress: Estates",
            "Requirement\tAction\tBy When\tLead",
            "Buildings\tClose the HQ site\tMarch 2026\tAmy Ross",
            "",
            "Progress: Digital",
            "Requirement\tAction\tBy When\tLead",
            "\tRoll out the shared record\tFebruary 2026\tIan Fell")).Plan!;

        Assert.Null(plan.Milestones[1].Requirement);
    }

    [Fact]
    public void Section_titles_between_tables_of_one_header_group_their_rows_without_the_words_every_title_shares()
    {
        var result = Grid.Import(Grid.Tsv("sections.txt",
            "Improvement plan",
            "",
            "M4 – Improvement Plan Progress Leadership",
            "",
            "Ref\tRequirement\tAction\tDue Date\tOwner\tStatus",
            "1\tThe board must lead\ta Sign off the plan\t30/06/2025\tChair\tOpen",
            "\t\tb Appoint lay members\t31/07/2025\tChair\tOpen",
            "Board member oversight",
            "",
            "M4 – Improvement Plan Progress Contract Management",
            "",
            "Ref\tRequirement\tAction\tDue Date\tOwner\tStatus",
            "2\tContracts need owners\ta Name a manager for each contract\t30/09/2025\tCFO\tOpen"));

        var plan = result.Plan!;
        Assert.Equal(["Leadership", "Leadership", "Contract Management"], plan.Milestones.Select(m => m.Programme));
        Assert.Equal(["1a", "1b", "2a"], plan.Milestones.Select(m => m.Ref.Value));
    }

    [Fact]
    public void Section_titles_that_share_fewer_than_three_words_are_kept_whole()
    {
        var plan = Grid.Import(Grid.Tsv("phases.txt",
            "Phase 1",
            "Ref\tAction\tDue Date\tOwner",
            "1\tDesign\t30/06/2025\tAmy Ross",
            "",
            "Phase 2",
            "Ref\tAction\tDue Date\tOwner",
            "2\tBuild\t30/09/2025\tAmy Ross")).Plan!;

        Assert.Equal(["Phase 1", "Phase 2"], plan.Milestones.Select(m => m.Programme));
    }

    [Fact]
    public void Seasons_and_deadlines_in_sentences_are_the_end_of_the_period_and_ongoing_has_no_deadline()
    {
        var result = Grid.Import(Grid.Tsv("words.txt",
            "Ref\tAction\tBy When\tLead",
            "1\tCo-production workshops\tSummer 2025\tAmy Ross",
            "2\tRecruit a comms lead\tIn post by March 2026\tIan Fell",
            "3\tPrevention strategy\tOn-going\tZoe Hart",
            "4\tJoin the leadership programme\tOct 2025 (Start date)\tZoe Hart",
            "5\tRisk training\tOngoing (Start in June 2025)\tIan Fell"));

        var plan = result.Plan!;
        Assert.Equal(new DateOnly(2025, 8, 31), plan.Milestones[0].Due.Date);
        Assert.Equal(new DateOnly(2026, 3, 31), plan.Milestones[1].Due.Date);
        Assert.Equal((null, DateProblem.NoDeadline), (plan.Milestones[2].Due.Date, plan.Milestones[2].Due.Problem));
        Assert.Equal((null, new DateOnly(2025, 10, 31)), (plan.Milestones[3].EffectiveDue, plan.Milestones[3].Start.Date));
        Assert.Equal((null, new DateOnly(2025, 6, 30)), (plan.Milestones[4].EffectiveDue, plan.Milestones[4].Start.Date));
        Assert.Equal("Oct 2025 (Start date)", plan.Milestones[3].Due.Text);
        Assert.DoesNotContain(result.Warnings, w => w.Text.Contains("not a date", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_that_lost_the_spacer_before_its_title_is_lined_up_even_where_other_rows_lost_their_leading_cells()
    {
        var plan = Grid.Import(Grid.Tsv("spacer.txt",
            "Recommendation\tNo.\t\tAction\tSRO\tBy when\tRAG",
            "Review the PMO\t1.1\t\tAgree the terms of reference\tAO (CG)\tMar-25\tG",
            "1.2\tAppoint a reviewer\tAO (CG)\tApr-25\tA",
            "1.3\tShare the findings\tCFO (MB)\tMay-25\tG",
            "Secure external review\t1.4\tReport to the board\tAO (CG)\tJun-25\tB")).Plan!;

        var last = plan.Find(MilestoneRef.Parse("1.4"))!;
        Assert.Equal(("Report to the board", Rag.Blue), (last.Title, last.Rag));
        Assert.Equal(["AO (CG)"], last.AccountableOwners.Select(o => o.Name));
    }

    [Fact]
    public void A_raid_workbook_is_read_from_its_one_sheet_that_is_not_a_register_and_the_report_says_which()
    {
        static TrackerSheet Sheet(string name, params string[] lines) => new(name, Grid.Tsv(name, lines).Sheets[0].Rows);
        var workbook = new TrackerWorkbook("raid.xlsx",
        [
            Sheet("Risks", "Risk ID\tRisk\tOwner\tReview Date", "R-1\tSupplier fails\tAmy Ross\t30/06/2025", "R-2\tStaff leave\tIan Fell\t31/07/2025"),
            Sheet("Actions", "Action No.\tAction\tLead\tTarget Date\tStatus", "A-1\tAgree the scope\tAmy Ross\t30/06/2025\tOpen",
                "A-2\tAward the contract\tIan Fell\t31/07/2025\tOpen"),
            Sheet("Issues", "Issue ID\tIssue\tOwner\tPriority\tResolution / Next Steps\tTarget Resolution\tStatus",
                "I-1\tServer down\tZoe Hart\tHigh\tRebuild it\t15/06/2025\tOpen", "I-2\tLicence expired\tIan Fell\tLow\tRenew it\t20/06/2025\tOpen"),
        ]);

        var result = Grid.Import(workbook);

        Assert.Equal(["A-1", "A-2"], result.Plan!.Milestones.Select(m => m.Ref.Value));
        Assert.StartsWith("read sheet 'Actions' as the tracker;", result.Summary.SheetChoice, StringComparison.Ordinal);
        Assert.Contains("'Issues'", result.Summary.SheetChoice, StringComparison.Ordinal);
        Assert.Null(Grid.Import(workbook, o => o with { Sheet = "Issues" }).Summary.SheetChoice);
    }

    [Fact]
    public void A_detailed_table_after_a_summary_accounts_for_the_summarys_milestones_even_where_it_words_them_afresh()
    {
        var result = Grid.Import(Grid.Tsv("dashboard.csv",
            "Dashboard summary",
            "PROGRAMME\tPROJECT/ROLE\tMILESTONE\tMILESTONE DATE\tSRO\tRAG",
            "Digital\tShared record\tPreferred bidder chosen\t31-Jul-25\tAmy Ross\tGreen",
            "\tRoadmap\tRoadmap submitted\t30-Jun-25\tAmy Ross\tGreen",
            "Estates\tSenate\tSenate council meeting\t14-Apr-25\tIan Fell\tGreen",
            "\tHub\tHub business case\t30-Sep-25\tIan Fell\tAmber",
            "",
            "Dashboard detail",
            "PROGRAMME\tPROJECT/ROLE\tMILESTONE\tMILESTONE DATE\tSRO\tUPDATE",
            "Digital\tShared record\tContract awarded\t31-Jul-25\tAmy Ross\tApproved by the board",
            "\tRoadmap\tRoadmap submitted\t30-Jun-25\tAmy Ross\tSubmitted on time",
            "Estates\tSenate\tUpdate to Senate on progress\t31-Jul-25\tIan Fell\tBooked",
            "\tHub\tHub business case\t30-Sep-25\tIan Fell\tDrafting"));

        var plan = result.Plan!;
        Assert.Equal(["Preferred bidder chosen", "Roadmap submitted", "Senate council meeting", "Hub business case"], plan.Milestones.Select(m => m.Title));
        Assert.Equal("Contract awarded", plan.Milestones[0].OtherFields["Title in a later table"]);
        Assert.Equal("Booked", plan.Milestones[2].ProgressNote);
        Assert.Equal((4, 4), (result.Summary.Imported, result.Summary.Merged));
    }

    [Fact]
    public void A_summarys_trend_stands_where_its_detailed_table_marks_no_change()
    {
        var plan = Grid.Import(Grid.Tsv("dashboard.csv",
            "Dashboard summary",
            "PROGRAMME\tMILESTONE\tMILESTONE DATE\tSRO\tRAG\tSTATUS SINCE LAST REPORT",
            "Digital\tRoadmap submitted\t30-Jun-25\tAmy Ross\tGreen\t↑",
            "\tHub business case\t30-Sep-25\tIan Fell\tAmber\t",
            "",
            "Dashboard detail",
            "PROGRAMME\tMILESTONE\tMILESTONE DATE\tSRO\tUPDATE\tSTATUS SINCE LAST REPORT",
            "Digital\tRoadmap submitted\t30-Jun-25\tAmy Ross\tSubmitted on time\t↔",
            "\tHub business case\t30-Sep-25\tIan Fell\tDrafting\t↓")).Plan!;

        Assert.Equal(["↑", "↓"], plan.Milestones.Select(m => m.Trend));
        Assert.Equal("Submitted on time", plan.Milestones[0].ProgressNote);
    }

    [Fact]
    public void A_later_table_of_other_milestones_under_the_same_header_adds_them()
    {
        var plan = Grid.Import(Grid.Tsv("phases.csv",
            "PROGRAMME\tMILESTONE\tMILESTONE DATE\tSRO",
            "Digital\tPreferred bidder chosen\t31-Jul-25\tAmy Ross",
            "",
            "PROGRAMME\tMILESTONE\tMILESTONE DATE\tSRO",
            "Digital\tContract awarded\t31-Aug-25\tAmy Ross")).Plan!;

        Assert.Equal(2, plan.Milestones.Count);
    }

    [Fact]
    public void Rows_out_of_line_are_read_as_the_milestones_they_hold()
    {
        var result = Grid.Import(Grid.Tsv("drift.csv",
            "PROGRAMME\tPROJECT/ROLE\tMILESTONE\tMILESTONE DATE\tSRO\tRAG",
            "Acute\tVanguard\tLink into the acute review\tOn-going\tMike Wood\tGreen",
            "Implementation plan to be agreed\t\t31-Jul-25",
            "\tPrioritisation\tPrioritisation paper to SLT\tPMO framework roll out\t14-Jul-25\tAmy Ross\tGreen",
            "\t\t\t\t31-Jul-25\t\tGreen",
            "\tReconfiguration\tPreferred option decision\t10/05/2025 Complete\tMike Wood\tGreen"));

        var plan = result.Plan!;
        Assert.Equal(["Link into the acute review", "Implementation plan to be agreed", "Prioritisation paper to SLT", "PMO framework roll out", "Preferred option decision"],
            plan.Milestones.Select(m => m.Title));
        Assert.Equal(("Acute", new DateOnly(2025, 7, 31)), (plan.Milestones[1].Programme, plan.Milestones[1].Due.Date));
        Assert.Equal((new DateOnly(2025, 7, 31), Rag.Green), (plan.Milestones[3].Due.Date, plan.Milestones[3].Rag));
        Assert.Equal(MilestoneStatus.Complete, plan.Milestones[4].Status);
        Assert.Contains(result.Warnings, w => w.Text.Contains("out of line", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_one_cell_short_before_its_update_date_has_the_date_the_rating_and_what_follows_put_back_in_place()
    {
        var plan = Grid.Import(Grid.Tsv("short.txt",
            "No.\tAction\tLead\tBy when\tProgress Update\tDate\tRAG\tEvidence detail",
            "1\tAgree the scope\tAmy Ross\tMar-25\tAgreed at the board\t01/03/2025\tB\tMinutes",
            "2\tAward the contract\tIan Fell\tMay-25\t01/05/2025\tG\tTender report")).Plan!;

        var shortRow = plan.Find(MilestoneRef.Parse("2"))!;
        Assert.Equal(Rag.Green, shortRow.Rag);
        Assert.Equal(("01/05/2025", "Tender report"), (shortRow.OtherFields["Date"], shortRow.OtherFields["Evidence detail"]));
    }
}
