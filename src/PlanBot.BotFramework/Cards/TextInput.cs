namespace PlanBot.BotFramework.Cards;

/// <summary>Input.Text: a free-text answer, e.g. a progress update or the reason for a delay.</summary>
public sealed class TextInput(string id) : CardInput(id)
{
    public string? Placeholder { get; init => field = CleanOrNull(value); }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>Pre-filled text, e.g. the last update; shown in the box as typed (inputs are not markdown).</summary>
    public string? Value { get; init => field = CleanOrNull(value); }

    /// <summary>A JavaScript-style regular expression the answer must match before the card submits.</summary>
    public string? Regex { get; init; }
}
