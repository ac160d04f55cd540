using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Storage;
using PlanBot.Storage.People;
using PlanBot.Testing;
using PlanBot.Testing.Bot;

namespace PlanBot.Web.Tests;

/// <summary>
/// A host killed in the middle of a reminder sweep loses nothing: a second host, started afterwards on the same
/// tables, sends every reminder the first did not, once its claims' leases lapse. Both are real PlanBot.Web processes.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ReminderCrashTests(AzuriteFixture azurite)
{
    private const int Owners = 120;

    [Fact]
    public async Task Killing_a_host_mid_sweep_and_starting_another_loses_no_reminder()
    {
        await using var connector = await FakeConnector.StartAsync();
        var prefix = TestTablePrefix.New();
        var tables = new PlanBotTables(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });
        // One milestone per owner, so each reminder goes to its own chat and the sweep runs at the connector's global pace
        // (40 requests a second): a chat opened and a card sent each, about six seconds in all.
        var plan = TestPlans.Small("odkm", milestones: Owners);
        plan = plan with
        {
            Milestones = [.. plan.Milestones.Select((m, i) => m with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 28)), Owners = [TestPlans.Delivery($"Owner {i + 1}")] })],
        };
        await new TablePlanStore(tables, TimeProvider.System).CommitImportAsync(plan, null, "test", [], null, CancellationToken.None);
        await new TablePeopleStore(tables, TimeProvider.System).ReplaceAllAsync(
            [.. Enumerable.Range(1, Owners).Select(i => new Person($"Owner {i}", $"owner{i}@nhs.net", $"00000000-0000-0000-0000-{i:D12}"))], "test", null);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Tables"] = azurite.ConnectionString,
            ["PlanBot__Storage__TablePrefix"] = prefix,
            // Due Tuesday 28 Jan: the 7-working-days reminder's slot (Friday 17 Jan, 09:00) has passed at any time on the 20th.
            ["PlanBot__Today"] = "2020-01-20",
            ["PlanBot__Reminders__Enabled"] = "true",
            ["PlanBot__Reminders__SweepInterval"] = "00:00:01",
            ["PlanBot__Reminders__Lease"] = "00:00:10",
            // The host runs on the real clock: a window covering the whole day keeps the test independent of the hour.
            ["PlanBot__Reminders__Policy__SendAt"] = "00:00",
            ["PlanBot__Reminders__Policy__SendUntil"] = "23:59:59",
            ["PlanBot__Digests__Enabled"] = "false",
            ["PlanBot__PersonalChats__ServiceUrl"] = connector.ServiceUrl,
            ["PlanBot__PersonalChats__TenantId"] = "tenant-1",
            ["PlanBot__Bot__TrustedServiceUrls__0"] = connector.ServiceUrl,
        };

        await using (var first = WebHostProcess.Start(environment))
        {
            await WaitForAsync(() => Cards(connector).Count >= 30, TimeSpan.FromSeconds(60), first);
            await first.KillAsync();
        }
        var sentBeforeTheCrash = Cards(connector).Count;
        Assert.InRange(sentBeforeTheCrash, 30, Owners - 1);

        await using var second = WebHostProcess.Start(environment);
        await WaitForAsync(() => Cards(connector).Select(c => c.ConversationId).Distinct().Count() == Owners, TimeSpan.FromSeconds(90), second);

        var cards = Cards(connector);
        Assert.Equal(Owners, cards.Select(c => c.ConversationId).Distinct().Count());
        // At most the sends in flight when the host died (PlanBot:Reminders:SendConcurrency, 8) can go twice: sent, not yet recorded.
        Assert.InRange(cards.Count, Owners, Owners + 8);
        // The sweep logs its summary after its last send has been recorded, so the line can come a moment after the card.
        await WaitForAsync(() => second.Output.Contains("Reminder sweep:", StringComparison.Ordinal), TimeSpan.FromSeconds(30), second);
    }

    private static List<ReceivedRequest> Cards(FakeConnector connector) =>
        [.. connector.Delivered.Where(d => d.Route == RouteKind.SendToConversation)];

    private static async Task WaitForAsync(Func<bool> done, TimeSpan limit, WebHostProcess host)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!done())
        {
            if (host.HasExited) Assert.Fail("The host stopped:\n" + host.Output);
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not done within {limit.TotalSeconds:0} s. Host output:\n{host.Output}");
            await Task.Delay(100);
        }
    }
}
