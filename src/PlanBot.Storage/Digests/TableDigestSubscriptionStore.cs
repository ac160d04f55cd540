using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Digests;
using PlanBot.Core.Plans;

namespace PlanBot.Storage.Digests;

/// <summary>Digest subscriptions in Azure Table storage; see <see cref="DigestSubscriptionEntity"/> for the keys.</summary>
public sealed class TableDigestSubscriptionStore : IDigestSubscriptionStore
{
    private readonly PlanBotTables _tables;
    private readonly TableClient _table;

    public TableDigestSubscriptionStore(PlanBotTables tables)
    {
        _tables = tables;
        _table = _tables.Digests;
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(string planId, CancellationToken cancellationToken = default)
    {
        var subscriptions = new List<DigestSubscription>();
        if (!PlanId.IsValid(planId)) return subscriptions;
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {planId} and RowKey ge {DigestKeys.SubscriptionPrefix} and RowKey lt {DigestKeys.SubscriptionEnd}");
        await foreach (var row in _table.QueryAsync<DigestSubscriptionEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A row edited by hand into something that is not a subscription is skipped rather than failing the sweep.
            if (row.ToSubscription() is { } subscription) subscriptions.Add(subscription);
        }
        return subscriptions;
    }

    public async Task SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        PlanId.Validate(subscription.PlanId);
        ArgumentNullException.ThrowIfNull(subscription.Subscriber);
        ArgumentNullException.ThrowIfNull(subscription.Schedule);
        ArgumentNullException.ThrowIfNull(subscription.CreatedBy);
        if (subscription.Areas is null || subscription.Areas.Any(a => a is null))
            throw new ArgumentException("A subscription's areas must be a list (empty for the recipient's own audience) with no null in it.", nameof(subscription));
        if (subscription.Schedule.At.Ticks % TimeSpan.TicksPerMinute != 0)
            throw new ArgumentException($"A digest schedule is kept to the minute; {subscription.Schedule.At:HH:mm:ss.fffffff} has seconds.", nameof(subscription));
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // Replace, not Merge: the subscriber's earlier subscription is replaced whole. Last writer wins.
        await _table.UpsertEntityAsync(DigestSubscriptionEntity.From(subscription), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveAsync(string planId, string subscriberKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberKey);
        if (!PlanId.IsValid(planId)) return false; // no subscription can be stored under it
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // Whatever subscription is there goes, hence no ETag to match; the SDK answers 404 (nothing there) without throwing.
        var response = await _table.DeleteEntityAsync(planId, DigestKeys.SubscriptionRowKey(subscriberKey), ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }
}
