using System.Globalization;
using PlanBot.Core.Digests;

namespace PlanBot.Storage.Digests;

/// <summary>
/// Digests table, a delivery row: the claim on one <see cref="DigestDelivery"/> and whether it was sent. PartitionKey:
/// the plan id, beside the plan's subscription rows (<see cref="DigestSubscriptionEntity"/>). RowKey: <c>d|</c> +
/// <see cref="DigestDelivery.Key"/> (<c>d|2026-11-23|role:chair|&lt;object id&gt;</c>), escaped by
/// <see cref="RowKeys.Escape"/>: one row per week, subscription and recipient. Claimed, taken over, released and
/// marked sent as <see cref="LeaseClaims"/> describes, as reminders are: inserting the row is the claim (a second insert
/// gets 409), and every later change is guarded by the row's ETag.
/// </summary>
internal sealed class DigestDeliveryEntity : LeaseRow
{
    /// <summary>The whole <see cref="DigestDelivery.Key"/>, unescaped, for people reading the table.</summary>
    public string Key { get; set; } = string.Empty;

    public string SubscriberKey { get; set; } = string.Empty;
    public string RecipientAadObjectId { get; set; } = string.Empty;

    /// <summary>The Monday of the week the digest is for, <c>yyyy-MM-dd</c>.</summary>
    public string WeekOf { get; set; } = string.Empty;

    /// <summary>The row for <paramref name="delivery"/>, keys and description only; <see cref="LeaseClaims"/> fills in the claim.</summary>
    public static DigestDeliveryEntity For(DigestDelivery delivery) => new()
    {
        PartitionKey = delivery.PlanId,
        RowKey = DigestKeys.DeliveryRowKey(delivery),
        Key = delivery.Key,
        SubscriberKey = delivery.SubscriberKey,
        RecipientAadObjectId = delivery.RecipientAadObjectId,
        WeekOf = delivery.WeekOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
