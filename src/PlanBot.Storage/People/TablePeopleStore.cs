using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PlanBot.Core.People;

using PlanBot.Storage.Generations;

namespace PlanBot.Storage.People;

/// <summary>
/// <see cref="IPeopleStore"/> on Azure Table storage (keys in <see cref="PersonEntity"/> and <see cref="PeopleSetEntity"/>,
/// and docs/storage.md). An import writes the new set into a partition of its own, then replaces the <c>current</c> row
/// under its ETag to point at it: that single write is the commit, so readers see the old set or the new one, never half.
/// </summary>
public sealed partial class TablePeopleStore : IPeopleStore
{
    private const int MaxBatchEntities = 100;
    private const int MaxReadAttempts = 3;

    private readonly PlanBotTables _tables;
    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TablePeopleStore(PlanBotTables tables, TimeProvider time, ILogger<TablePeopleStore>? logger = null)
    {
        _tables = tables;
        _table = _tables.People;
        _time = time;
        _logger = logger ?? NullLogger<TablePeopleStore>.Instance;
    }

    public async Task<PeopleSet> GetPeopleAsync(CancellationToken cancellationToken = default)
    {
        // Two imports in quick succession can delete the generation a reader is part-way through (only the previous one
        // is kept); the count on the current row reveals that, and reading the row again fixes it.
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadCurrentAsync(cancellationToken).ConfigureAwait(false);
            if (current is null) return PeopleSet.Empty;

            var rows = new List<PersonEntity>(current.Count);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PersonEntity.Partition(current.Generation)}");
            await foreach (var row in _table.QueryAsync<PersonEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.RowKey != PeopleSetEntity.ClaimKey) rows.Add(row);
            }

            if (rows.Count == current.Count)
                return new PeopleSet(rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => r.ToPerson()).ToList(), current.ToInfo(current.ETag));

            LogIncompleteRead(current.Generation, rows.Count, current.Count, attempt);
            if (attempt == MaxReadAttempts)
                throw new InvalidOperationException(
                    $"The people could not be read consistently: generation {current.Generation} holds {rows.Count} of its {current.Count} people.");
        }
    }

    public async Task<PeopleSetInfo> ReplaceAllAsync(IReadOnlyList<Person> people, string importedBy, string? sourceFile, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(importedBy);
        var check = PeopleFile.Check(people);
        if (!check.IsValid)
            throw new ArgumentException("The people cannot be stored: " + string.Join(" ", check.Problems.Take(5).Select(p => p.ToString())), nameof(people));

        var existing = await ReadCurrentAsync(cancellationToken).ConfigureAwait(false);
        var importedAt = _time.GetUtcNow();
        var generation = await ClaimGenerationAsync(Math.Max((existing?.Generation ?? 0) + 1, importedAt.UtcTicks), cancellationToken).ConfigureAwait(false);

        try
        {
            var rows = check.People.Select((p, i) => PersonEntity.From(generation, i, p)).ToList();
            foreach (var batch in rows.Chunk(MaxBatchEntities))
            {
                await _table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken)
                    .ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception e)
        {
            // The current row still names the previous generation; this one is left for the next import to delete.
            LogImportStopped(e, generation);
            throw;
        }

        var current = new PeopleSetEntity
        {
            Generation = generation,
            Count = check.People.Count,
            ImportedAt = importedAt,
            ImportedBy = importedBy,
            SourceFile = sourceFile,
        };
        var version = await FlipAsync(current, existing).ConfigureAwait(false);
        LogCommitted(generation, current.Count, importedBy);

        await CleanUpAsync(generation, existing?.Generation).ConfigureAwait(false);
        return current.ToInfo(version);
    }

    private async Task<PeopleSetEntity?> ReadCurrentAsync(CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<PeopleSetEntity>(PeopleSetEntity.SetPartition, PeopleSetEntity.CurrentKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Inserts the generation's claim row; a clash (another import in the same tick) moves on to the next number.</summary>
    private async Task<long> ClaimGenerationAsync(long generation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _table.AddEntityAsync(new TableEntity(PersonEntity.Partition(generation), PeopleSetEntity.ClaimKey), cancellationToken).ConfigureAwait(false);
                return generation;
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < 10)
            {
                generation++;
            }
        }
    }

    /// <summary>Points the current row at the new generation, guarded by the ETag read at the start.</summary>
    private async Task<ETag> FlipAsync(PeopleSetEntity current, PeopleSetEntity? existing)
    {
        // Once sent, the flip is not abandoned: its outcome must be known before anything is deleted.
        try
        {
            var response = existing is null
                ? await _table.AddEntityAsync(current, CancellationToken.None).ConfigureAwait(false)
                : await _table.UpdateEntityAsync(current, existing.ETag, TableUpdateMode.Replace, CancellationToken.None).ConfigureAwait(false);
            if (response.Headers.ETag is { } etag) return etag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // A retried flip whose first attempt landed is refused too; the row then already names this generation.
            if (await TryReadCurrentAsync().ConfigureAwait(false) is { } now && now.Generation == current.Generation) return now.ETag;

            await DeleteGenerationQuietlyAsync(current.Generation).ConfigureAwait(false);
            throw new PeopleConcurrencyException("Someone else imported a people file while this one was being written; nothing was changed. Import again.");
        }
        catch (Exception)
        {
            // The outcome is unknown (a timeout, say): it committed only if the row now names this generation.
            if (await TryReadCurrentAsync().ConfigureAwait(false) is { } now && now.Generation == current.Generation) return now.ETag;
            throw;
        }

        return (await ReadCurrentAsync(CancellationToken.None).ConfigureAwait(false))!.ETag;
    }

    private async Task<PeopleSetEntity?> TryReadCurrentAsync()
    {
        try
        {
            return await ReadCurrentAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes every generation older than the new one except the previous, which a reader that read the current row just
    /// before the flip may still be reading. Newer generations belong to imports that started later and are left alone.
    /// </summary>
    private async Task CleanUpAsync(long current, long? previous)
    {
        using var timeout = new CancellationTokenSource(GenerationRows.CleanupTimeout);
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey ge {PersonEntity.Partition(0)} and PartitionKey lt {PersonEntity.Partition(current)}");
            var keep = previous is { } p ? PersonEntity.Partition(p) : null;
            await GenerationRows.DeleteAsync(_table, filter, partition => partition == keep, LogGenerationDeleted, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogCleanupFailed(e, current);
        }
    }

    private async Task DeleteGenerationQuietlyAsync(long generation)
    {
        using var timeout = new CancellationTokenSource(GenerationRows.CleanupTimeout);
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PersonEntity.Partition(generation)}");
            await GenerationRows.DeleteAsync(_table, filter, null, LogGenerationDeleted, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogCleanupFailed(e, generation);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Committed people generation {Generation}: {Count} people, imported by {ImportedBy}")]
    private partial void LogCommitted(long generation, int count, string importedBy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "People import stopped before its commit; generation {Generation} is left for the next import to delete")]
    private partial void LogImportStopped(Exception exception, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tidy old people generations after generation {Generation}; the next import tries again")]
    private partial void LogCleanupFailed(Exception exception, long generation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted people partition {Partition} ({Rows} rows)")]
    private partial void LogGenerationDeleted(string partition, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "People generation {Generation} returned {Read} of {Expected} people (attempt {Attempt}); reading again")]
    private partial void LogIncompleteRead(long generation, int read, int expected, int attempt);
}
