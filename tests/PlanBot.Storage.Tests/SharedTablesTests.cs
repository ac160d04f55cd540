using System.Reflection;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PlanBot.BotFramework.Conversations;
using PlanBot.Core.Digests;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Users;
using PlanBot.Storage.Instances;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests;

/// <summary>One Table service client per process, shared by every store, and the tables created once when the host starts.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SharedTablesTests(AzuriteFixture azurite)
{
    private readonly string _prefix = TestTablePrefix.New();

    [Fact]
    public void Every_store_and_the_health_check_use_the_one_client_of_the_process()
    {
        using var provider = Services();
        var tables = provider.GetRequiredService<PlanBotTables>();
        object[] users =
        [
            provider.GetRequiredService<IPlanStore>(), provider.GetRequiredService<IConversationReferenceStore>(),
            provider.GetRequiredService<IUserSettingsStore>(), provider.GetRequiredService<IPeopleStore>(),
            provider.GetRequiredService<IReminderLedger>(), provider.GetRequiredService<IPlanSnapshotStore>(),
            provider.GetRequiredService<IDigestSubscriptionStore>(), provider.GetRequiredService<IDigestLedger>(),
            provider.GetRequiredService<IBoardPackOfferStore>(), provider.GetRequiredService<TableInstanceHeartbeats>(),
        ];

        foreach (var user in users)
            Assert.Same(tables, FieldOf<PlanBotTables>(user));
        Assert.Same(tables.Service, FieldOf<TableServiceClient>(provider.GetRequiredService<TableStorageHealth>()));
    }

    [Fact]
    public async Task Starting_the_host_creates_every_table_before_any_store_is_used()
    {
        using var provider = Services();

        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);

        var service = new TableServiceClient(azurite.ConnectionString);
        var existing = new List<string>();
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {_prefix} and TableName lt {_prefix + "~"}")))
            existing.Add(table.Name);
        Assert.Equal(TableNames.For(_prefix).All.Order(StringComparer.Ordinal), existing.Order(StringComparer.Ordinal));
        Assert.Contains(_prefix + "Instances", existing);
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["PlanBot:Storage:TablePrefix"] = _prefix,
        }).Build();
        return new ServiceCollection().AddLogging().AddPlanBotTableStorage(configuration).BuildServiceProvider();
    }

    private static T FieldOf<T>(object owner) =>
        (T)owner.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Single(f => f.FieldType == typeof(T)).GetValue(owner)!;
}
