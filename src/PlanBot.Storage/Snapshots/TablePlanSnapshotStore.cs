using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;

using PlanBot.Storage.Generations;

namespace PlanBot.Storage.Snapshots;

/// <summary>
/// <see cref="IPlanSnapshotStore"/> on Azure Table storage (keys in <see cref="SnapshotEntity"/> and
/// <see cref="SnapshotChunks"/>, and docs/storage.md). A save writes the compressed milestones as chunk rows in a
/// partition of their own, then adds or replaces the week's head row under its ETag to point at them: that single write
/// is the commit, so a reader gets the old snapshot or the new one, never half of either.
/// </summary>
public sealed partial class TablePlanSnapshotStore : IPlanSnapshotStore
{
    private const int MaxBatchEntities = 100;
    private const int MaxReadAttempts = 3;

    private readonly PlanBotTables _tables;
    private readonly TableClient _table;
    private readonly int _maxConcurrentWrites;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TablePlanSnapshotStore(PlanBotTables tables, TimeProvider time, ILogger<TablePlanSnapshotStore>? logger = null)
    {
        _tables = tables;
        _table = _tables.Snapshots;
        _maxConcurrentWrites = tables.Options.MaxConcurrentBatches;
        _time = time;
        _logger = logger ?? NullLogger<TablePlanSnapshotStore>.Instance;
    }

    public async Task SaveAsync(PlanSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!PlanId.IsValid(snapshot.PlanId))
            throw new ArgumentException($"'{snapshot.PlanId}' is not a valid plan id.", nameof(snapshot));
        if (SnapshotWeek.Of(snapshot.WeekOf) != snapshot.WeekOf)
            throw new ArgumentException($"A snapshot's week starts on a Monday; {snapshot.WeekOf:yyyy-MM-dd} is a {snapshot.WeekOf.DayOfWeek}.", nameof(snapshot));
        if (SnapshotWeek.Of(snapshot.AsAt) != snapshot.WeekOf)
            throw new ArgumentException($"A snapshot for the week of {snapshot.WeekOf:yyyy-MM-dd} cannot be as at {snapshot.AsAt:yyyy-MM-dd}.", nameof(snapshot));

        var planId = snapshot.PlanId;
        var week = snapshot.WeekOf;
        var payload = SnapshotPayload.Write(snapshot.Milestones);
        var existing = await ReadHeadAsync(planId, week, cancellationToken).ConfigureAwait(false);
        var generation = await ClaimGenerationAsync(planId, week, Math.Max((existing?.Generation ?? 0) + 1, _time.GetUtcNow().UtcTicks), cancellationToken)
            .ConfigureAwait(false);

        var partition = SnapshotChunks.Partition(planId, week, generation);
        var rows = SnapshotChunks.Split(partition, payload);
        try
        {
            // Upserts, so the SDK retrying a write that had landed is harmless; nobody else writes this partition.
            var options = new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrentWrites, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(rows, options, async (row, token) =>
                await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, token).ConfigureAwait(false)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception e)
        {
            // The head row still names the previous generation; this one is deleted by the week's next save.
            LogSaveStopped(e, planId, week, generation);
            throw;
        }

        var head = new SnapshotEntity
        {
            PartitionKey = planId,
            RowKey = SnapshotEntity.Key(week),
            Generation = generation,
            AsAt = SnapshotEntity.Key(snapshot.AsAt),
            TakenAt = snapshot.TakenAt,
            MilestoneCount = snapshot.Milestones.Count,
            ChunkCount = rows.Count,
            Bytes = payload.Length,
            Format = SnapshotPayload.Format,
        };
        if (!await FlipAsync(head, existing).ConfigureAwait(false))
        {
            LogSuperseded(planId, week, snapshot.TakenAt);
            return;
        }

        LogSaved(planId, week, generation, snapshot.Milestones.Count, payload.Length, rows.Count);
        await CleanUpAsync(planId, week, generation).ConfigureAwait(false);
    }

    public async Task<PlanSnapshot?> GetAsync(string planId, DateOnly weekOf, CancellationToken cancellationToken = default)
    {
        if (!PlanId.IsValid(planId)) return null;
        var week = SnapshotWeek.Of(weekOf);

        // A save of the same week deletes the generation it replaced once it has committed; a reader part-way through
        // that generation finds rows missing, and the head row, read again, names the new one.
        for (var attempt = 1; ; attempt++)
        {
            var head = await ReadHeadAsync(planId, week, cancellationToken).ConfigureAwait(false);
            if (head is null) return null;
            if (head.Format != SnapshotPayload.Format)
                throw new InvalidDataException($"The snapshot of plan '{planId}' for the week of {week:yyyy-MM-dd} is stored as '{head.Format}', which this version cannot read.");

            var partition = SnapshotChunks.Partition(planId, week, head.Generation);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            var rows = new List<TableEntity>(head.ChunkCount + 1);
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.RowKey != SnapshotChunks.ClaimKey) rows.Add(row);
            }

            if (rows.Count == head.ChunkCount)
            {
                using var payload = SnapshotChunks.Join(rows);
                if (payload.Length == head.Bytes)
                {
                    return new PlanSnapshot
                    {
                        PlanId = planId,
                        WeekOf = week,
                        AsAt = head.ReadAsAt(),
                        TakenAt = head.TakenAt,
                        Milestones = SnapshotPayload.Read(payload),
                    };
                }
            }

            LogIncompleteRead(planId, week, head.Generation, rows.Count, head.ChunkCount, attempt);
            if (attempt == MaxReadAttempts)
                throw new InvalidOperationException(
                    $"The snapshot of plan '{planId}' for the week of {week:yyyy-MM-dd} could not be read consistently: generation {head.Generation} holds {rows.Count} of its {head.ChunkCount} chunks.");
        }
    }

    public async Task<PlanSnapshot?> GetLatestBeforeAsync(string planId, DateOnly weekOf, CancellationToken cancellationToken = default)
    {
        if (!PlanId.IsValid(planId)) return null;
        var before = SnapshotEntity.Key(SnapshotWeek.Of(weekOf));
        var weeks = await ReadWeeksAsync(TableClient.CreateQueryFilter($"PartitionKey eq {planId} and RowKey lt {before}"), cancellationToken)
            .ConfigureAwait(false);
        return weeks.Count == 0 ? null : await GetAsync(planId, weeks[^1], cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DateOnly>> ListWeeksAsync(string planId, CancellationToken cancellationToken = default)
    {
        if (!PlanId.IsValid(planId)) return [];
        return await ReadWeeksAsync(TableClient.CreateQueryFilter($"PartitionKey eq {planId}"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Week keys of head rows matching the filter, oldest first (the service returns rows in key order).</summary>
    private async Task<List<DateOnly>> ReadWeeksAsync(string filter, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var weeks = new List<DateOnly>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A row added by hand under the plan's partition that is not a week is not a snapshot.
            if (SnapshotEntity.TryReadKey(row.RowKey, out var week)) weeks.Add(week);
        }
        weeks.Sort();
        return weeks;
    }

    private async Task<SnapshotEntity?> ReadHeadAsync(string planId, DateOnly week, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<SnapshotEntity>(planId, SnapshotEntity.Key(week), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    private async Task<SnapshotEntity?> TryReadHeadAsync(string planId, DateOnly week)
    {
        try
        {
            return await ReadHeadAsync(planId, week, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            return null;
        }
    }

    /// <summary>Inserts the generation's claim row; a clash (another save in the same tick) moves on to the next number.</summary>
    private async Task<long> ClaimGenerationAsync(string planId, DateOnly week, long generation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _table.AddEntityAsync(new TableEntity(SnapshotChunks.Partition(planId, week, generation), SnapshotChunks.ClaimKey), cancellationToken)
                    .ConfigureAwait(false);
                return generation;
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < 10)
            {
                generation++;
            }
        }
    }

    /// <summary>
    /// Adds the head row, or replaces it under the ETag read before writing. When another save of the same week commits
    /// in between, that one stands and this one is dropped (returns false): both are the week's state read moments apart,
    /// and flipping over it could name a generation that its tidying has already started to delete.
    /// </summary>
    private async Task<bool> FlipAsync(SnapshotEntity head, SnapshotEntity? existing)
    {
        var week = head.ReadWeekOf();

        // Once sent, a flip is not abandoned on cancellation: its outcome must be known before anything is deleted.
        try
        {
            if (existing is null) await _table.AddEntityAsync(head, CancellationToken.None).ConfigureAwait(false);
            else await _table.UpdateEntityAsync(head, existing.ETag, TableUpdateMode.Replace, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // A retry refused because the first attempt had landed leaves the row naming this generation.
            if (await TryReadHeadAsync(head.PartitionKey, week).ConfigureAwait(false) is { } now && now.Generation == head.Generation) return true;
            await DeleteGenerationQuietlyAsync(head.PartitionKey, week, head.Generation).ConfigureAwait(false);
            return false;
        }
        catch (Exception)
        {
            // The outcome is unknown (a timeout, say): it committed only if the head row now names this generation.
            if (await TryReadHeadAsync(head.PartitionKey, week).ConfigureAwait(false) is { } now && now.Generation == head.Generation) return true;
            throw;
        }
    }

    /// <summary>
    /// Deletes every generation of the week below the new one: the one it replaced, and any left by saves that stopped
    /// before their commit. Higher generations belong to saves that started later and are left alone. Keeping the
    /// replaced one for slow readers would double what every re-taken week holds; those readers read the head again.
    /// </summary>
    private async Task CleanUpAsync(string planId, DateOnly week, long current)
    {
        using var timeout = new CancellationTokenSource(GenerationRows.CleanupTimeout);
        try
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey ge {SnapshotChunks.Partition(planId, week, 0)} and PartitionKey lt {SnapshotChunks.Partition(planId, week, current)}");
            await GenerationRows.DeleteAsync(_table, filter, null, LogGenerationDeleted, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogCleanupFailed(e, planId, week, current);
        }
    }

    private async Task DeleteGenerationQuietlyAsync(string planId, DateOnly week, long generation)
    {
        using var timeout = new CancellationTokenSource(GenerationRows.CleanupTimeout);
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SnapshotChunks.Partition(planId, week, generation)}");
            await GenerationRows.DeleteAsync(_table, filter, null, LogGenerationDeleted, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogCleanupFailed(e, planId, week, generation);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved the snapshot of plan {PlanId} for the week of {WeekOf:yyyy-MM-dd}: generation {Generation}, {Milestones} milestones, {Bytes} compressed bytes in {Chunks} chunk rows")]
    private partial void LogSaved(string planId, DateOnly weekOf, long generation, int milestones, int bytes, int chunks);

    [LoggerMessage(Level = LogLevel.Information, Message = "The snapshot of plan {PlanId} for the week of {WeekOf:yyyy-MM-dd} taken at {TakenAt} was not kept: another save of that week committed first")]
    private partial void LogSuperseded(string planId, DateOnly weekOf, DateTimeOffset takenAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the snapshot of plan {PlanId} for the week of {WeekOf:yyyy-MM-dd} stopped before its commit; generation {Generation} is left for the week's next save to delete")]
    private partial void LogSaveStopped(Exception exception, string planId, DateOnly weekOf, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old snapshot generations of plan {PlanId} for the week of {WeekOf:yyyy-MM-dd} below generation {Generation}; the week's next save tries again")]
    private partial void LogCleanupFailed(Exception exception, string planId, DateOnly weekOf, long generation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted snapshot partition {Partition} ({Rows} rows)")]
    private partial void LogGenerationDeleted(string partition, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of plan {PlanId} for the week of {WeekOf:yyyy-MM-dd}, generation {Generation}, returned {Read} of {Expected} chunks (attempt {Attempt}); reading again")]
    private partial void LogIncompleteRead(string planId, DateOnly weekOf, long generation, int read, int expected, int attempt);
}
