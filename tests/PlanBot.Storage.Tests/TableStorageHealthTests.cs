using System.Net;
using System.Net.Sockets;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class TableStorageHealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_running_emulator_is_reported_reachable()
    {
        var health = new TableStorageHealth(new PlanBotTables(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestTablePrefix.New() }));

        var result = await health.CheckAsync(CancellationToken.None);

        Assert.True(result.Reachable, result.Detail);
    }

    [Fact]
    public async Task A_closed_port_is_reported_unreachable_quickly_without_revealing_the_key()
    {
        var port = ClosedPort();
        var connectionString = azurite.ConnectionString.Replace($":{azurite.Port}/", $":{port}/", StringComparison.Ordinal);
        var health = new TableStorageHealth(new PlanBotTables(new TableStorageOptions { ConnectionString = connectionString, HealthCheckTimeout = TimeSpan.FromSeconds(2) }));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await health.CheckAsync(CancellationToken.None);

        Assert.False(result.Reachable);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(AzuriteFixture.AccountKey, result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_with_an_unusable_table_prefix_are_refused_with_the_setting_named()
    {
        var options = new TableStorageOptions { TablePrefix = "plan-bot" };

        var error = Assert.Throws<InvalidOperationException>(() => new PlanBotTables(options));

        Assert.Contains("PlanBot:Storage:TablePrefix 'plan-bot'", error.Message);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
