using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Schema;

/// <summary>
/// One Bot Framework activity as it travels over the wire (camelCase JSON). The properties PlanBot reads or writes are
/// typed; anything else a channel sends is kept in <see cref="ExtensionData"/> and written back out unchanged.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public string? InputHint { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<JsonObject>? Entities { get; set; }
    public JsonNode? ChannelData { get; set; }
    /// <summary>For installationUpdate: add, remove, add-upgrade or remove-upgrade.</summary>
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public JsonNode? Value { get; set; }
    public string? ValueType { get; set; }
    /// <summary>For invoke and event activities: what is being asked, e.g. adaptiveCard/action.</summary>
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? Code { get; set; }
    public string? DeliveryMode { get; set; }
    public string? CallerId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The tenant the conversation belongs to: Teams sends it in conversation.tenantId and channelData.tenant.id.</summary>
    [JsonIgnore]
    public string? TenantId =>
        Conversation?.TenantId is { Length: > 0 } tenant ? tenant : ChannelData?["tenant"]?["id"]?.GetValue<string>();

    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    public static Activity CreateTyping() => new() { Type = ActivityTypes.Typing };

    /// <summary>Addresses <paramref name="reply"/> as a reply to this (incoming) activity: same conversation, roles swapped.</summary>
    public Activity AddressReply(Activity reply)
    {
        reply.ChannelId ??= ChannelId;
        reply.ServiceUrl ??= ServiceUrl;
        reply.Conversation ??= Conversation;
        reply.From ??= Recipient;
        reply.Recipient ??= From;
        reply.ReplyToId ??= Id;
        reply.Locale ??= Locale;
        return reply;
    }

    /// <summary>What a later proactive message needs to reach this conversation again.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Type == ActivityTypes.ConversationUpdate ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
    public const string MessageReaction = "messageReaction";
}

public static class DeliveryModes
{
    public const string Normal = "normal";
    /// <summary>The caller wants every reply in the HTTP response body instead of posted to the service URL.</summary>
    public const string ExpectReplies = "expectReplies";
}

public static class Channels
{
    public const string MsTeams = "msteams";
    public const string Emulator = "emulator";
    public const string Test = "test";
}
