using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Time;
using PlanBot.Core.Updates;
using PlanBot.Storage;
using PlanBot.Storage.People;
using PlanBot.Testing;
using PlanBot.Trackers.Reading;

namespace PlanBot.Cli.Tests;

/// <summary>
/// The board pack end to end: seed 000 imported and snapshotted by the real `planbot` on Monday 20 January 2020, a week
/// of owners' updates saved through the real update path (service, rules, owner check, Table storage), then
/// `planbot export --board-pack` on Tuesday 28 January, read back with the XLSX reader and the Open XML SDK.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class BoardPackCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string FormulaTitle = "=SUM(A1:A9) Finalise Primary Care DESCRO - achievement 75%";

    private readonly PlanBotProcess _week1 = new(azurite) { Today = "2020-01-20" };
    private readonly string _folder = Directory.CreateTempSubdirectory("planbot-boardpack-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private PlanBotProcess Week2 => new(azurite, _week1.TablePrefix) { Today = "2020-01-28" };

    /// <summary>Seed 000 with #56 retitled to text a spreadsheet would run as a formula.</summary>
    private string SeedWithFormulaTitle()
    {
        var lines = File.ReadAllLines(PlanBotProcess.Sample("odkm-2019-20.txt"));
        var i56 = Array.FindIndex(lines, l => l.StartsWith("56\t", StringComparison.Ordinal));
        lines[i56] = lines[i56].Replace("Finalise Primary Care DESCRO - achievement 75%", FormulaTitle, StringComparison.Ordinal);
        var path = Path.Combine(_folder, "odkm.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task ImportAndSnapshotWeek1Async()
    {
        var import = await _week1.RunAsync("import", SeedWithFormulaTitle(), "--plan", "odkm");
        Assert.True(import.ExitCode == 0, import.All);
        var snapshot = await _week1.RunAsync("snapshot", "--plan", "odkm");
        Assert.True(snapshot.ExitCode == 0, snapshot.All);
        Assert.Contains("Stored the snapshot of plan odkm for the week of 20 Jan 2020 (as at 20 Jan 2020): 55 milestones", snapshot.Output);
        Assert.Contains("Plan odkm has a snapshot for 1 week: 20 Jan 2020.", snapshot.Output);
    }

    /// <summary>The owners who update in this test, with the Entra object ids the people file ties to them.</summary>
    private static readonly Dictionary<string, string> OwnerIds = new()
    {
        ["Louise Mitchell"] = "0a000000-0000-4000-8000-000000000045",
        ["Sharon Fox"] = "0a000000-0000-4000-8000-000000000040",
        ["Alys Turner"] = "0a000000-0000-4000-8000-000000000048",
    };

    /// <summary>
    /// Each owner updates their own milestone on 28 January, recognised by the object id the people file gives them (an
    /// update is never authorised by name; no directory).
    /// </summary>
    private async Task UpdateAsync(string reference, string owner, MilestoneUpdate update)
    {
        var people = new TablePeopleStore(_week1.Tables, TimeProvider.System);
        if ((await people.GetPeopleAsync()).Count == 0)
            await people.ReplaceAllAsync([.. OwnerIds.Select(o => new Person(o.Key, AadObjectId: o.Value))], "test", null);
        var authoriser = new OwnerAuthoriser(new PmoAdmins([]), people, new OwnerResolver(people, new NoDirectorySearch("tests"), TimeProvider.System));
        var service = new MilestoneUpdateService((TablePlanStore)_week1.Store, authoriser, new PlanClock(TimeProvider.System, new DateOnly(2020, 1, 28)));

        var result = await service.UpdateAsync("odkm", MilestoneRef.Parse(reference), revision: null, update, new UpdateAuthor(owner, OwnerIds[owner]), "card");

        Assert.True(result.Kind == UpdateResultKind.Saved, $"{result.Kind}: {result.Message} {string.Join("; ", result.Problems?.Select(p => p.Message) ?? [])}");
    }

    private static TrackerSheet Sheet(TrackerWorkbook workbook, string name) => workbook.Sheets.Single(s => s.Name == name);

    private static TrackerRow Row(TrackerSheet sheet, string firstCell) => sheet.Rows.Single(r => r.Cells.Count > 0 && r.Text(0) == firstCell);

    private static string[] Texts(TrackerRow row) => row.Cells.Select(c => c.Text).ToArray();

    [Fact]
    public async Task A_week_of_updates_shows_in_the_board_pack_against_the_snapshot_of_the_week_before()
    {
        await ImportAndSnapshotWeek1Async();
        await UpdateAsync("45", "Louise Mitchell", new MilestoneUpdate
        {
            Status = MilestoneStatus.Delayed, RevisedDue = new DateOnly(2020, 4, 30), DelayReason = "The STP board moved to March; the route map follows it.",
        });
        await UpdateAsync("40", "Sharon Fox", new MilestoneUpdate { Status = MilestoneStatus.Complete, ProgressNote = "Presented to GB 4.02.2020." });
        await UpdateAsync("48", "Alys Turner", new MilestoneUpdate { Rag = Rag.Red, ProgressNote = "-5 practices still without online records; supplier chased." });

        var path = Path.Combine(_folder, "board-pack.xlsx");
        var export = await Week2.RunAsync("export", "--plan", "odkm", "--format", "xlsx", "--board-pack", "--out", path);

        Assert.True(export.ExitCode == 0, export.All);
        Assert.Contains($"Exported the board pack of plan odkm as at 28 Jan 2020 to {path}: 55 milestones, 23 exception report entries, ", export.Output);
        Assert.Contains("Compared this report (the plan now, week of 27 Jan 2020) with the last report (the snapshot of the week of 20 Jan 2020, as at 20 Jan 2020); "
            + "concerns counted over 1 earlier weekly snapshot and this report.", export.Output);
        Assert.False(File.Exists(path + ".partial"));
        var workbook = TrackerFileReader.Read(path);
        Assert.Equal(["Milestone Tracker", "Exception Report", "Action Concern Report", "Summary"], workbook.Sheets.Select(s => s.Name));

        // The tracker: seed 000's columns, latest statuses, and the trend against week 1.
        var tracker = Sheet(workbook, "Milestone Tracker");
        Assert.Equal(["No.", "CP", "Team", "Milestone", "Start Date", "Due Date", "Status", "Delivery Owner", "Department", "COT Owner",
            "Committee sign off", "M Due", "Q Due", "RAG", "Trend since last report"], Texts(tracker.Rows.Single(r => r.Number == 4)));
        Assert.Equal(["45", "", "COO (AO)", "Route map for getting to Integrated Care System agreed with STP", "02-Sep-19", "31-Jan-20 rev 30-Apr-20",
            "Delayed", "", "Transformation", "Louise Mitchell", "", "January", "Q4", "Red"], Texts(Row(tracker, "45")));
        Assert.Equal("", Row(tracker, "45").Text(14)); // no colour last week, so no trend
        Assert.Equal(("Complete", "Blue", "↑"), (Row(tracker, "40").Text(6), Row(tracker, "40").Text(13), Row(tracker, "40").Text(14)));
        Assert.Equal(("On-Track", "Red", "↓"), (Row(tracker, "48").Text(6), Row(tracker, "48").Text(13), Row(tracker, "48").Text(14)));
        Assert.Equal(("Red", "↔"), (Row(tracker, "36").Text(13), Row(tracker, "36").Text(14)));
        Assert.Equal(FormulaTitle, Row(tracker, "56").Text(3));

        // The exception report: this week's delay first, with its reason and proposed date, then the imported report.
        var exceptions = Sheet(workbook, "Exception Report");
        Assert.Equal(["Milestone Number", "Team", "Milestone", "Date Due", "Rationale for Delay / Recovery Plan", "Proposed Revised Date", "Reported in"],
            Texts(exceptions.Rows.Single(r => r.Number == 3)));
        Assert.Equal(["45", "COO (AO)", "Route map for getting to Integrated Care System agreed with STP", "31-Jan-20",
            "The STP board moved to March; the route map follows it.", "30-Apr-20", "Update from Louise Mitchell, 28 Jan 2020"],
            Texts(exceptions.Rows.Single(r => r.Number == 4)));
        Assert.Equal(23, exceptions.Rows.Count(r => r.Number > 3));

        // The action concern report: new, continuing and closed concerns.
        var concerns = Sheet(workbook, "Action Concern Report");
        Assert.Equal(["Action no", "Action", "Deadline", "Concern", "Current RAG", "First raised (week of)", "Times seen", "Remedial action", "Open/closed"],
            Texts(concerns.Rows.Single(r => r.Number == 3)));
        Assert.Equal(["45", "Route map for getting to Integrated Care System agreed with STP", "30-Apr-20", "Red, Delayed", "Red", "27-Jan-20", "1",
            "The STP board moved to March; the route map follows it. Proposed revised date: 30 Apr 2020.", "Open"], Texts(Row(concerns, "45")));
        Assert.Equal(("Red", "27-Jan-20", "1", "-5 practices still without online records; supplier chased.", "Open"),
            (Row(concerns, "48").Text(3), Row(concerns, "48").Text(5), Row(concerns, "48").Text(6), Row(concerns, "48").Text(7), Row(concerns, "48").Text(8)));
        Assert.Equal(("Red, Delayed, Overdue by 60 days", "20-Jan-20", "2", "Open"),
            (Row(concerns, "36").Text(3), Row(concerns, "36").Text(5), Row(concerns, "36").Text(6), Row(concerns, "36").Text(8)));
        Assert.StartsWith("This has been delayed due to system distance from control totals.", Row(concerns, "36").Text(7));
        Assert.Equal(("Red, Delayed, Overdue by 24 days", "Blue", "20-Jan-20", "1", "Closed"),
            (Row(concerns, "40").Text(3), Row(concerns, "40").Text(4), Row(concerns, "40").Text(5), Row(concerns, "40").Text(6), Row(concerns, "40").Text(8)));
        var states = concerns.Rows.Where(r => r.Number > 3).Select(r => r.Text(8)).ToList();
        var open = states.Count(s => s == "Open");
        Assert.Contains($"{states.Count} concerns ({open} open, {states.Count - open} closed).", export.Output);

        // The summary: RAG by department, this report against week 1.
        var summary = Sheet(workbook, "Summary");
        Assert.Equal("RAG by department: this report (week of 27 Jan 2020) against the last report (week of 20 Jan 2020, as at 20 Jan 2020)", summary.Rows[0].Text(0));
        Assert.Equal(["Department", "Red", "Amber", "Green", "Blue", "No RAG", "Total",
            "Red (last report)", "Amber (last report)", "Green (last report)", "Blue (last report)", "No RAG (last report)", "Total (last report)"],
            Texts(summary.Rows.Single(r => r.Number == 3)));
        int[] Counts(string area) => Texts(Row(summary, area)).Skip(1).Select(int.Parse).ToArray();
        var corporate = Counts("Corporate"); // #40: red to blue
        Assert.Equal((corporate[6] - 1, corporate[9] + 1), (corporate[0], corporate[3]));
        var transformation = Counts("Transformation"); // #45: no colour to red
        Assert.Equal((transformation[6] + 1, transformation[10] - 1), (transformation[0], transformation[4]));
        Assert.Equal([1, 0, 3, 0, 0, 4, 0, 0, 4, 0, 0, 4], Counts("Primary Care (IT)")); // #13, #48, #49, #50; #48 green to red
        var total = Counts("Total");
        Assert.Equal((55, 55), (total[5], total[11]));
        Assert.Equal(total[6] + 1, total[0]); // one red fewer (#40), two more (#45, #48)

        // Text that a spreadsheet would run stays text: a shared string, and no formula anywhere in the workbook.
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart!;
        Assert.All(workbookPart.WorksheetParts, p => Assert.Empty(p.Worksheet.Descendants<CellFormula>()));
        var trackerPart = (WorksheetPart)workbookPart.GetPartById(workbookPart.Workbook.Descendants<Sheet>().Single(s => s.Name == "Milestone Tracker").Id!);
        var strings = workbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        var titleCell = trackerPart.Worksheet.Descendants<Cell>().Single(c => c.DataType?.Value == CellValues.SharedString && strings[int.Parse(c.CellValue!.Text)] == FormulaTitle);
        Assert.Equal("D", new string(titleCell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()));
    }

    [Fact]
    public async Task Without_a_stored_snapshot_the_pack_says_there_is_no_last_report()
    {
        var import = await _week1.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm");
        Assert.True(import.ExitCode == 0, import.All);

        var path = Path.Combine(_folder, "first.xlsx");
        var export = await _week1.RunAsync("export", "--plan", "odkm", "--format", "xlsx", "--board-pack", "--out", path);

        Assert.True(export.ExitCode == 0, export.All);
        Assert.Contains("No snapshot before the week of 20 Jan 2020 is stored, so there is no last report to compare with and no trend: "
            + "take one each week with `planbot snapshot --plan odkm`.", export.Output);
        Assert.Equal(4, TrackerFileReader.Read(path).Sheets.Count);
    }

    [Fact]
    public async Task A_board_pack_as_csv_is_refused_with_what_to_do_instead()
    {
        var path = Path.Combine(_folder, "pack.csv");

        var run = await _week1.RunAsync("export", "--plan", "odkm", "--format", "csv", "--board-pack", "--out", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("A board pack is a workbook of four sheets and has no CSV form: use --format xlsx with --board-pack.", run.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Snapshots_seed_history_for_earlier_weeks_and_replace_a_week_taken_again()
    {
        var import = await _week1.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm");
        Assert.True(import.ExitCode == 0, import.All);

        var earlier = await _week1.RunAsync("snapshot", "--plan", "odkm", "--at", "2020-01-08");
        var again = await _week1.RunAsync("snapshot", "--plan", "odkm", "--at", "2020-01-10");
        var bad = await _week1.RunAsync("snapshot", "--plan", "odkm", "--at", "8 Jan");
        var missing = await _week1.RunAsync("snapshot", "--plan", "nothing-here");

        Assert.True(earlier.ExitCode == 0, earlier.All);
        Assert.Contains("Stored the snapshot of plan odkm for the week of 6 Jan 2020 (as at 8 Jan 2020): 55 milestones", earlier.Output);
        Assert.Contains("Statuses and RAG are the plan's as stored now; only overdue is judged as at 8 Jan 2020.", earlier.Output);
        Assert.Contains("It replaces the snapshot stored earlier for that week.", again.Output);
        Assert.Contains("Plan odkm has a snapshot for 1 week: 6 Jan 2020.", again.Output);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--at '8 Jan' is not a date; write it as yyyy-MM-dd, e.g. 2020-01-20.", bad.Error);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("There is no plan 'nothing-here'.", missing.Error);

        var now = await _week1.RunAsync("snapshot", "--plan", "odkm");
        Assert.Contains("Plan odkm has snapshots for 2 weeks, from 6 Jan 2020 to 20 Jan 2020.", now.Output);
    }
}
