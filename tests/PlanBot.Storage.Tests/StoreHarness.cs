using Azure.Data.Tables;
using PlanBot.Core.Plans;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests;

/// <summary>A store on fresh tables in the shared Azurite, plus direct access to those tables for checking what was written.</summary>
internal sealed class StoreHarness
{
    public StoreHarness(AzuriteFixture azurite, int maxConcurrentBatches = 6, TimeProvider? time = null)
    {
        Tables = new PlanBotTables(new TableStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = TestTablePrefix.New(),
            MaxConcurrentBatches = maxConcurrentBatches,
        });
        Store = new TablePlanStore(Tables, time ?? TimeProvider.System);
        Names = Tables.Names;
        Service = new TableServiceClient(azurite.ConnectionString);
    }

    public PlanBotTables Tables { get; }
    public TablePlanStore Store { get; }
    public TableNames Names { get; }
    public TableServiceClient Service { get; }

    public Task<PlanSummary> ImportAsync(Plan plan, string? expectedVersion = null, IReadOnlyList<MilestoneHistoryEntry>? history = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Store.CommitImportAsync(plan, expectedVersion, "test:importer", history ?? [], progress, cancellationToken);

    public async Task<int> CountRowsAsync(string table, string partitionKey)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        var count = 0;
        await foreach (var _ in Service.GetTableClient(table).QueryAsync<TableEntity>(filter, select: ["RowKey"])) count++;
        return count;
    }

    public Task<int> MilestoneRowsAsync(string planId, long generation) =>
        CountRowsAsync(Names.Milestones, planId + "@" + generation.ToString("D19", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The plan's import generations and their states, oldest first.</summary>
    public async Task<List<(long Generation, string State)>> GenerationsAsync(string planId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {planId}");
        var list = new List<(long, string)>();
        await foreach (var row in Service.GetTableClient(Names.ImportGenerations).QueryAsync<TableEntity>(filter))
            list.Add((long.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture), row.GetString("State")));
        return list;
    }
}

/// <summary>Progress that runs its action on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class InlineProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
