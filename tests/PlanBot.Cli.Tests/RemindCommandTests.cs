using PlanBot.Testing;
using PlanBot.Testing.Bot;

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
    public async Task Without_dry_run_one_sweep_sends_what_is_due_through_the_connector_once_and_says_who_was_not_reached()
    {
        await using var connector = await FakeConnector.StartAsync();
        var import = await _planbot.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm");
        Assert.True(import.ExitCode == 0, import.All);
        var people = Path.Combine(Path.GetTempPath(), $"people-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(people, """
            Name,Email,AadObjectId,Roles,Delegate
            Louis Kamfer,louis.kamfer@nhs.net,11111111-1111-1111-1111-111111111111,,
            Sue Graham,sue.graham@nhs.net,22222222-2222-2222-2222-222222222222,,
            Jane Webster,jane.webster@nhs.net,33333333-3333-3333-3333-333333333333,,
            """);
        Assert.Equal(0, (await _planbot.RunAsync("people", "import", people)).ExitCode);
        var environment = new Dictionary<string, string>
        {
            ["PlanBot__PersonalChats__ServiceUrl"] = connector.ServiceUrl,
            ["PlanBot__PersonalChats__TenantId"] = "tenant-1",
            ["PlanBot__Bot__TrustedServiceUrls__0"] = connector.ServiceUrl,
        };

        var run = await _planbot.RunAsync(environment, "remind", "--plan", "odkm", "--at", "2020-01-22T09:00:00Z");
        var sent = connector.Delivered.Where(d => d.Route == RouteKind.SendToConversation).ToList();
        var again = await _planbot.RunAsync(environment, "remind", "--plan", "odkm", "--at", "2020-01-22T09:05:00Z");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Plan odkm as at 22 Jan 2020 09:00 (London): 15 reminders due, 8 sent, 7 given back for the next sweep, 0 given up", run.Output);
        Assert.Contains("Not delivered: odkm #13: could not reach Mark Sanderson: not found in the people file (no directory)", run.Output);
        // #41 goes to two owners; each person's chat is opened once, then found again in the store.
        Assert.Equal(3, connector.Delivered.Count(d => d.Route == RouteKind.CreateConversation));
        Assert.Equal(9, sent.Count);
        Assert.Equal(["#21", "#23", "#36", "#37", "#38", "#41", "#41", "#42", "#44"], sent.Select(d => d.Text!.Split(' ')[0] == "Reminder:" ? d.Text.Split(' ')[1] : d.Text.Split(' ')[0]).Order());
        Assert.True(again.ExitCode == 0, again.All);
        // The seven not reached are tried again. Each escalation sent is followed by its milestone's chaser (the planner
        // sends the escalation first); only #38's chaser goes to someone reachable, the others to delivery owners who are not.
        Assert.True(again.Output.Contains("14 reminders due, 1 sent, 13 given back"), again.Output);
        var latest = Assert.Single(connector.Delivered.Where(d => d.Route == RouteKind.SendToConversation).Skip(9));
        Assert.StartsWith("Reminder: #38", latest.Text);
    }

    [Fact]
    public async Task A_malformed_instant_is_refused_with_the_expected_form()
    {
        var run = await _planbot.RunAsync("remind", "--plan", "odkm", "--dry-run", "--at", "next tuesday");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--at 'next tuesday' is not an instant", run.Error);
    }
}
