using PlanBot.Testing;

namespace PlanBot.Cli.Tests;

/// <summary>
/// `planbot ask` tables as a PMO analyst pipes or reads them: piped, one line a milestone with no trailing spaces;
/// fitted to a width (a terminal's, or COLUMNS), titles wrap onto at most two lines and are cut with "…".
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TableOutputTests(AzuriteFixture azurite)
{
    private const string Title23 = "Revise pathway one and introduce a home first model";

    [Fact]
    public async Task Piped_every_milestone_is_one_line_with_no_trailing_spaces()
    {
        var planbot = await WithSamplePlanAsync();

        var ask = await planbot.RunAsync("ask", "list all milestones");

        Assert.True(ask.ExitCode == 0, ask.All);
        var lines = Lines(ask.Output);
        Assert.DoesNotContain(lines, l => l.EndsWith(' '));
        var rows = TableRows(lines);
        Assert.Equal(55, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("#23 ", StringComparison.Ordinal) && r.Contains(Title23, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("#36 ", StringComparison.Ordinal) && r.EndsWith("overdue by 52 days, marked delayed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_80_columns_each_milestone_takes_at_most_two_lines_and_no_line_is_wider()
    {
        var planbot = await WithSamplePlanAsync();

        var ask = await planbot.RunAsync(new Dictionary<string, string> { ["COLUMNS"] = "80" }, "ask", "list all milestones");

        Assert.True(ask.ExitCode == 0, ask.All);
        var lines = Lines(ask.Output);
        var table = lines.SkipWhile(l => !l.StartsWith("Ref ", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
        Assert.All(table, l => Assert.InRange(l.Length, 1, 80));
        Assert.DoesNotContain(lines, l => l.EndsWith(' '));
        var rows = TableRows(lines);
        Assert.Equal(55, rows.Count(r => r.StartsWith('#')));
        Assert.InRange(rows.Count, 55, 110);
        // A row's continuation line never starts a new milestone, so each milestone starts exactly one row.
        var starts = rows.Select((r, i) => (r, i)).Where(x => x.r.StartsWith('#')).Select(x => x.i).Append(rows.Count).ToList();
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 1, 2));
    }

    private async Task<PlanBotProcess> WithSamplePlanAsync()
    {
        var planbot = new PlanBotProcess(azurite);
        Assert.Equal(0, (await planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);
        return planbot;
    }

    private static List<string> Lines(string output) => output.Replace("\r", string.Empty).Split('\n').ToList();

    /// <summary>The table's lines under its header rule.</summary>
    private static List<string> TableRows(List<string> lines) =>
        lines.SkipWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).Skip(1).Where(l => l.Length > 0).ToList();
}
