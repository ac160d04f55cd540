using PlanBot.Testing;

namespace PlanBot.Cli.Tests;

/// <summary>`planbot export` gives a tracker the PMO can edit and import again: brought back unedited, nothing changes.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ExportRoundTripTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PlanBotProcess _planbot = new(azurite);
    private readonly string _folder = Directory.CreateTempSubdirectory("planbot-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("odkm-2019-20.txt", "xlsx")]
    [InlineData("odkm-2019-20.txt", "csv")]
    [InlineData("odkm-2019-20.xlsx", "xlsx")]
    public async Task An_exported_plan_imported_again_without_edits_changes_nothing(string sample, string format)
    {
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample(sample), "--plan", "odkm")).ExitCode);
        var exported = Path.Combine(_folder, "odkm." + format);
        var export = await _planbot.RunAsync("export", "--plan", "odkm", "--format", format, "--out", exported);
        Assert.True(export.ExitCode == 0, export.All);

        var again = await _planbot.RunAsync("import", exported, "--plan", "odkm", "--dry-run", "--verbose");

        Assert.True(again.ExitCode == 0, again.All);
        Assert.True(again.Output.Contains("0 added, 0 changed, 0 removed, 55 unchanged.", StringComparison.Ordinal), again.Output);
    }

    [Fact]
    public async Task An_edit_to_an_exported_tracker_is_the_only_change_imported_and_role_titles_stay()
    {
        Assert.Equal(0, (await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);
        var exported = Path.Combine(_folder, "odkm.csv");
        Assert.Equal(0, (await _planbot.RunAsync("export", "--plan", "odkm", "--format", "csv", "--out", exported)).ExitCode);
        var lines = File.ReadAllLines(exported);
        var i44 = Array.FindIndex(lines, l => l.StartsWith("44,", StringComparison.Ordinal));
        lines[i44] = lines[i44].Replace("On-Track for agreed revised date", "Complete", StringComparison.Ordinal);
        File.WriteAllLines(exported, lines);

        var edited = await _planbot.RunAsync("import", exported, "--plan", "odkm");

        Assert.True(edited.ExitCode == 0, edited.All);
        Assert.Contains("0 added, 1 changed, 0 removed, 54 unchanged.", edited.Output);
        Assert.Contains("~ #44 Status: OnTrack → Complete", edited.Output);
        var plan = (await _planbot.Store.GetPlanAsync("odkm"))!.Plan;
        Assert.Equal("COT Owner", plan.Find(Core.Plans.MilestoneRef.Parse("44"))!.AccountableOwners.First().RoleTitle);
    }
}
