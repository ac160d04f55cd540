using Azure.Data.Tables;

namespace PlanBot.Storage.Generations;

/// <summary>
/// Deletes the rows of superseded generations for the stores that commit by flipping a head row to a new generation's
/// partition (people, snapshots): read only the keys, then delete in batches of up to 100 per partition.
/// </summary>
internal static class GenerationRows
{
    /// <summary>How long a tidy-up may take; it runs after the commit and is retried by the next save if it fails.</summary>
    public static readonly TimeSpan CleanupTimeout = TimeSpan.FromMinutes(1);

    private const int MaxBatchEntities = 100;
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    /// <summary>
    /// Deletes every row <paramref name="filter"/> selects, except in partitions <paramref name="keepPartition"/> keeps,
    /// calling <paramref name="deleted"/> with each partition emptied and its row count.
    /// </summary>
    public static async Task DeleteAsync(TableClient table, string filter, Func<string, bool>? keepPartition, Action<string, int> deleted,
        CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: KeyColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (keepPartition?.Invoke(row.PartitionKey) != true) rows.Add(row);
        }

        // Deleting a generation's claim row last would be tidier, but a half-deleted old generation is never read again.
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var batch in partition.Chunk(MaxBatchEntities))
            {
                await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)), cancellationToken)
                    .ConfigureAwait(false);
            }
            deleted(partition.Key, partition.Count());
        }
    }
}
