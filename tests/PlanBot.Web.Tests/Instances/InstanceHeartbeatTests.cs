using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Connector;
using PlanBot.Storage;
using PlanBot.Storage.Instances;
using PlanBot.Testing;
using PlanBot.Web.Instances;

namespace PlanBot.Web.Tests.Instances;

/// <summary>Instance heartbeats in Table storage (Azurite) setting each host's share of the connector's send budget.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class InstanceHeartbeatTests(AzuriteFixture azurite)
{
    private readonly string _prefix = TestTablePrefix.New();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 1, 20, 9, 0, 0, TimeSpan.Zero));

    private (InstanceHeartbeatService Service, ConnectorSendBudget Budget) Instance(string id, bool enabled = true)
    {
        var heartbeats = new TableInstanceHeartbeats(new PlanBotTables(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = _prefix }));
        var budget = new ConnectorSendBudget();
        var options = Options.Create(new InstanceOptions { InstanceId = id, HeartbeatInterval = TimeSpan.FromSeconds(15), Enabled = enabled });
        return (new InstanceHeartbeatService(heartbeats, budget, options, _time, NullLogger<InstanceHeartbeatService>.Instance), budget);
    }

    [Fact]
    public async Task Two_instances_beating_into_the_same_table_each_take_half_of_the_budget()
    {
        var a = Instance("a");
        var b = Instance("b");

        await a.Service.BeatAsync(CancellationToken.None);
        Assert.Equal(1, a.Budget.Instances);
        await b.Service.BeatAsync(CancellationToken.None);
        await a.Service.BeatAsync(CancellationToken.None);

        Assert.Equal(2, a.Budget.Instances);
        Assert.Equal(2, b.Budget.Instances);
    }

    [Fact]
    public async Task An_instance_that_stops_beating_drops_out_after_three_missed_beats_and_one_that_leaves_at_once()
    {
        var a = Instance("a");
        var b = Instance("b");
        var c = Instance("c");
        foreach (var instance in new[] { a, b, c, a }) await instance.Service.BeatAsync(CancellationToken.None);
        Assert.Equal(3, a.Budget.Instances);

        // b crashes (no more beats); c stops cleanly.
        await c.Service.StopAsync(CancellationToken.None);
        await a.Service.BeatAsync(CancellationToken.None);
        Assert.Equal(2, a.Budget.Instances);

        _time.Advance(TimeSpan.FromSeconds(46));
        await a.Service.BeatAsync(CancellationToken.None);
        Assert.Equal(1, a.Budget.Instances);
    }

    [Fact]
    public async Task A_host_with_heartbeats_off_takes_no_share_of_the_budget()
    {
        var production = Instance("production");
        var staging = Instance("staging", enabled: false);

        await staging.Service.BeatAsync(CancellationToken.None);
        await production.Service.BeatAsync(CancellationToken.None);

        Assert.Equal(1, production.Budget.Instances);
    }
}
