using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Cards;

/// <summary>
/// What every input has. Teams sends the value back keyed by <see cref="Id"/>, so an id is required. Labels and
/// messages are shown as plain text (not markdown), so they are only cleaned, not escaped.
/// </summary>
public abstract class CardInput : CardElement
{
    private protected CardInput(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    [JsonPropertyOrder(-1)]
    public string Id { get; }

    public string? Label { get; init => field = CleanOrNull(value); }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init => field = CleanOrNull(value); }

    private protected static string? CleanOrNull(string? text, int maxLength = TextSanitizer.DefaultMaxLength) =>
        text is null ? null : TextSanitizer.Clean(text, maxLength);
}
