using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Cards;

/// <summary>
/// An Adaptive Card, version 1.5: the version Teams needs for Universal Actions (Action.Execute and refresh).
/// Build it with object and collection initialisers, then attach it with <see cref="ToAttachment"/>.
/// </summary>
public sealed class AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string SchemaVersion = "1.5";

    /// <summary>
    /// Teams refuses a bot message over 100 KB of UTF-16 payload. Our own cards stay far below that, so one that grows
    /// past this default is a sign it should be split, not sent.
    /// </summary>
    public const int DefaultMaxSizeBytes = 28 * 1024;

    public AdaptiveCard()
    {
    }

    public AdaptiveCard(IEnumerable<CardElement> body) => Body.AddRange(body);

    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string Schema => SchemaUrl;

    public string Version => SchemaVersion;

    public Refresh? Refresh { get; init; }

    public List<CardElement> Body { get; } = [];

    [OmitWhenEmpty]
    public List<CardAction> Actions { get; } = [];

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }

    /// <summary>Shown by clients that cannot render the card (and in notifications); markdown, so plain by default.</summary>
    public CardText? FallbackText { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, CardJson.Options);

    public JsonObject ToJsonNode() => JsonSerializer.SerializeToNode(this, CardJson.Options)!.AsObject();

    /// <summary>The card's JSON size as Teams counts it: bytes of UTF-16.</summary>
    public int MeasureSize() => MeasureSize(ToJson());

    /// <summary>Throws <see cref="CardTooLargeException"/> when the card's JSON is over <paramref name="maxSizeBytes"/>.</summary>
    public void EnsureWithinSize(int maxSizeBytes = DefaultMaxSizeBytes) => EnsureWithinSize(ToJson(), maxSizeBytes);

    /// <summary>
    /// The card as a message attachment. The content is the card's JSON (not this object), so the activity's own
    /// serialiser cannot change its shape, and later edits to this object do not change what was attached.
    /// </summary>
    public Attachment ToAttachment(int maxSizeBytes = DefaultMaxSizeBytes)
    {
        var json = ToJson();
        EnsureWithinSize(json, maxSizeBytes);
        return new Attachment
        {
            ContentType = Attachment.AdaptiveCardContentType,
            Content = JsonNode.Parse(json),
        };
    }

    private static int MeasureSize(string json) => Encoding.Unicode.GetByteCount(json);

    private static void EnsureWithinSize(string json, int maxSizeBytes)
    {
        var size = MeasureSize(json);
        if (size > maxSizeBytes)
        {
            throw new CardTooLargeException(size, maxSizeBytes);
        }
    }
}

/// <summary>The card's "msteams" object: Teams-only settings other clients ignore.</summary>
public sealed class TeamsCardProperties
{
    public TeamsCardWidth? Width { get; init; }

    public static TeamsCardProperties FullWidth { get; } = new() { Width = TeamsCardWidth.Full };
}
