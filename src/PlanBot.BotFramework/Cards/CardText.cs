using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Cards;

/// <summary>
/// Text for the card properties Teams renders as markdown (TextBlock.text, Fact title and value). Plain text is the
/// default: a string converts to <see cref="Plain"/>, which escapes it so names, milestone titles and tracker notes show
/// exactly as typed and cannot add links, emphasis, lists or headings. Use <see cref="Markdown"/> only for our own
/// formatting, and join the two with <c>+</c>.
/// </summary>
[JsonConverter(typeof(CardTextJsonConverter))]
public readonly record struct CardText
{
    private readonly string? value;

    private CardText(string value) => this.value = value;

    public static CardText Empty => default;

    /// <summary>The markdown that goes on the wire.</summary>
    public string Value => value ?? string.Empty;

    public static CardText Plain(string? text, int maxLength = TextSanitizer.DefaultMaxLength) =>
        new(MarkdownEscaper.Escape(TextSanitizer.Clean(text, maxLength)));

    /// <summary>Trusted markdown written by us. Control characters are still dropped; nothing is escaped or shortened.</summary>
    public static CardText Markdown(string trustedMarkdown) =>
        new(TextSanitizer.Clean(trustedMarkdown, int.MaxValue));

    public static implicit operator CardText(string? plainText) => Plain(plainText);

    public static CardText operator +(CardText left, CardText right) => new(left.Value + right.Value);

    public bool Equals(CardText other) => Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;
}

internal sealed class CardTextJsonConverter : JsonConverter<CardText>
{
    // Cards are only written; reading one back keeps the markdown as it is.
    public override CardText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CardText.Markdown(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, CardText value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
