using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;

namespace PlanBot.Storage.Reminders;

/// <summary>
/// The reminder ledger in Azure Table storage; see <see cref="ReminderEntity"/> and <see cref="ReminderStateEntity"/>
/// for the keys. Claims are inserts (409 when the row exists) and every change after is guarded by the row's ETag, so
/// of several instances racing for one notice exactly one holds it, and marking it sent writes the reminder row and
/// the milestone's state row in one entity-group transaction: both or neither.
/// </summary>
public sealed class TableReminderLedger : IReminderLedger
{
    private readonly PlanBotTables _tables;
    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public TableReminderLedger(PlanBotTables tables, TimeProvider time)
    {
        _tables = tables;
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

    public async Task<ReminderClaim?> TryClaimAsync(ReminderNotice notice, string claimant, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        RequirePlanId(notice.PlanId);
        if (notice.Reminders is not { Count: > 0 }) throw new ArgumentException($"Notice '{notice.Key}' holds no reminder.", nameof(notice));
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await LeaseClaims.TryClaimAsync(_table, () => ReminderEntity.For(notice), claimant, lease, now, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new ReminderClaim(notice, row.Claimant, row.LeaseUntil, row.ETag.ToString(), row.Attempts);
    }

    public async Task MarkSentAsync(ReminderClaim claim, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var notice = claim.Notice;
        var held = Held(claim);
        var stateKey = ReminderKeys.StateRowKey(notice.Ref);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        var sent = LeaseClaims.Sent(held, sentAt);
        for (var round = 0; ; round++)
        {
            var stateRow = await _table.GetEntityIfExistsAsync<ReminderStateEntity>(notice.PlanId, stateKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var state = stateRow.HasValue ? stateRow.Value!.ToState() : ReminderState.None;
            state = notice.Reminders.Aggregate(state, (s, reminder) => s.Sent(reminder, sentAt));
            var newState = ReminderStateEntity.From(notice.PlanId, notice.Ref, state, stateRow.HasValue ? stateRow.Value!.ETag : default);
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
                // Either the claim was lost (that throws) or the state row changed under us (read it again).
                var after = await LeaseClaims.AfterRefusedSendAsync<ReminderEntity>(_table, held, message => new ReminderClaimLostException(message), cancellationToken)
                    .ConfigureAwait(false);
                if (after == RefusedSend.LandedBefore) return; // our own transaction landed and its retry was refused
                if (round + 1 >= LeaseClaims.MaxRounds) throw;
            }
        }
    }

    public Task ReleaseAsync(ReminderClaim claim, string reason, CancellationToken cancellationToken = default) =>
        EndClaimAsync(claim, LeaseClaims.ReleasedStatus, reason, cancellationToken);

    public Task GiveUpAsync(ReminderClaim claim, string reason, CancellationToken cancellationToken = default) =>
        EndClaimAsync(claim, LeaseClaims.GivenUpStatus, reason, cancellationToken);

    private async Task EndClaimAsync(ReminderClaim claim, string status, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var held = Held(claim);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await LeaseClaims.EndAsync(_table, held, status, reason, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public Task RecordUnreachableAsync(string planId, MilestoneRef reference, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(planId, reference, state => state.Unreachable(LeaseClaims.Cut(reason), at), cancellationToken);

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
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && round + 1 < LeaseClaims.MaxRounds)
            {
                // Another writer got in between the read and the write: read again and reapply the change.
            }
        }
    }

    private static HeldClaim Held(ReminderClaim claim)
    {
        RequirePlanId(claim.Notice.PlanId);
        return new(claim.Notice.PlanId, ReminderKeys.NoticeRowKey(claim.Notice), $"reminder '{claim.Notice.Key}'",
            claim.Claimant, claim.LeaseUntil, claim.ETag, claim.Attempt);
    }

    private static void RequirePlanId(string planId)
    {
        if (!PlanId.IsValid(planId))
            throw new ArgumentException($"'{planId}' is not a valid plan id.", nameof(planId));
    }
}
