using Azure;
using Azure.Data.Tables;
using PlanBot.BotFramework.Conversations;
using PlanBot.BotFramework.Schema;

namespace PlanBot.Storage.ConversationReferences;

/// <summary>
/// ConversationReferences table. PartitionKey: the tenant id, so one tenant's people sit together. RowKey:
/// "user|{Entra object id}" for a personal chat (found by the person's object id when a reminder is due) or
/// "conversation|{escaped conversation id}" for a team or group chat. The reference is kept as columns, not JSON,
/// so the PMO can read it in Storage Explorer.
/// </summary>
internal sealed class ConversationReferenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ServiceUrl { get; set; } = string.Empty;
    public string ChannelId { get; set; } = string.Empty;
    public string ConversationId { get; set; } = string.Empty;
    public string? ConversationType { get; set; }
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public string? UserName { get; set; }
    public string? BotId { get; set; }
    public string? BotName { get; set; }
    public string? Locale { get; set; }
    public string? ActivityId { get; set; }
    public DateTimeOffset SavedAt { get; set; }

    public static string RowKeyFor(ConversationKey key) =>
        // Conversation ids may hold characters a RowKey may not ('/', '#', '?'); escaping keeps the key unique.
        $"{key.Kind}|{(key.Kind == ConversationKey.Personal ? key.Id : Uri.EscapeDataString(key.Id))}";

    public static ConversationReferenceEntity From(ConversationKey key, ConversationReference reference, DateTimeOffset savedAt) => new()
    {
        PartitionKey = key.TenantId,
        RowKey = RowKeyFor(key),
        ServiceUrl = reference.ServiceUrl ?? string.Empty,
        ChannelId = reference.ChannelId ?? string.Empty,
        ConversationId = reference.Conversation?.Id ?? string.Empty,
        ConversationType = reference.Conversation?.ConversationType,
        UserId = reference.User?.Id,
        UserAadObjectId = reference.User?.AadObjectId,
        UserName = reference.User?.Name,
        BotId = reference.Bot?.Id,
        BotName = reference.Bot?.Name,
        Locale = reference.Locale,
        ActivityId = reference.ActivityId,
        SavedAt = savedAt,
    };

    public ConversationReference ToReference() => new()
    {
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = new ConversationAccount
        {
            Id = ConversationId,
            TenantId = PartitionKey,
            ConversationType = ConversationType,
            IsGroup = ConversationType is null or "personal" ? false : true,
        },
        User = UserId is null && UserAadObjectId is null ? null : new ChannelAccount { Id = UserId, AadObjectId = UserAadObjectId, Name = UserName },
        Bot = BotId is null ? null : new ChannelAccount { Id = BotId, Name = BotName },
        Locale = Locale,
        ActivityId = ActivityId,
    };
}
