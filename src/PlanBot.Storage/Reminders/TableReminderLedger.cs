using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;

namespace PlanBot.Storage.Reminders;

/// <summary>
/// The reminder ledger in Azure Table storage; see <see cref="ReminderEntity"/> and <see cref="ReminderStateEntity"/>
/// for the keys. Claims are inserts (409 when the row exists) and every change after is guarded by the row's ETag, so
/// of several instances racing for one reminder exactly one holds it, and marking it sent writes the reminder row and
/// the milestone's state row in one entity-group transaction: both or neither.
/// </summary>
public sealed class TableReminderLedger : IReminderLedger
{
    /// <summary>Rounds of read-modify-write before a state change gives up (each round lost to another writer).</summary>
    private const int MaxRounds = 8;

    /// <summary>A release reason longer than this is cut, so it always fits in one column.</summary>
    private const int MaxReasonLength = 2_000;

    private readonly PlanBotTables _tables;
    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public TableReminderLedger(TableStorageOptions options, TimeProvider time)
    {
        options.EnsureValid();
        _tables = new PlanBotTables(options);
        _table = _tables.Reminders;
        _time = time;
    }

    public async Task<IReadOnlyDictionary<MilestoneRef, ReminderState>> GetStatesAsync(string planId, CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<MilestoneRef, ReminderState>();
        if (!PlanId.IsValid(planId)) return states;
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {planId} and RowKey ge {ReminderKeys.StatePrefix} and RowKey lt {ReminderKeys.StateEnd}");
        await foreach (var row in _table.QueryAsync<ReminderStateEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A row edited by hand into something that is not a reference is skipped rather than failing the sweep.
            if (MilestoneRef.TryParse(row.Ref, out var reference)) states[reference] = row.ToState();
        }
        return states;
    }

    public async Task<ReminderClaim?> TryClaimAsync(DueReminder reminder, string claimant, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        RequirePlanId(reminder.PlanId);
        var rowKey = ReminderKeys.ReminderRowKey(reminder);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        var claimId = Guid.NewGuid().ToString("N");
        var leaseUntil = now + lease;
        var insert = true;
        for (var round = 0; round < MaxRounds; round++)
        {
            if (insert)
            {
                var row = ReminderEntity.Claim(reminder, claimant, claimId, now, leaseUntil, previous: null);
                try
                {
                    var added = await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                    return NewClaim(reminder, row, added);
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    // Claimed or sent before, or our own insert landed and its retry was refused: read it to tell which.
                }
            }

            var found = await _table.GetEntityIfExistsAsync<ReminderEntity>(reminder.PlanId, rowKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (!found.HasValue)
            {
                insert = true; // deleted in between (by hand): claim afresh
                continue;
            }
            insert = false;
            var current = found.Value!;
            if (current.ClaimId == claimId)
                return new ReminderClaim(reminder, claimant, current.LeaseUntil, current.ETag.ToString(), current.Attempts);
            if (current.Status is ReminderEntity.SentStatus or ReminderEntity.GivenUpStatus) return null;
            if (current.Status == ReminderEntity.ClaimedStatus && current.LeaseUntil > now) return null;

            // The lease lapsed (its holder crashed or stalled) or the claim was released: take it over under the ETag.
            var takeover = ReminderEntity.Claim(reminder, claimant, claimId, now, leaseUntil, current);
            try
            {
                var updated = await _table.UpdateEntityAsync(takeover, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return NewClaim(reminder, takeover, updated);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                // Another instance changed it first (or our own update landed before a retry): read again.
            }
        }
        return null;
    }

    public async Task MarkSentAsync(ReminderClaim claim, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var reminder = claim.Reminder;
        RequirePlanId(reminder.PlanId);
        var rowKey = ReminderKeys.ReminderRowKey(reminder);
        var stateKey = ReminderKeys.StateRowKey(reminder.Ref);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        var sent = new TableEntity(reminder.PlanId, rowKey)
        {
            [nameof(ReminderEntity.Status)] = ReminderEntity.SentStatus,
            [nameof(ReminderEntity.SentAt)] = sentAt,
        };
        for (var round = 0; ; round++)
        {
            var stateRow = await _table.GetEntityIfExistsAsync<ReminderStateEntity>(reminder.PlanId, stateKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var state = stateRow.HasValue ? stateRow.Value!.ToState() : ReminderState.None;
            var newState = ReminderStateEntity.From(reminder.PlanId, reminder.Ref, state.Sent(reminder, sentAt), stateRow.HasValue ? stateRow.Value!.ETag : default);
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.UpdateMerge, sent, new ETag(claim.ETag)),
                stateRow.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, newState, newState.ETag)
                    : new(TableTransactionActionType.Add, newState),
            ];
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // Either the claim was lost or the state row changed under us; the reminder row says which.
                var row = await _table.GetEntityIfExistsAsync<ReminderEntity>(reminder.PlanId, rowKey, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (row.HasValue && row.Value!.ETag.ToString() == claim.ETag)
                {
                    if (round + 1 < MaxRounds) continue;
                    throw;
                }
                if (row.HasValue && row.Value!.Status == ReminderEntity.SentStatus && row.Value.Claimant == claim.Claimant && row.Value.Attempts == claim.Attempt)
                    return; // our own transaction landed and its retry was refused
                throw new ReminderClaimLostException(
                    $"The claim by '{claim.Claimant}' on reminder '{reminder.Key}' was lost: its lease (until {claim.LeaseUntil:O}) expired and "
                    + (row.HasValue ? $"'{row.Value!.Claimant}' took it over" : "its row was removed") + ". Nothing was marked sent.");
            }
        }
    }

    public Task ReleaseAsync(ReminderClaim claim, string reason, CancellationToken cancellationToken = default) =>
        EndClaimAsync(claim, ReminderEntity.ReleasedStatus, reason, cancellationToken);

    public Task GiveUpAsync(ReminderClaim claim, string reason, CancellationToken cancellationToken = default) =>
        EndClaimAsync(claim, ReminderEntity.GivenUpStatus, reason, cancellationToken);

    private async Task EndClaimAsync(ReminderClaim claim, string status, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(reason);
        var reminder = claim.Reminder;
        RequirePlanId(reminder.PlanId);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var ended = new TableEntity(reminder.PlanId, ReminderKeys.ReminderRowKey(reminder))
        {
            [nameof(ReminderEntity.Status)] = status,
            [nameof(ReminderEntity.ReleasedAt)] = _time.GetUtcNow(),
            [nameof(ReminderEntity.LastError)] = Cut(reason),
        };
        try
        {
            await _table.UpdateEntityAsync(ended, new ETag(claim.ETag), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Taken over after the lease expired (or our own write landed before a retry): the row is someone else's now.
        }
    }

    public Task RecordUnreachableAsync(string planId, MilestoneRef reference, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(planId, reference, state => state.Unreachable(Cut(reason), at), cancellationToken);

    private static string Cut(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..(MaxReasonLength - 1)] + "…";

    public Task RecordUpdateAsync(string planId, MilestoneRef reference, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(planId, reference, state => state.Updated(at), cancellationToken);

    public Task SnoozeAsync(string planId, MilestoneRef reference, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(planId, reference, state => state.Snoozed(until), cancellationToken);

    private async Task ChangeStateAsync(string planId, MilestoneRef reference, Func<ReminderState, ReminderState> change, CancellationToken cancellationToken)
    {
        RequirePlanId(planId);
        ArgumentNullException.ThrowIfNull(reference);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rowKey = ReminderKeys.StateRowKey(reference);
        for (var round = 0; ; round++)
        {
            var found = await _table.GetEntityIfExistsAsync<ReminderStateEntity>(planId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var state = found.HasValue ? found.Value!.ToState() : ReminderState.None;
            var row = ReminderStateEntity.From(planId, reference, change(state), found.HasValue ? found.Value!.ETag : default);
            try
            {
                if (found.HasValue) await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                else await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && round + 1 < MaxRounds)
            {
                // Another writer got in between the read and the write: read again and reapply the change.
            }
        }
    }

    private static ReminderClaim NewClaim(DueReminder reminder, ReminderEntity row, Response response) =>
        new(reminder, row.Claimant, row.LeaseUntil,
            (response.Headers.ETag ?? throw new InvalidOperationException("Table storage returned no ETag for a reminder claim.")).ToString(),
            row.Attempts);

    private static void RequirePlanId(string planId)
    {
        if (!PlanId.IsValid(planId))
            throw new ArgumentException($"'{planId}' is not a valid plan id.", nameof(planId));
    }
}
