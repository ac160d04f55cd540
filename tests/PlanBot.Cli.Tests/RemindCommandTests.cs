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
        Assert.True(run.Output.Contains("Plan odkm as at Wed 22 Jan 2020 09:00 (London): 25 reminders due to 15 people."), run.Output);
        Assert.Contains("Policy (PlanBot:Reminders:Policy): Reminders 14, 7 and 1 working days before the due date", run.Output);
        Assert.Contains("7 working days before due 31 Jan 2020", run.Output);
        Assert.Contains("escalation: no update in the 10 working days since due 29 Nov 2019", run.Output);
        // Jan Thomas answers for #39 and is sent its chasers too: one card with both reasons, not two.
        Assert.Contains("Escalation + Overdue", run.Output);
        Assert.Contains("1 person gets theirs as one message listing them", run.Output);
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
        Assert.True(run.Output.Contains("Plan odkm as at Wed 22 Jan 2020 09:00 (London): 25 reminders due, 9 sent in 5 messages, 16 given back for the next sweep, 0 given up for today"), run.Output);
        Assert.Contains("Not delivered: odkm #13: could not reach Mark Sanderson: not found in the people file (no directory)", run.Output);
        // Three people reachable, each chat opened once: Louis Kamfer's five escalations in one message, Sue Graham's and
        // Jane Webster's two each as cards (#38's escalation and chaser to Sue merged into one).
        Assert.Equal(3, connector.Delivered.Count(d => d.Route == RouteKind.CreateConversation));
        Assert.Equal(5, sent.Count);
        Assert.Contains(sent, d => d.Text == "Reminder: 5 milestones need your update: #21, #36, #37, #41 and #42.");
        Assert.Single(sent, d => d.Text!.StartsWith("Reminder: #38 ", StringComparison.Ordinal) && d.Text.Contains("; also overdue chaser 7"));
        // The same day again: those not reached are tried again — all but Louise Mitchell, whose #44 reached Jane
        // Webster, its other owner — and nobody reached gets anything twice.
        Assert.True(again.ExitCode == 0, again.All);
        Assert.True(again.Output.Contains("15 reminders due, 0 sent in 0 messages, 15 given back"), again.Output);
        Assert.Equal(5, connector.Delivered.Count(d => d.Route == RouteKind.SendToConversation));
    }

    [Fact]
    public async Task A_malformed_instant_is_refused_with_the_expected_form()
    {
        var run = await _planbot.RunAsync("remind", "--plan", "odkm", "--dry-run", "--at", "next tuesday");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--at 'next tuesday' is not an instant", run.Error);
    }
}
