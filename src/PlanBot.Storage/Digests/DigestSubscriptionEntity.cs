using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Digests;

namespace PlanBot.Storage.Digests;

/// <summary>
/// Digests table, a subscription row: one <see cref="DigestSubscription"/>. PartitionKey: the plan id, so the digest
/// sweep reads a plan's subscriptions in one partition scan, beside the plan's delivery rows
/// (<see cref="DigestDeliveryEntity"/>). RowKey: <c>s|</c> + the <see cref="DigestSubscriber.Key"/>
/// (<c>s|person:&lt;object id&gt;</c>, <c>s|role:chair</c>), escaped by <see cref="RowKeys.Escape"/>: one row per
/// subscriber per plan, so subscribing again replaces the row. The subscription is kept as readable columns (the day
/// by name, the time as <c>HH:mm</c> in London, the areas as a JSON array) so the PMO can check it in Storage Explorer.
/// </summary>
internal sealed class DigestSubscriptionEntity : ITableEntity
{
    private const string TimeFormat = "HH:mm";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The person's Entra object id; null for a role.</summary>
    public string? AadObjectId { get; set; }

    /// <summary>The person's display name when they subscribed; null for a role.</summary>
    public string? Name { get; set; }

    /// <summary>The people-file role, as written when subscribed; null for a person.</summary>
    public string? Role { get; set; }

    /// <summary>The areas the digest covers, a JSON array of strings; <c>[]</c> for the recipient's own audience.</summary>
    public string Areas { get; set; } = "[]";

    /// <summary>The day of the week by name: <c>Monday</c>.</summary>
    public string Day { get; set; } = string.Empty;

    /// <summary>The time in Europe/London, <c>HH:mm</c>: <c>08:00</c>.</summary>
    public string At { get; set; } = string.Empty;

    public string CreatedBy { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }

    public static DigestSubscriptionEntity From(DigestSubscription subscription) => new()
    {
        PartitionKey = subscription.PlanId,
        RowKey = DigestKeys.SubscriptionRowKey(subscription.Subscriber.Key),
        AadObjectId = subscription.Subscriber.AadObjectId,
        Name = subscription.Subscriber.Name,
        Role = subscription.Subscriber.Role,
        Areas = JsonSerializer.Serialize(subscription.Areas.ToList(), StorageJson.Compact.ListString),
        Day = subscription.Schedule.Day.ToString(),
        At = subscription.Schedule.At.ToString(TimeFormat, CultureInfo.InvariantCulture),
        CreatedBy = subscription.CreatedBy,
        CreatedAt = subscription.CreatedAt,
    };

    /// <summary>The subscription, or null when the row was edited by hand into something that is not one.</summary>
    public DigestSubscription? ToSubscription()
    {
        var subscriber = ReadSubscriber();
        // A subscriber that no longer matches the RowKey would be listed but could never be replaced or removed.
        if (subscriber is null || RowKey != DigestKeys.SubscriptionRowKey(subscriber.Key)) return null;
        var day = ReadDay(Day);
        var areas = ReadAreas(Areas);
        return day is not null && areas is not null && TimeOnly.TryParseExact(At, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? new DigestSubscription(PartitionKey, subscriber, areas, new DigestSchedule(day.Value, at), CreatedBy ?? string.Empty, CreatedAt)
            : null;
    }

    private DigestSubscriber? ReadSubscriber() => (string.IsNullOrWhiteSpace(Role), string.IsNullOrWhiteSpace(AadObjectId)) switch
    {
        (false, true) => DigestSubscriber.ForRole(Role!),
        (true, false) => DigestSubscriber.Person(AadObjectId!, Name ?? string.Empty),
        _ => null, // neither, or both
    };

    // By name only: Enum.TryParse would take "3" and "12" too.
    private static DayOfWeek? ReadDay(string? text) =>
        Enum.GetValues<DayOfWeek>().Select(d => (DayOfWeek?)d).FirstOrDefault(d => string.Equals(d.ToString(), text, StringComparison.OrdinalIgnoreCase));

    private static List<string>? ReadAreas(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            var areas = JsonSerializer.Deserialize(json, StorageJson.Compact.ListString);
            return areas is null || areas.Any(a => a is null) ? null : areas;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
