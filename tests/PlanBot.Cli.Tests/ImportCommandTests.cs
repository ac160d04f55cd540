using PlanBot.Core.Plans;
using PlanBot.Testing;
using PlanBot.Trackers.Reading;

namespace PlanBot.Cli.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class ImportCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PlanBotProcess _planbot = new(azurite);
    private readonly string _folder = Directory.CreateTempSubdirectory("planbot-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Import_then_plans_show_and_export_work_end_to_end()
    {
        var import = await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm");
        Assert.True(import.ExitCode == 0, import.All);
        Assert.Contains("Imported plan odkm: 55 milestones (55 added, 0 changed, 0 removed, 0 unchanged).", import.Output);
        Assert.Contains("odkm-2019-20.txt, row 54, column F (Due Date): '29-Feb-19' is not a real date; kept as written and flagged.", import.Output);

        var plans = await _planbot.RunAsync("plans");
        Assert.Contains("odkm", plans.Output);
        Assert.Contains("55", plans.Output);

        var show = await _planbot.RunAsync("show", "--plan", "odkm", "23");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("#23 Revise pathway one and introduce a home first model", show.Output);
        Assert.Contains("Sara Rodreguiz", show.Output);
        Assert.Contains("Sue Graham", show.Output);
        Assert.Contains("31 Dec 2019", show.Output);
        Assert.Contains("by 20 days as at 20 Jan 2020", show.Output); // PlanBot__Today pins the date

        var exceptions = await _planbot.RunAsync("show", "--plan", "odkm", "36");
        Assert.Contains("system distance from control totals", exceptions.Output);
        Assert.Contains("29 Feb 2020", exceptions.Output);

        var csv = Path.Combine(_folder, "odkm.csv");
        Assert.Equal(0, (await _planbot.RunAsync("export", "--plan", "odkm", "--format", "csv", "--out", csv)).ExitCode);
        var rows = TrackerFileReader.Read(csv).Sheets.Single().Rows;
        Assert.Equal("Ref,Title,Team,Department,StartDate,DueDate,RevisedDueDate,Status,StatusText,Rag,DeliveryOwner,AccountableOwner,CriticalPath",
            string.Join(",", rows[0].Cells.Take(13).Select(c => c.Text)));
        Assert.Equal(56, rows.Count);
        var row41 = rows.Single(r => r.Text(0) == "41");
        Assert.Equal("Louis Kamfer; Jane Webster", row41.Text(11));
        var row23 = rows.Single(r => r.Text(0) == "23");
        Assert.Equal(["2019-04-01", "2019-09-27", "2019-12-31", "Delayed"], [row23.Text(4), row23.Text(5), row23.Text(6), row23.Text(7)]);
        Assert.Equal("Yes", row23.Text(12));

        var xlsx = Path.Combine(_folder, "odkm.xlsx");
        Assert.Equal(0, (await _planbot.RunAsync("export", "--plan", "odkm", "--format", "xlsx", "--out", xlsx)).ExitCode);
        var workbook = TrackerFileReader.Read(xlsx);
        Assert.Equal(["Milestones", "Exceptions"], workbook.Sheets.Select(s => s.Name));
        Assert.Equal(56, workbook.Sheets[0].Rows.Count);
        Assert.Equal(23, workbook.Sheets[1].Rows.Count);
        Assert.Equal("31-Dec-19", workbook.Sheets[0].Rows.Single(r => r.Text(0) == "23").Text(6));
    }

    [Fact]
    public async Task Dry_run_shows_the_plan_and_saves_nothing()
    {
        var run = await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.xlsx"), "--plan", "odkm", "--dry-run");
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("55 milestones, 22 exception report entries.", run.Output);
        Assert.Contains("Dry run: nothing was saved.", run.Output);
        Assert.Empty(await _planbot.Store.ListPlansAsync());
    }

    [Fact]
    public async Task Reimport_updates_in_place_reports_the_diff_and_keeps_history()
    {
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);

        var lines = File.ReadAllLines(PlanBotProcess.Sample("odkm-2019-20.txt")).ToList();
        var i36 = lines.FindIndex(l => l.StartsWith("36\t", StringComparison.Ordinal));
        lines[i36] = lines[i36].Replace("Delayed - scheduled for conclusion end of February 2020 - see Exceptions", "Complete");
        lines.RemoveAt(lines.FindIndex(l => l.StartsWith("56\t", StringComparison.Ordinal)));
        lines.Insert(lines.FindIndex(l => l.StartsWith("55\t", StringComparison.Ordinal)) + 1, "57\t\tCNO\tPractice Nurse Strategy embedded\t01-Jan-20\t31-Mar-20\tNot started\tDanielle\tQuality\tCarol Anderson\t\tMarch\tQ4");
        var changed = Path.Combine(_folder, "odkm-v6.txt");
        File.WriteAllLines(changed, lines);

        var preview = await _planbot.RunAsync("import", changed, "--plan", "odkm", "--dry-run");
        Assert.Contains("1 added, 1 changed, 1 removed, 53 unchanged", preview.Output);
        Assert.Contains("+ #57 Practice Nurse Strategy embedded", preview.Output);
        Assert.Contains("~ #36 Status: Delayed → Complete", preview.Output);
        Assert.Contains("- #56", preview.Output);

        var before = await _planbot.Store.GetSummaryAsync("odkm");
        var run = await _planbot.RunAsync("import", changed, "--plan", "odkm");
        Assert.True(run.ExitCode == 0, run.All);
        var after = await _planbot.Store.GetSummaryAsync("odkm");
        Assert.NotEqual(before!.Version, after!.Version);
        Assert.Equal(55, after.MilestoneCount);

        var history = await _planbot.RunAsync("show", "--plan", "odkm", "36", "--history");
        Assert.Contains("Status: Delayed → Complete", history.Output);
        Assert.Contains("via import", history.Output);
        var removed = await _planbot.Store.GetHistoryAsync("odkm", MilestoneRef.Parse("56"));
        Assert.Contains("Removed", Assert.Single(removed).Note);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "plan.docx", "hello"u8.ToArray(), "is not a file type PlanBot reads" },
        { "no-header.csv", "Minutes,Who\r\nItem one,Amy\r\n"u8.ToArray(), "no milestone table found" },
        { "ragged.csv", "No.,Milestone,Due Date\r\n1,Agree plan,31/01/2020\r\n2,Sign off,28/02/2020,extra\r\n"u8.ToArray(), "line 3 has 4 fields" },
        { "corrupt.xlsx", "PK\u0003\u0004 this is not really a zip"u8.ToArray(), "not a valid .xlsx" },
        { "locked.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "password-protected" },
        { "duplicates.txt", "No.\tMilestone\tDue Date\n1\tAgree plan\t31-Jan-20\n1\tSign off\t28-Feb-20\n"u8.ToArray(), "#1 appears more than once" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_input_gets_a_specific_error_and_changes_nothing(string name, byte[] content, string expected)
    {
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);
        var before = await _planbot.Store.GetSummaryAsync("odkm");

        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, content);
        var run = await _planbot.RunAsync("import", path, "--plan", "odkm");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.All);
        Assert.Contains(name, run.All);
        await AssertUnchanged(before!);
    }

    [Fact]
    public async Task Missing_file_oversized_file_and_formula_cell_are_refused_and_change_nothing()
    {
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);
        var before = (await _planbot.Store.GetSummaryAsync("odkm"))!;

        var missing = await _planbot.RunAsync("import", Path.Combine(_folder, "nowhere.xlsx"), "--plan", "odkm");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nowhere.xlsx", missing.Error);

        var big = Path.Combine(_folder, "huge.txt");
        using (var stream = File.Create(big)) stream.SetLength(51L * 1024 * 1024);
        var oversized = await _planbot.RunAsync("import", big, "--plan", "odkm");
        Assert.Equal(1, oversized.ExitCode);
        Assert.Contains("50 MB", oversized.Error);

        var formula = Path.Combine(_folder, "formula.xlsx");
        FormulaWorkbook.Write(formula);
        var refused = await _planbot.RunAsync("import", formula, "--plan", "odkm");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("formula.xlsx, sheet 'Plan', row 3, column C (Due Date): the cell holds a formula (=B3+30)", refused.Output);
        Assert.Contains("Nothing was imported.", refused.Output);

        await AssertUnchanged(before);
    }

    [Fact]
    public async Task Showing_an_unknown_plan_or_milestone_says_what_exists()
    {
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);
        var noPlan = await _planbot.RunAsync("show", "--plan", "finance", "1");
        Assert.Equal(1, noPlan.ExitCode);
        Assert.Contains("There is no plan 'finance'. Stored plans: odkm.", noPlan.Error);
        var noMilestone = await _planbot.RunAsync("show", "--plan", "odkm", "26");
        Assert.Equal(1, noMilestone.ExitCode);
        Assert.Contains("Plan odkm has no milestone #26. Nearby references: #24, #25, #27, #28.", noMilestone.Error);
        var badPlanId = await _planbot.RunAsync("plans", "--plan", "Bad Id");
        Assert.NotEqual(0, badPlanId.ExitCode);
    }

    private async Task AssertUnchanged(PlanSummary before)
    {
        var after = await _planbot.Store.GetPlanAsync("odkm");
        Assert.NotNull(after);
        Assert.Equal(before.Version, after.Summary.Version);
        Assert.Equal(55, after.Plan.Milestones.Count);
        Assert.Equal(new DateOnly(2019, 12, 31), after.Plan.Find(MilestoneRef.Parse("23"))!.RevisedDue.Date);
    }
}
