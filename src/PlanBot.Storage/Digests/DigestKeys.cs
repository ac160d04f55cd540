using PlanBot.Core.Digests;

namespace PlanBot.Storage.Digests;

/// <summary>
/// The Digests table's RowKeys. Subscriptions and deliveries share the plan's partition under different prefixes, so
/// listing a plan's subscriptions is one scan of the RowKey range <c>s|</c> to <c>s}</c> and never reads a delivery.
/// </summary>
internal static class DigestKeys
{
    public const string SubscriptionPrefix = "s|";

    /// <summary>The first RowKey after every subscription row: '}' follows '|'.</summary>
    public const string SubscriptionEnd = "s}";

    public const string DeliveryPrefix = "d|";

    /// <summary><c>s|</c> + <see cref="DigestSubscriber.Key"/> escaped (<c>s|role:chair</c>, <c>s|person:&lt;object id&gt;</c>).</summary>
    public static string SubscriptionRowKey(string subscriberKey) => SubscriptionPrefix + RowKeys.Escape(subscriberKey);

    /// <summary><c>d|</c> + <see cref="DigestDelivery.Key"/> escaped (<c>d|2026-11-23|role:chair|&lt;object id&gt;</c>).</summary>
    public static string DeliveryRowKey(DigestDelivery delivery) => DeliveryPrefix + RowKeys.Escape(delivery.Key);
}
