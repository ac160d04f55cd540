using Azure.Data.Tables;
using PlanBot.Core.Digests;
using PlanBot.Core.Plans;

namespace PlanBot.Storage.Digests;

/// <summary>
/// The digest ledger in Azure Table storage; see <see cref="DigestDeliveryEntity"/> for the keys. The same claim and
/// lease as <see cref="Reminders.TableReminderLedger"/>, through <see cref="LeaseClaims"/>: of several instances racing
/// for one delivery exactly one holds it, and a claim taken over after its lease lapsed changes nothing.
/// </summary>
public sealed class TableDigestLedger : IDigestLedger
{
    private readonly PlanBotTables _tables;
    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public TableDigestLedger(PlanBotTables tables, TimeProvider time)
    {
        _tables = tables;
        _table = _tables.Digests;
        _time = time;
    }

    public async Task<DigestClaim?> TryClaimAsync(DigestDelivery delivery, string claimant, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Validate(delivery);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await LeaseClaims.TryClaimAsync(_table, () => DigestDeliveryEntity.For(delivery), claimant, lease, now, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new DigestClaim(delivery, row.Claimant, row.LeaseUntil, row.ETag.ToString(), row.Attempts);
    }

    public async Task MarkSentAsync(DigestClaim claim, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        var held = Held(claim);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await LeaseClaims.MarkSentAsync<DigestDeliveryEntity>(_table, held, sentAt, message => new DigestClaimLostException(message), cancellationToken)
            .ConfigureAwait(false);
    }

    public Task ReleaseAsync(DigestClaim claim, string reason, CancellationToken cancellationToken = default) =>
        EndClaimAsync(claim, LeaseClaims.ReleasedStatus, reason, cancellationToken);

    public Task GiveUpAsync(DigestClaim claim, string reason, CancellationToken cancellationToken = default) =>
        EndClaimAsync(claim, LeaseClaims.GivenUpStatus, reason, cancellationToken);

    private async Task EndClaimAsync(DigestClaim claim, string status, string reason, CancellationToken cancellationToken)
    {
        var held = Held(claim);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await LeaseClaims.EndAsync(_table, held, status, reason, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private static HeldClaim Held(DigestClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        Validate(claim.Delivery);
        return new(claim.Delivery.PlanId, DigestKeys.DeliveryRowKey(claim.Delivery), $"digest delivery '{claim.Delivery.Key}' of plan '{claim.Delivery.PlanId}'",
            claim.Claimant, claim.LeaseUntil, claim.ETag, claim.Attempt);
    }

    private static void Validate(DigestDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        PlanId.Validate(delivery.PlanId);
        ArgumentException.ThrowIfNullOrWhiteSpace(delivery.SubscriberKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(delivery.RecipientAadObjectId);
    }
}
