using PlanBot.Core.Plans;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Tests.Importing;

/// <summary>The rules that let an ordinary tracker import whole with no mapping, one at a time, and never as a silent zero.</summary>
public sealed class AnyLayoutImportTests
{
    [Fact]
    public void Letter_led_references_are_read_and_shown_as_the_tracker_writes_them()
    {
        var result = Grid.Import(Grid.Tsv("hr.txt",
            "Action No.\tAction\tLead\tTarget Date\tStatus",
            "HR-01\tRefresh the recruitment policy\tSam Okafor\t31/01/2025\tClosed",
            "HR-02\tReport agency spend monthly\tKate Morris\t28/02/2025\tIn progress",
            "HR-10\tLaunch survey action plans\tKate Morris\t31/03/2025\tNot yet started"));

        var plan = result.Plan ?? throw new Xunit.Sdk.XunitException(string.Join("\n", result.Errors));
        Assert.Equal(["HR-01", "HR-02", "HR-10"], plan.Milestones.Select(m => m.Ref.Value));
        Assert.Equal("#HR-01", plan.Milestones[0].Ref.Display);
        Assert.Equal(MilestoneStatus.NotStarted, plan.Find(MilestoneRef.Parse("hr10"))!.Status);
        Assert.Equal("3 data rows read: 3 imported, 0 heading or parent rows read as groups, 0 skipped.", result.Summary.Line());
    }

    [Fact]
    public void Workstream_heading_rows_become_the_group_of_the_rows_beneath_and_are_counted_as_grouped()
    {
        var result = Grid.Import(Grid.Tsv("council.txt",
            "Ref\tAction\tLead Officer\tAccountable Director\tBaseline Date\tForecast Date\tRAG",
            "W1 Housing & Homelessness",
            "W1.1\tCommission accommodation review\tJane Smith / Raj Patel\tDirector of Housing\t31/03/2025\t30/05/2025\tR",
            "W2 Adult Social Care",
            "W2.1\tAgree discharge pathway\tPriya Shah\tDirector of Adult Services\t14/03/2025\t\tG"));

        var plan = result.Plan!;
        var w11 = plan.Find(MilestoneRef.Parse("W1.1"))!;
        Assert.Equal("W1 Housing & Homelessness", w11.Programme);
        Assert.Equal((new DateOnly(2025, 3, 31), new DateOnly(2025, 5, 30)), (w11.Due.Date!.Value, w11.RevisedDue.Date!.Value));
        Assert.Equal(["Jane Smith", "Raj Patel"], w11.DeliveryOwners.Select(o => o.Name));
        Assert.Equal((Rag.Red, MilestoneStatus.Delayed), (w11.Rag, w11.Status));
        Assert.Equal("W2 Adult Social Care", plan.Find(MilestoneRef.Parse("W2.1"))!.Programme);
        Assert.Equal((2, 2), (result.Summary.Imported, result.Summary.Grouped));
    }

    [Fact]
    public void Machine_ids_are_kept_and_milestones_numbered_in_file_order_saying_why()
    {
        var result = Grid.Import(Grid.Tsv("planner.txt",
            "Task ID\tTask Name\tBucket Name\tProgress\tAssigned To\tDue date",
            "KHi0EgLNtqZdVyEGOyAR1r5vLkOO\tComplete TNA for wards\tTraining\tCompleted\tNia Roberts\t14/03/2025",
            "8CRy7xOfjXPXWccAbfTomagoIdW3\tConfirm compliance target\tTraining\tNot started\tNia Roberts;Sam Patel\t30/04/2025"));

        var plan = result.Plan!;
        Assert.Equal(["1", "2"], plan.Milestones.Select(m => m.Ref.Value));
        Assert.Equal("KHi0EgLNtqZdVyEGOyAR1r5vLkOO", plan.Milestones[0].OtherFields["Task ID"]);
        Assert.Equal(["Nia Roberts", "Sam Patel"], plan.Milestones[1].DeliveryOwners.Select(o => o.Name));
        Assert.Equal("Training", plan.Milestones[0].Programme);
        Assert.Equal(MilestoneStatus.Complete, plan.Milestones[0].Status);
        Assert.True(result.Summary.RefsGenerated);
        Assert.Contains("'Task ID' holds machine ids", result.Summary.GeneratedRefsReason);
    }

    [Fact]
    public void A_table_that_gives_no_milestones_is_refused_with_the_reasons_in_words()
    {
        var result = Grid.Import(Grid.Tsv("empty.txt",
            "Ref\tAction\tLead\tDue Date\tStatus",
            "\t\t\t31/03/2025\tOpen",
            "\t\t\t30/04/2025\tOpen"));

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Contains("read no milestones from its 2 data rows", error.Text);
        Assert.Contains("2 no reference and no title", error.Text);
        Assert.Equal((2, 2), (result.Summary.Read, result.Summary.Skipped));
    }

    [Fact]
    public void A_table_that_loses_more_rows_than_it_reads_is_refused_as_a_partial_import()
    {
        var result = Grid.Import(Grid.Tsv("partial.txt",
            "Ref\tAction\tLead\tDue Date\tStatus",
            "1\tAgree the plan\tAmy Lee\t31/03/2025\tOpen",
            "\t\t\t30/04/2025\tOpen",
            "\t\t\t30/04/2025\tOpen"));

        Assert.Null(result.Plan);
        Assert.Contains(result.Errors, e => e.Text.StartsWith("only 1 of 3 data rows could be read as milestones", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_rows_with_rolled_up_dates_and_no_owner_group_the_tasks_beneath()
    {
        var result = Grid.Import(Grid.Tsv("smartsheet.txt",
            "Task Name\tAssigned To\tStart\tFinish\t% Complete\tStatus",
            "Phase 1: Discovery\t\t06/01/25\t28/02/25\t50%\t",
            "Map current process\tjane.smith@trust.nhs.uk\t06/01/25\t31/01/25\t100%\tComplete",
            "Interview users\traj.patel@trust.nhs.uk\t03/02/25\t28/02/25\t0%\tNot Started",
            "Phase 2: Build\t\t03/03/25\t30/05/25\t0%\t",
            "Build the form\tjane.smith@trust.nhs.uk\t03/03/25\t30/04/25\t0%\tIn Progress",
            "Test the form\traj.patel@trust.nhs.uk\t01/05/25\t16/05/25\t0%\tNot Started",
            "Go live\tjane.smith@trust.nhs.uk\t30/05/25\t30/05/25\t0%\tNot Started"));

        var plan = result.Plan!;
        Assert.Equal(["Map current process", "Interview users", "Build the form", "Test the form", "Go live"], plan.Milestones.Select(m => m.Title));
        Assert.Equal(["Phase 1: Discovery", "Phase 1: Discovery", "Phase 2: Build", "Phase 2: Build", "Phase 2: Build"], plan.Milestones.Select(m => m.Programme));
        Assert.Equal("jane.smith@trust.nhs.uk", plan.Milestones[0].DeliveryOwners.Single().Name);
        Assert.Equal(2, result.Summary.Grouped);
    }

    [Fact]
    public void Unfamiliar_headers_are_read_by_what_their_cells_hold_and_the_report_says_which_became_what()
    {
        var result = Grid.Import(Grid.Tsv("odd.txt",
            "Code\tCommitment we made\tNamed person\tDate agreed\tLight",
            "C1\tOpen the diagnostic centre to the public\tHelen Tate\t30/09/2025\tGreen",
            "C2\tReduce long waits to under one hundred\tGary Price\t31/03/2026\tAmber",
            "C3\tPublish a single estates strategy\tMo Farooq\t31/12/2025\tRed"));

        var plan = result.Plan ?? throw new Xunit.Sdk.XunitException(string.Join("\n", result.Errors));
        var c2 = plan.Find(MilestoneRef.Parse("C2"))!;
        Assert.Equal(("Reduce long waits to under one hundred", new DateOnly(2026, 3, 31), Rag.Amber), (c2.Title, c2.Due.Date!.Value, c2.Rag));
        Assert.Equal(["Gary Price"], c2.DeliveryOwners.Select(o => o.Name));
        Assert.Contains(result.Summary.ColumnDecisions, d => d.StartsWith("'Date agreed' read as the due date by its content", StringComparison.Ordinal));
    }

    [Fact]
    public void Dates_are_read_month_first_when_the_files_own_dates_say_so()
    {
        var result = Grid.Import(Grid.Tsv("us.txt",
            "Task ID\tTask Name\tAssigned To\tDue Date\tStatus",
            "QI-101\tLaunch screening tool\tKim Nguyen\t3/14/2025\tCompleted",
            "QI-102\tAudit bundle compliance\tKim Nguyen\t4/1/2025\tIn Progress"));

        Assert.Equal(new DateOnly(2025, 4, 1), result.Plan!.Find(MilestoneRef.Parse("QI-102"))!.Due.Date);
    }

    [Fact]
    public void The_report_date_is_read_from_the_title_rows()
    {
        var result = Grid.Import(Grid.Tsv("dated.txt",
            "Integrated Care Board - Key Delivery Milestones",
            "Position as at 28 February 2025",
            "No.\tMilestone\tDue Date\tStatus",
            "1\tWinter plan approved\t27-Sep-24\tComplete"));

        Assert.Equal(new DateOnly(2025, 2, 28), result.Summary.ReportDate);
    }

    [Fact]
    public void A_RAG_given_only_by_a_cells_fill_colour_is_read()
    {
        var rows = new List<TrackerRow>
        {
            new(1, new[] { "Ref", "Action", "Due Date", "RAG" }.Select(t => new TrackerCell(t)).ToList()),
            new(2, new List<TrackerCell> { new("1"), new("Agree the plan"), new("31/03/2025"), new(string.Empty, Fill: "Amber") }),
        };
        var result = Grid.Import(new TrackerWorkbook("fill.xlsx", [new TrackerSheet("Plan", rows)]));

        Assert.Equal((Rag.Amber, MilestoneStatus.AtRisk), (result.Plan!.Milestones[0].Rag, result.Plan.Milestones[0].Status));
    }
}
