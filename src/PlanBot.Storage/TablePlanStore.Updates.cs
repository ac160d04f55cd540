using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PlanBot.Core.Plans;
using PlanBot.Core.Updates;
using PlanBot.Storage.ExceptionReports;
using PlanBot.Storage.History;
using PlanBot.Storage.Milestones;
using PlanBot.Storage.Plans;

namespace PlanBot.Storage;

/// <summary>
/// Updates to one milestone at a time. The milestone row's ETag is its revision: the write is guarded by it, so two
/// owners saving at once cannot overwrite each other. Then the plan row is rewritten (its ETag is the plan's version,
/// so read models refresh and an import previewed before the update must be redone), and the history is appended.
/// </summary>
public sealed partial class TablePlanStore : IMilestoneUpdateStore
{
    private const int HistoryAttempts = 3;

    public async Task<StoredMilestone?> GetStoredMilestoneAsync(string planId, MilestoneRef reference, CancellationToken cancellationToken = default)
    {
        var row = await ReadPlanRowAsync(planId, cancellationToken).ConfigureAwait(false);
        if (row is null) return null;
        var partition = GenerationKeys.Partition(row.RowKey, row.Generation);
        var milestoneRead = _tables.Milestones.GetEntityIfExistsAsync<MilestoneEntity>(partition, reference.SortKey, cancellationToken: cancellationToken);
        // The report is one small partition; its entries name milestones in free text, so it is read whole and filtered here.
        var exceptionsRead = ReadPartitionAsync<ExceptionReportEntity>(_tables.ExceptionReports, partition, cancellationToken);
        await Task.WhenAll(milestoneRead, exceptionsRead).ConfigureAwait(false);
        var found = await milestoneRead.ConfigureAwait(false);
        if (!found.HasValue) return null;
        var entries = (await exceptionsRead.ConfigureAwait(false))
            .OrderBy(e => e.RowKey, StringComparer.Ordinal)
            .Select(e => e.ToEntry())
            .Where(e => e.Refs.Contains(reference));
        return new StoredMilestone(row.RowKey, found.Value!.ToMilestone(), found.Value.ETag.ToString())
        {
            LatestException = ExceptionReportOrder.NewestFirst(entries).FirstOrDefault(),
        };
    }

    public async Task<StoredMilestone> SaveUpdateAsync(
        StoredMilestone expected,
        Milestone updated,
        MilestoneHistoryEntry history,
        ExceptionReportEntry? exception,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(history);
        if (updated.Ref != expected.Milestone.Ref || history.Ref != expected.Milestone.Ref)
            throw new ArgumentException("The update, its history and the milestone read must be about the same milestone.", nameof(updated));

        var planId = expected.PlanId;
        var row = await ReadPlanRowAsync(planId, cancellationToken).ConfigureAwait(false)
            ?? throw new PlanConcurrencyException($"Plan '{planId}' no longer exists.");

        // Everything is mapped (and checked against Table storage's limits) before anything is written.
        var (milestoneRow, _) = MilestoneEntity.From(planId, row.Generation, updated);
        ExceptionReportEntity? exceptionRow = null;
        if (exception is not null)
        {
            (exceptionRow, _) = ExceptionReportEntity.From(planId, row.Generation, 0, exception);
            // After the imported entries ("000000"…), in time order, one per milestone per instant.
            exceptionRow.RowKey = "u" + history.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + updated.Ref.SortKey;
        }
        var historyRow = MilestoneHistoryEntity.From(planId, row.Generation, history);

        await KeepImportBaseAsync(expected, row.Generation, cancellationToken).ConfigureAwait(false);

        Response written;
        try
        {
            written = await _tables.Milestones.UpdateEntityAsync(milestoneRow, new ETag(expected.Revision), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            throw new PlanConcurrencyException(
                $"Milestone {updated.Ref.Display} in plan '{planId}' was changed after it was read; nothing was saved. Read it again and retry.");
        }

        if (exceptionRow is not null)
            await _tables.ExceptionReports.UpsertEntityAsync(exceptionRow, TableUpdateMode.Replace, CancellationToken.None).ConfigureAwait(false);
        await TouchPlanRowAsync(planId, row.Generation, exceptionRow is null ? 0 : 1, updated.Ref).ConfigureAwait(false);
        await AppendHistoryAsync(historyRow, planId, updated.Ref).ConfigureAwait(false);
        return new StoredMilestone(planId, updated, written.Headers.ETag?.ToString() ?? string.Empty)
        {
            LatestException = exception ?? expected.LatestException,
        };
    }

    /// <summary>
    /// Before the first update of a milestone in an import generation, keeps the milestone as that import stored it (the
    /// base of the next re-import's merge). It is written before the update, and only while the row is still the one the
    /// caller read, so a base is always the import's version: a later update finds it there (409) and leaves it.
    /// </summary>
    private async Task KeepImportBaseAsync(StoredMilestone expected, long generation, CancellationToken cancellationToken)
    {
        var partition = GenerationKeys.Partition(expected.PlanId, generation);
        var current = await _tables.Milestones.GetEntityIfExistsAsync<MilestoneEntity>(
            partition, expected.Milestone.Ref.SortKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!current.HasValue || current.Value!.ETag.ToString() != expected.Revision)
            throw new PlanConcurrencyException(
                $"Milestone {expected.Milestone.Ref.Display} in plan '{expected.PlanId}' was changed after it was read; nothing was saved. Read it again and retry.");
        try
        {
            await _tables.ImportBases.AddEntityAsync(current.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already kept by an earlier update of this generation.
        }
    }

    /// <summary>
    /// Rewrites the plan row so its ETag (the plan's version) changes, counting an added exception entry. Retried on a
    /// clash with another update; if an import replaced the generation meanwhile, the update landed in the old one.
    /// </summary>
    private async Task TouchPlanRowAsync(string planId, long generation, int addedExceptions, MilestoneRef reference)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await ReadPlanRowAsync(planId, CancellationToken.None).ConfigureAwait(false);
            if (row is null || row.Generation != generation)
                throw new PlanConcurrencyException(
                    $"Plan '{planId}' was re-imported while the update to {reference.Display} was being saved; the import's version stands. Send the update again.");
            row.ExceptionCount += addedExceptions;
            row.UpdatedAt = _time.GetUtcNow();
            try
            {
                await _tables.Plans.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                // Another update touched the row first: read it again and add ours.
            }
        }
    }

    private async Task AppendHistoryAsync(MilestoneHistoryEntity historyRow, string planId, MilestoneRef reference)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The row key is a function of the entry, so a retry after an unknown outcome stores it once.
                await _tables.MilestoneHistory.UpsertEntityAsync(historyRow, TableUpdateMode.Replace, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (attempt < HistoryAttempts)
            {
                LogUpdateHistoryRetry(e, planId, reference.Value, attempt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "History of milestone {Ref} in plan {PlanId} not written on attempt {Attempt}; retrying")]
    private partial void LogUpdateHistoryRetry(Exception exception, string planId, string @ref, int attempt);
}
