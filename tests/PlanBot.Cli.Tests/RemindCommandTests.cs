using PlanBot.Testing;

namespace PlanBot.Cli.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class RemindCommandTests(AzuriteFixture azurite)
{
    private readonly PlanBotProcess _planbot = new(azurite);

    [Fact]
    public async Task A_dry_run_lists_who_would_be_reminded_and_why_and_sends_nothing()
    {
        var import = await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm");
        Assert.True(import.ExitCode == 0, import.All);

        var run = await _planbot.RunAsync("remind", "--plan", "odkm", "--dry-run", "--at", "2020-01-22T09:00:00Z");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Plan odkm as at 22 Jan 2020 09:00 (London): 15 reminders due.", run.Output);
        Assert.Contains("7 working days before due 31 Jan 2020", run.Output);
        Assert.Contains("escalation: no update in the 10 working days since due 29 Nov 2019", run.Output);
        Assert.Contains("30 finished (complete or closed)", run.Output);
    }

    [Fact]
    public async Task Without_dry_run_it_says_plainly_that_sending_is_the_schedulers_job()
    {
        var run = await _planbot.RunAsync("remind", "--plan", "odkm");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Use --dry-run", run.Error);
    }

    [Fact]
    public async Task A_malformed_instant_is_refused_with_the_expected_form()
    {
        var run = await _planbot.RunAsync("remind", "--plan", "odkm", "--dry-run", "--at", "next tuesday");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--at 'next tuesday' is not an instant", run.Error);
    }
}
