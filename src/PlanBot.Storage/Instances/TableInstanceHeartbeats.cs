using Azure;
using Azure.Data.Tables;

namespace PlanBot.Storage.Instances;

/// <summary>
/// Which host instances are alive, for sharing the app-wide send budget between them. Table <c>{prefix}Instances</c>:
/// PartitionKey <c>instances</c> (one small partition, read whole), RowKey the instance id, <c>LastSeen</c> the time
/// of its latest heartbeat. A row whose heartbeat is older than the time to live counts as gone, and is removed by
/// the next instance that counts.
/// </summary>
public sealed class TableInstanceHeartbeats
{
    private const string Partition = "instances";
    private readonly PlanBotTables _tables;
    private readonly TableClient _table;

    public TableInstanceHeartbeats(PlanBotTables tables)
    {
        _tables = tables;
        _table = tables.Instances;
    }

    /// <summary>Records that <paramref name="instanceId"/> is alive at <paramref name="now"/>.</summary>
    public async Task BeatAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, instanceId) { ["LastSeen"] = now };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many instances beat within <paramref name="timeToLive"/> of <paramref name="now"/>; removes the rest.</summary>
    public async Task<int> CountLiveAsync(DateTimeOffset now, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var live = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset("LastSeen") is { } seen && now - seen <= timeToLive)
            {
                live++;
                continue;
            }
            // Under the row's ETag: an instance that beat again meanwhile keeps its row.
            try { await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false); }
            catch (RequestFailedException e) when (e.Status is 404 or 412) { }
        }
        return live;
    }

    /// <summary>Removes <paramref name="instanceId"/> at shutdown, so the others take its share at once.</summary>
    public async Task LeaveAsync(string instanceId, CancellationToken cancellationToken)
    {
        try { await _table.DeleteEntityAsync(Partition, instanceId, ETag.All, cancellationToken).ConfigureAwait(false); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }
}
