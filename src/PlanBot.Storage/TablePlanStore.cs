using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PlanBot.Core.Plans;
using PlanBot.Storage.ExceptionReports;
using PlanBot.Storage.Generations;
using PlanBot.Storage.History;
using PlanBot.Storage.Milestones;
using PlanBot.Storage.Plans;

namespace PlanBot.Storage;

/// <summary>
/// <see cref="IPlanStore"/> on Azure Table storage; the tables and keys are described in docs/storage.md.
/// An import writes a new generation partition beside the one readers use, then replaces the plan row
/// (ETag-guarded) to point at it: that single write is the commit.
/// </summary>
public sealed partial class TablePlanStore : IPlanStore, IImportBaseStore
{
    private const int MaxBatchEntities = 100;

    // The service refuses entity-group transactions over 4 MiB; entity sizes are upper-bound estimates.
    private const long MaxBatchWireBytes = 3_500_000;

    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    private readonly PlanBotTables _tables;
    private readonly int _maxConcurrentBatches;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TablePlanStore(PlanBotTables tables, TimeProvider timeProvider, ILogger<TablePlanStore>? logger = null)
    {
        _tables = tables;
        _maxConcurrentBatches = tables.Options.MaxConcurrentBatches;
        _time = timeProvider;
        _logger = logger ?? NullLogger<TablePlanStore>.Instance;
    }

    public TableNames Tables => _tables.Names;

    public async Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PlanEntity.Partition}");
        var plans = new List<PlanSummary>();
        await foreach (var row in _tables.Plans.QueryAsync<PlanEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            plans.Add(row.ToSummary(row.ETag));
        return plans;
    }

    public async Task<PlanSummary?> GetSummaryAsync(string planId, CancellationToken cancellationToken = default)
    {
        var row = await ReadPlanRowAsync(planId, cancellationToken).ConfigureAwait(false);
        return row?.ToSummary(row.ETag);
    }

    public async Task<StoredPlan?> GetPlanAsync(string planId, CancellationToken cancellationToken = default)
    {
        // A reader can lose the race with two imports in quick succession (the generation it is reading is deleted
        // by the second); the counts on the plan row reveal that, and a fresh read of the row fixes it.
        for (var attempt = 1; ; attempt++)
        {
            var row = await ReadPlanRowAsync(planId, cancellationToken).ConfigureAwait(false);
            if (row is null) return null;

            var partition = GenerationKeys.Partition(row.RowKey, row.Generation);
            var milestonesRead = ReadPartitionAsync<MilestoneEntity>(_tables.Milestones, partition, cancellationToken);
            var exceptionsRead = ReadPartitionAsync<ExceptionReportEntity>(_tables.ExceptionReports, partition, cancellationToken);
            await Task.WhenAll(milestonesRead, exceptionsRead).ConfigureAwait(false);
            var milestones = await milestonesRead.ConfigureAwait(false);
            var exceptions = await exceptionsRead.ConfigureAwait(false);

            // An update adds its exception entry just before it counts it on the plan row, so more is fine; fewer is not.
            if (milestones.Count == row.MilestoneCount && exceptions.Count >= row.ExceptionCount)
            {
                var plan = new Plan
                {
                    Id = row.RowKey,
                    Name = row.Name,
                    SourceFile = row.SourceFile,
                    TableTitles = row.ReadTableTitles(),
                    RatingHeader = row.RatingHeader,
                    Milestones = milestones.Select(m => m.ToMilestone()).OrderBy(m => m.Ref).ToList(),
                    Exceptions = exceptions.OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(e => e.ToEntry()).ToList(),
                };
                return new StoredPlan(row.ToSummary(row.ETag), plan);
            }

            LogIncompleteRead(planId, row.Generation, milestones.Count, row.MilestoneCount, attempt);
            if (attempt == 3)
                throw new InvalidOperationException(
                    $"Plan '{planId}' could not be read consistently: generation {row.Generation} holds {milestones.Count} of its {row.MilestoneCount} milestones and {exceptions.Count} of its {row.ExceptionCount} exception report entries.");
        }
    }

    public async Task<Milestone?> GetMilestoneAsync(string planId, MilestoneRef reference, CancellationToken cancellationToken = default)
    {
        long? lastGeneration = null;
        while (true)
        {
            var row = await ReadPlanRowAsync(planId, cancellationToken).ConfigureAwait(false);
            if (row is null || row.Generation == lastGeneration) return null;
            var found = await _tables.Milestones.GetEntityIfExistsAsync<MilestoneEntity>(
                GenerationKeys.Partition(row.RowKey, row.Generation), reference.SortKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (found.HasValue) return found.Value!.ToMilestone();

            // Absent, or an import moved the plan on between the two reads: look once more at the current generation.
            lastGeneration = row.Generation;
        }
    }

    public async Task<IReadOnlyList<MilestoneHistoryEntry>> GetHistoryAsync(string planId, MilestoneRef reference, CancellationToken cancellationToken = default)
    {
        if (!PlanId.IsValid(planId)) return [];
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ReadPartitionAsync<MilestoneHistoryEntity>(
            _tables.MilestoneHistory, MilestoneHistoryEntity.Partition(planId, reference), cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => r.ToEntry()).ToList();
    }

    public Task<PlanSummary> CommitImportAsync(
        Plan plan,
        string? expectedVersion,
        string importedBy,
        IReadOnlyList<MilestoneHistoryEntry> history,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default) =>
        CommitImportAsync(plan, [], expectedVersion, importedBy, history, progress, cancellationToken);

    public async Task<IReadOnlyDictionary<MilestoneRef, Milestone>> GetImportBasesAsync(string planId, long generation, CancellationToken cancellationToken = default)
    {
        if (!PlanId.IsValid(planId)) return new Dictionary<MilestoneRef, Milestone>();
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ReadPartitionAsync<MilestoneEntity>(_tables.ImportBases, GenerationKeys.Partition(planId, generation), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToMilestone()).ToDictionary(m => m.Ref);
    }

    public async Task<PlanSummary> CommitImportAsync(
        Plan plan,
        IReadOnlyList<Milestone> importBases,
        string? expectedVersion,
        string importedBy,
        IReadOnlyList<MilestoneHistoryEntry> history,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(importBases);
        ArgumentException.ThrowIfNullOrWhiteSpace(importedBy);
        ArgumentNullException.ThrowIfNull(history);
        PlanId.Validate(plan.Id);
        RefuseDuplicateReferences(plan);
        var started = _time.GetTimestamp();

        // 1. The version check, before anything is written.
        var existing = await ReadPlanRowAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        var currentVersion = existing?.ETag.ToString();
        if (currentVersion != expectedVersion)
            throw new PlanConcurrencyException(existing is null
                ? $"Plan '{plan.Id}' no longer exists; it was removed after you read it."
                : expectedVersion is null
                    ? $"Plan '{plan.Id}' already exists; import it as an update of its current version."
                    : $"Plan '{plan.Id}' was changed after you read it (by {existing.ImportedBy} at {existing.ImportedAt:u}); read it again and retry.");

        // 2. Map and check every entity against Table storage's limits; a refusal here has written nothing.
        var importedAt = _time.GetUtcNow();
        var generation = Math.Max((existing?.Generation ?? 0) + 1, importedAt.UtcTicks);
        var planRow = PlanEntity.From(plan, importedBy, importedAt, generation);
        var milestones = plan.Milestones.Select(m => MilestoneEntity.From(plan.Id, generation, m)).ToList();
        var exceptions = plan.Exceptions.Select((e, i) => ExceptionReportEntity.From(plan.Id, generation, i, e)).ToList();
        var bases = importBases.Select(m => MilestoneEntity.From(plan.Id, generation, m)).ToList();
        var historyRows = history.Select(h => MilestoneHistoryEntity.From(plan.Id, generation, h)).ToList();

        // 3. Claim a generation number of our own, then write its partitions.
        var claimed = await ClaimGenerationAsync(plan, importedBy, importedAt, generation, cancellationToken).ConfigureAwait(false);
        if (claimed != generation)
        {
            generation = claimed;
            planRow.Generation = claimed;
            var partition = GenerationKeys.Partition(plan.Id, claimed);
            foreach (var (entity, _) in milestones) entity.PartitionKey = partition;
            foreach (var (entity, _) in exceptions) entity.PartitionKey = partition;
            foreach (var (entity, _) in bases) entity.PartitionKey = partition;
            foreach (var row in historyRows) row.Generation = claimed;
        }

        try
        {
            var batches = Batches(_tables.Milestones, milestones, TableTransactionActionType.UpsertReplace, countMilestones: true)
                .Concat(Batches(_tables.ExceptionReports, exceptions, TableTransactionActionType.UpsertReplace, countMilestones: false))
                .Concat(Batches(_tables.ImportBases, bases, TableTransactionActionType.UpsertReplace, countMilestones: false))
                .ToList();
            var written = 0;
            var gate = new Lock();
            await SubmitAsync(batches, batch =>
            {
                if (batch.Milestones == 0) return;
                lock (gate)
                {
                    written += batch.Milestones;
                    progress?.Report(written);
                }
            }, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception e)
        {
            // The plan row still names the previous generation, so readers are unaffected;
            // this generation stays marked Writing and the next commit deletes it.
            LogImportStopped(e, plan.Id, generation);
            throw;
        }

        // 4. The commit point.
        var version = await FlipPlanRowAsync(planRow, existing, cancellationToken).ConfigureAwait(false);
        var summary = planRow.ToSummary(version);
        LogCommitted(plan.Id, generation, plan.Milestones.Count, plan.Exceptions.Count, (long)_time.GetElapsedTime(started).TotalMilliseconds);

        // 5. After the commit: history (must be recorded), then tidying (must not fail the import).
        Exception? historyFailure = null;
        try
        {
            await SubmitAsync(HistoryBatches(historyRows), null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            historyFailure = e;
            LogHistoryFailed(e, plan.Id, generation, historyRows.Count);
        }

        await CleanUpAsync(plan.Id, generation, existing?.Generation).ConfigureAwait(false);

        if (historyFailure is not null) throw new MilestoneHistoryNotRecordedException(summary, historyRows.Count, historyFailure);
        return summary;
    }

    private static void RefuseDuplicateReferences(Plan plan)
    {
        var duplicate = plan.Milestones.GroupBy(m => m.Ref.SortKey).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException(
                $"Plan '{plan.Id}' lists milestone {string.Join(" and ", duplicate.Select(m => m.Ref.Display).Distinct())} more than once; each reference must be unique.",
                nameof(plan));
    }

    private async Task<PlanEntity?> ReadPlanRowAsync(string planId, CancellationToken cancellationToken)
    {
        if (!PlanId.IsValid(planId)) return null;
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var response = await _tables.Plans.GetEntityIfExistsAsync<PlanEntity>(PlanEntity.Partition, planId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private static async Task<List<T>> ReadPartitionAsync<T>(TableClient table, string partitionKey, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<T>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            rows.Add(row);
        return rows;
    }

    /// <summary>Records the generation as Writing; a clash (a concurrent import in the same tick) moves to the next number.</summary>
    private async Task<long> ClaimGenerationAsync(Plan plan, string importedBy, DateTimeOffset startedAt, long generation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = new ImportGenerationEntity
            {
                PartitionKey = plan.Id,
                RowKey = ImportGenerationEntity.Key(generation),
                State = nameof(ImportGenerationState.Writing),
                StartedAt = startedAt,
                StartedBy = importedBy,
                MilestoneCount = plan.Milestones.Count,
                ExceptionCount = plan.Exceptions.Count,
            };
            try
            {
                await _tables.ImportGenerations.AddEntityAsync(record, cancellationToken).ConfigureAwait(false);
                return generation;
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < 10)
            {
                generation++;
            }
        }
    }

    /// <summary>Points the plan row at the new generation, guarded by the ETag read at the start.</summary>
    private async Task<ETag> FlipPlanRowAsync(PlanEntity planRow, PlanEntity? existing, CancellationToken cancellationToken)
    {
        // Once sent, the flip is not abandoned on cancellation: its outcome must be known before anything is deleted.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var response = existing is null
                ? await _tables.Plans.AddEntityAsync(planRow, CancellationToken.None).ConfigureAwait(false)
                : await _tables.Plans.UpdateEntityAsync(planRow, existing.ETag, TableUpdateMode.Replace, CancellationToken.None).ConfigureAwait(false);
            if (response.Headers.ETag is { } etag) return etag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // A retried flip whose first attempt landed is refused too; the row then already names our generation.
            if (await TryReadPlanRowAsync(planRow.RowKey).ConfigureAwait(false) is { } now && now.Generation == planRow.Generation)
                return now.ETag;

            await DeleteGenerationQuietlyAsync(planRow.RowKey, planRow.Generation).ConfigureAwait(false);
            throw new PlanConcurrencyException(
                $"Plan '{planRow.RowKey}' was changed by someone else while this import was being written; nothing was saved. Read it again and retry.");
        }
        catch (Exception)
        {
            // The outcome is unknown (e.g. a timeout): it committed only if the row now names our generation.
            if (await TryReadPlanRowAsync(planRow.RowKey).ConfigureAwait(false) is { } now && now.Generation == planRow.Generation)
                return now.ETag;
            throw;
        }

        var reread = await ReadPlanRowAsync(planRow.RowKey, CancellationToken.None).ConfigureAwait(false);
        return reread!.ETag;
    }

    private async Task<PlanEntity?> TryReadPlanRowAsync(string planId)
    {
        try
        {
            return await ReadPlanRowAsync(planId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            return null;
        }
    }

    /// <summary>Marks the generation committed and deletes every older one except the previous (which readers may still be reading).</summary>
    private async Task CleanUpAsync(string planId, long current, long? previous)
    {
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            await _tables.ImportGenerations.UpdateEntityAsync(
                new ImportGenerationEntity { PartitionKey = planId, RowKey = ImportGenerationEntity.Key(current), State = nameof(ImportGenerationState.Committed), CommittedAt = _time.GetUtcNow() },
                ETag.All, TableUpdateMode.Merge, timeout.Token).ConfigureAwait(false);

            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {planId}");
            var stale = new List<long>();
            await foreach (var record in _tables.ImportGenerations.QueryAsync<ImportGenerationEntity>(filter, cancellationToken: timeout.Token).ConfigureAwait(false))
            {
                // Higher numbers belong to imports that started after this one read the plan; they are not ours to judge.
                if (record.Generation < current && record.Generation != previous) stale.Add(record.Generation);
            }

            foreach (var generation in stale)
                await DeleteGenerationAsync(planId, generation, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogCleanupFailed(e, planId, current);
        }
    }

    private async Task DeleteGenerationQuietlyAsync(string planId, long generation)
    {
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            await DeleteGenerationAsync(planId, generation, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogCleanupFailed(e, planId, generation);
        }
    }

    private async Task DeleteGenerationAsync(string planId, long generation, CancellationToken cancellationToken)
    {
        var partition = GenerationKeys.Partition(planId, generation);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var batches = new List<Batch>();
        foreach (var table in new[] { _tables.Milestones, _tables.ExceptionReports, _tables.ImportBases })
        {
            var keys = new List<(TableEntity, long)>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: KeyColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
                keys.Add((row, 0));
            batches.AddRange(Batches(table, keys, TableTransactionActionType.Delete, countMilestones: false));
        }

        await SubmitAsync(batches, null, cancellationToken).ConfigureAwait(false);
        try
        {
            await _tables.ImportGenerations.DeleteEntityAsync(planId, ImportGenerationEntity.Key(generation), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already deleted by another import's tidying.
        }
        LogGenerationDeleted(planId, generation, batches.Sum(b => b.Actions.Count));
    }

    private sealed record Batch(TableClient Table, List<TableTransactionAction> Actions, int Milestones);

    /// <summary>Entity-group transactions of at most 100 entities and under the 4 MiB request limit (all in one partition).</summary>
    private static IEnumerable<Batch> Batches<T>(TableClient table, IEnumerable<(T Entity, long WireBytes)> entities, TableTransactionActionType action, bool countMilestones)
        where T : ITableEntity
    {
        var actions = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var (entity, wireBytes) in entities)
        {
            if (actions.Count == MaxBatchEntities || (actions.Count > 0 && bytes + wireBytes > MaxBatchWireBytes))
            {
                yield return new Batch(table, actions, countMilestones ? actions.Count : 0);
                actions = [];
                bytes = 0;
            }

            actions.Add(action == TableTransactionActionType.Delete
                ? new TableTransactionAction(action, entity, entity.ETag)
                : new TableTransactionAction(action, entity));
            bytes += wireBytes;
        }

        if (actions.Count > 0) yield return new Batch(table, actions, countMilestones ? actions.Count : 0);
    }

    /// <summary>History rows grouped by milestone (one partition each), upserted so a repeated write stores each entry once.</summary>
    private IEnumerable<Batch> HistoryBatches(IEnumerable<MilestoneHistoryEntity> rows) =>
        rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => Batches(_tables.MilestoneHistory, g.DistinctBy(r => r.RowKey).Select(r => (r, 3 * EstimateBytes(r))),
                TableTransactionActionType.UpsertReplace, countMilestones: false));

    private static long EstimateBytes(MilestoneHistoryEntity row) =>
        1024 + 2L * ((row.Changes?.Length ?? 0) + (row.Changes2?.Length ?? 0) + (row.Changes3?.Length ?? 0) + (row.Changes4?.Length ?? 0) + (row.Note?.Length ?? 0));

    /// <summary>Sends batches several at a time; the first failure (or cancellation) stops the rest.</summary>
    private async Task SubmitAsync(IEnumerable<Batch> batches, Action<Batch>? written, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrentBatches, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, options, async (batch, token) =>
        {
            await batch.Table.SubmitTransactionAsync(batch.Actions, token).ConfigureAwait(false);
            written?.Invoke(batch);
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Committed plan {PlanId} generation {Generation}: {Milestones} milestones, {Exceptions} exception report entries in {ElapsedMs} ms")]
    private partial void LogCommitted(string planId, long generation, int milestones, int exceptions, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import of plan {PlanId} stopped before its commit; generation {Generation} is left for the next import to delete")]
    private partial void LogImportStopped(Exception exception, string planId, long generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plan {PlanId} generation {Generation} was committed but {Entries} history entries could not be written")]
    private partial void LogHistoryFailed(Exception exception, string planId, long generation, int entries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tidy old generations of plan {PlanId} after generation {Generation}; the next import tries again")]
    private partial void LogCleanupFailed(Exception exception, string planId, long generation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted generation {Generation} of plan {PlanId} ({Rows} rows)")]
    private partial void LogGenerationDeleted(string planId, long generation, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId} generation {Generation} returned {Read} of {Expected} milestones (attempt {Attempt}); reading again")]
    private partial void LogIncompleteRead(string planId, long generation, int read, int expected, int attempt);
}
