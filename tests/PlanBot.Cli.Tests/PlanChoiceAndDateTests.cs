using PlanBot.Testing;

namespace PlanBot.Cli.Tests;

/// <summary>`planbot ask/show/export` without --plan, and at the date the local bot answers at.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PlanChoiceAndDateTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("planbot-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task With_one_plan_ask_show_and_export_need_no_plan_and_answer_as_at_the_local_bots_date()
    {
        // No PlanBot__Today: the Development settings the local bot runs with pin the sample's date.
        var planbot = new PlanBotProcess(azurite) { Today = null };
        var development = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" };
        Assert.Equal(0, (await planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);

        var ask = await planbot.RunAsync(development, "ask", "what's overdue in finance?");
        var show = await planbot.RunAsync(development, "show", "36");
        var csv = Path.Combine(_folder, "odkm.csv");
        var export = await planbot.RunAsync(development, "export", "--format", "csv", "--out", csv);

        Assert.True(ask.ExitCode == 0, ask.All);
        Assert.Contains("2 milestones overdue in Finance as at 20 Jan 2020.", ask.Output);
        Assert.True(show.ExitCode == 0, show.All);
        Assert.Contains("as at 20 Jan 2020", show.Output);
        Assert.True(export.ExitCode == 0, export.All);
        Assert.Contains("Exported 55 milestones of plan odkm", export.Output);
    }

    [Fact]
    public async Task With_several_plans_leaving_out_the_plan_names_them()
    {
        var planbot = new PlanBotProcess(azurite);
        Assert.Equal(0, (await planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm")).ExitCode);
        Assert.Equal(0, (await planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "copy")).ExitCode);

        var ask = await planbot.RunAsync("ask", "what's overdue?");

        Assert.NotEqual(0, ask.ExitCode);
        Assert.Contains("2 plans are stored (", ask.Error);
        Assert.Contains("): say which with --plan.", ask.Error);
        Assert.Contains("copy", ask.Error);
        Assert.Contains("odkm", ask.Error);
    }
}
