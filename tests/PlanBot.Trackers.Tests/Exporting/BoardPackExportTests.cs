using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Updates;
using PlanBot.Trackers.Exporting;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;
using PlanBot.Trackers.Tests.Importing;
using PlanBot.Trackers.Tests.Reading;

namespace PlanBot.Trackers.Tests.Exporting;

/// <summary>
/// Seed 000 as imported, snapshotted on Monday 13 January 2020, then a week of updates made with the updater (the real
/// rules, without storage): #45 delayed, #40 completed, #48 set red and #56 retitled with text Excel would run.
/// </summary>
public sealed class BoardPackExportTests : IDisposable
{
    private static readonly DateOnly LastWeek = new(2020, 1, 13);
    private static readonly DateOnly Today = new(2020, 1, 22);
    private static readonly DateTimeOffset Now = new(2020, 1, 22, 10, 0, 0, TimeSpan.Zero);
    private const string FormulaTitle = "=HYPERLINK(\"http://example.com\",\"Finalise Primary Care DESCRO\")";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Plan Seed() => SampleTrackers.Import("odkm-2019-20.txt", "odkm").Plan!;

    private static Plan AfterAWeekOfUpdates(Plan plan)
    {
        var milestones = plan.Milestones.ToList();
        var exceptions = plan.Exceptions.ToList();
        void Apply(string reference, MilestoneUpdate update)
        {
            var i = milestones.FindIndex(m => m.Ref.Value == reference);
            var outcome = MilestoneUpdater.Apply(milestones[i], update, Today, "Sue Graham", Now, "card");
            Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems.Select(p => p.Message)));
            milestones[i] = outcome.Updated!;
            if (outcome.Exception is { } entry) exceptions.Add(entry);
        }

        Apply("45", new MilestoneUpdate { Status = MilestoneStatus.Delayed, RevisedDue = new DateOnly(2020, 4, 30), DelayReason = "@STP board moved to March; route map follows it." });
        Apply("40", new MilestoneUpdate { Status = MilestoneStatus.Complete, ProgressNote = "Presented to GB 4.02.2020." });
        Apply("48", new MilestoneUpdate { Rag = Rag.Red, ProgressNote = "-5 practices still without online records." });
        var i56 = milestones.FindIndex(m => m.Ref.Value == "56");
        milestones[i56] = milestones[i56] with { Title = FormulaTitle, Team = "+CFO" };
        return plan with { Milestones = milestones, Exceptions = exceptions };
    }

    private static BoardPack Pack(bool withLastReport = true)
    {
        var seed = Seed();
        var now = AfterAWeekOfUpdates(seed);
        PlanSnapshot[] history = withLastReport ? [PlanSnapshot.Take(seed, LastWeek, Now.AddDays(-9))] : [];
        return BoardPack.Create(now, PlanSnapshot.Take(now, Today, Now), history);
    }

    private string Write(BoardPack pack)
    {
        var path = _folder.File("board-pack.xlsx");
        BoardPackExport.Write(pack, path);
        return path;
    }

    private static TrackerSheet Sheet(TrackerWorkbook workbook, string name) => workbook.Sheets.Single(s => s.Name == name);

    private static TrackerRow Row(TrackerSheet sheet, string firstCell) => sheet.Rows.Single(r => r.Cells.Count > 0 && r.Text(0) == firstCell);

    private static string[] Texts(TrackerRow row) => row.Cells.Select(c => c.Text).ToArray();

    [Fact]
    public void The_pack_has_its_four_sheets_in_order()
    {
        var workbook = TrackerFileReader.Read(Write(Pack()));

        Assert.Equal(["Milestone Tracker", "Exception Report", "Action Concern Report", "Summary"], workbook.Sheets.Select(s => s.Name));
    }

    [Fact]
    public void The_tracker_has_seed_000s_columns_then_rag_and_trend()
    {
        var seedHeader = File.ReadLines(SampleTrackers.PathOf("odkm-2019-20.txt")).First(l => l.StartsWith("No.\t", StringComparison.Ordinal)).Split('\t');

        var tracker = Sheet(TrackerFileReader.Read(Write(Pack())), BoardPackExport.TrackerSheet);

        Assert.Equal([.. seedHeader, "RAG", "Trend since last report"], Texts(tracker.Rows.Single(r => r.Number == 4)));
        Assert.StartsWith("2019/2020 Operational Delivery Key Milestones (ODKM)", tracker.Rows[0].Text(0));
        Assert.Equal("Board pack as at 22 Jan 2020: this report (week of 20 Jan 2020) against the last report (week of 13 Jan 2020, as at 13 Jan 2020)",
            tracker.Rows[1].Text(0));
        Assert.Equal(55, tracker.Rows.Count(r => r.Number > 4));
    }

    [Fact]
    public void Tracker_rows_keep_the_trackers_words_and_show_latest_statuses_with_trend()
    {
        var tracker = Sheet(TrackerFileReader.Read(Write(Pack())), BoardPackExport.TrackerSheet);

        Assert.Equal(["23", "!", "DP", "Revise pathway one and introduce a home first model", "01-Apr-19", "27-Sep-19 rev 31-Dec-19",
            "Further revised date for completion - see Exceptions V5", "Sara Rodreguiz", "Flow", "Sue Graham", "", "01-Dec-19", "Q2", "Red", "↔"],
            Texts(Row(tracker, "23")));
        Assert.Equal("Louis Kamfer/Jane Webster", Row(tracker, "41").Text(9));
        Assert.Equal("Louise Mitchell (Jane Webster)", Row(tracker, "44").Text(9));

        var delayed = Row(tracker, "45");
        Assert.Equal(("31-Jan-20 rev 30-Apr-20", "Delayed", "Red", ""), (delayed.Text(5), delayed.Text(6), delayed.Text(13), delayed.Text(14)));
        var completed = Row(tracker, "40");
        Assert.Equal(("Complete", "Blue", "↑"), (completed.Text(6), completed.Text(13), completed.Text(14)));
        Assert.Equal(("Red", "↓"), (Row(tracker, "48").Text(13), Row(tracker, "48").Text(14)));
        Assert.Equal(("Blue", "↔"), (Row(tracker, "1").Text(13), Row(tracker, "1").Text(14)));
    }

    [Fact]
    public void The_exception_report_lists_this_weeks_delay_first_then_the_imported_report()
    {
        var exceptions = Sheet(TrackerFileReader.Read(Write(Pack())), BoardPackExport.ExceptionSheet);

        Assert.Equal(BoardPackExport.ExceptionColumns, Texts(exceptions.Rows.Single(r => r.Number == 3)));
        var first = exceptions.Rows.Single(r => r.Number == 4);
        Assert.Equal(["45", "COO (AO)", "Route map for getting to Integrated Care System agreed with STP", "31-Jan-20",
            "@STP board moved to March; route map follows it.", "30-Apr-20", "Update from Sue Graham, 22 Jan 2020"], Texts(first));
        Assert.Equal(23, exceptions.Rows.Count(r => r.Number > 3));
        var row36 = Row(exceptions, "36");
        Assert.Equal(("29-Nov-20", "29-Feb-20"), (row36.Text(3), row36.Text(5)));
        Assert.Equal("Initial date 27-Sep-19", Row(exceptions, "24").Text(3));
        Assert.Equal("41 & 44", exceptions.Rows.Single(r => r.Text(0) == "41 & 44").Text(0));
    }

    [Fact]
    public void The_action_concern_report_shows_open_concerns_then_closed_ones()
    {
        var concerns = Sheet(TrackerFileReader.Read(Write(Pack())), BoardPackExport.ConcernSheet);

        Assert.Equal(BoardPackExport.ConcernColumns, Texts(concerns.Rows.Single(r => r.Number == 3)));
        Assert.Equal(["45", "Route map for getting to Integrated Care System agreed with STP", "30-Apr-20", "Red, Delayed", "Red", "20-Jan-20", "1",
            "@STP board moved to March; route map follows it. Proposed revised date: 30 Apr 2020.", "Open"], Texts(Row(concerns, "45")));
        Assert.Equal(["48", "All patients will have online access to their full record from April 2020", "31-Mar-20", "Red", "Red", "20-Jan-20", "1",
            "-5 practices still without online records.", "Open"], Texts(Row(concerns, "48")));
        var row36 = Row(concerns, "36");
        Assert.Equal(("Red, Delayed, Overdue by 54 days", "13-Jan-20", "2", "Open"), (row36.Text(3), row36.Text(5), row36.Text(6), row36.Text(8)));
        Assert.StartsWith("This has been delayed due to system distance from control totals.", row36.Text(7));
        var closed = Row(concerns, "40");
        Assert.Equal(("Red, Delayed, Overdue by 17 days", "Blue", "13-Jan-20", "1", "Closed"), (closed.Text(3), closed.Text(4), closed.Text(5), closed.Text(6), closed.Text(8)));
        var states = concerns.Rows.Where(r => r.Number > 3).Select(r => r.Text(8)).ToList();
        Assert.Equal(states.OrderByDescending(s => s == "Open"), states);
    }

    [Fact]
    public void The_summary_counts_rag_by_department_this_report_against_the_last()
    {
        var pack = Pack();
        var summary = Sheet(TrackerFileReader.Read(Write(pack)), BoardPackExport.SummarySheet);

        Assert.Equal("RAG by department: this report (week of 20 Jan 2020) against the last report (week of 13 Jan 2020, as at 13 Jan 2020)", summary.Rows[0].Text(0));
        Assert.Equal(["Department", "Red", "Amber", "Green", "Blue", "No RAG", "Total",
            "Red (last report)", "Amber (last report)", "Green (last report)", "Blue (last report)", "No RAG (last report)", "Total (last report)"],
            Texts(summary.Rows.Single(r => r.Number == 3)));
        // Corporate: #40 went from delayed (red) to complete (blue).
        var corporate = Texts(Row(summary, "Corporate"));
        Assert.Equal(corporate[4], (int.Parse(corporate[10]) + 1).ToString());
        Assert.Equal(corporate[1], (int.Parse(corporate[7]) - 1).ToString());
        var total = Texts(Row(summary, "Total"));
        Assert.Equal(("55", "55"), (total[6], total[12]));
        Assert.Equal(RagCounts.Of(pack.ThisReport.Milestones).Red.ToString(), total[1]);
        Assert.Equal(RagCounts.Of(pack.LastReport!.Milestones).Red.ToString(), total[7]);
    }

    [Fact]
    public void Without_a_last_report_the_pack_says_so_and_leaves_its_columns_and_the_trend_empty()
    {
        var workbook = TrackerFileReader.Read(Write(Pack(withLastReport: false)));

        var summary = Sheet(workbook, BoardPackExport.SummarySheet);
        Assert.EndsWith("against no last report (no earlier snapshot is stored)", summary.Rows[0].Text(0));
        Assert.All(summary.Rows.Where(r => r.Number > 3), r => Assert.True(r.Cells.Count <= 7, string.Join("|", Texts(r))));
        var tracker = Sheet(workbook, BoardPackExport.TrackerSheet);
        Assert.All(tracker.Rows.Where(r => r.Number > 4), r => Assert.Equal("", r.Text(14)));
        Assert.Equal(("1", "Open"), (Row(Sheet(workbook, BoardPackExport.ConcernSheet), "36").Text(6), Row(Sheet(workbook, BoardPackExport.ConcernSheet), "36").Text(8)));
    }

    [Fact]
    public void Text_beginning_with_formula_characters_is_written_as_text_never_as_a_formula()
    {
        var path = Write(Pack());

        var tracker = Sheet(TrackerFileReader.Read(path), BoardPackExport.TrackerSheet);
        Assert.Equal((FormulaTitle, "+CFO"), (Row(tracker, "56").Text(3), Row(tracker, "56").Text(2)));
        using var document = SpreadsheetDocument.Open(path, false);
        var parts = document.WorkbookPart!.WorksheetParts.ToList();
        Assert.Equal(4, parts.Count);
        Assert.All(parts, p => Assert.Empty(p.Worksheet.Descendants<CellFormula>()));
        var strings = document.WorkbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        var cells = parts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Where(c => c.DataType?.Value == CellValues.SharedString && strings[int.Parse(c.CellValue!.Text)] is ['=' or '+' or '-' or '@', ..])
            .ToList();
        Assert.True(cells.Count >= 4, $"expected the title, team, reason and note among the formula-like texts; found {cells.Count}");
    }

    [Fact]
    public void The_tracker_sheet_imports_back_into_the_same_milestones()
    {
        var pack = Pack();
        var path = Write(pack);

        var result = new TrackerImporter().Import(TrackerFileReader.Read(path), new TrackerImportOptions { PlanId = "odkm", Sheet = BoardPackExport.TrackerSheet });

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        var again = result.Plan!;
        Assert.Equal(pack.Plan.Name, again.Name);
        Assert.Equal(pack.Plan.Milestones.Select(m => (m.Ref, m.Title, m.Status, m.Due.Date, m.RevisedDue.Date, m.CriticalPath, m.Department)),
            again.Milestones.Select(m => (m.Ref, m.Title, m.Status, m.Due.Date, m.RevisedDue.Date, m.CriticalPath, m.Department)));
        Assert.Equal(pack.Plan.Milestones.Select(m => string.Join(";", m.Owners.Select(o => (o.Name, o.Role, o.IsDeputy)))),
            again.Milestones.Select(m => string.Join(";", m.Owners.Select(o => (o.Name, o.Role, o.IsDeputy)))));
    }
}
