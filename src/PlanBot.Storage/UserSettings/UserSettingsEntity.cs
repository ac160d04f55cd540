using Azure;
using Azure.Data.Tables;

namespace PlanBot.Storage.UserSettings;

/// <summary>
/// UserSettings table: one row per user. PartitionKey: the tenant id, so one tenant's people sit together and the same
/// user id in two tenants is two users. RowKey: the Teams user id (the Entra object id when Teams gives one), escaped
/// with <see cref="Uri.EscapeDataString(string)"/> as <see cref="ConversationReferences.ConversationReferenceEntity"/>
/// escapes conversation ids: an id may hold characters a RowKey may not ('/', '\', '#', '?', control characters), and
/// escaping keeps the key unique ('%' itself is escaped too). Each setting is its own column, written with Merge, so a
/// later setting never wipes out an earlier one.
/// </summary>
internal sealed class UserSettingsEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The plan the user's questions go to ("use plan odkm"); null until they choose one.</summary>
    public string? DefaultPlanId { get; set; }

    /// <summary>When a setting was last written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public static string RowKeyFor(string userId) => Uri.EscapeDataString(userId);
}
