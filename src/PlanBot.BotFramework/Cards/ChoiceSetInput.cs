using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Cards;

/// <summary>Input.ChoiceSet: a drop-down (compact) or radio buttons / checkboxes (expanded).</summary>
public sealed class ChoiceSetInput : CardInput
{
    public ChoiceSetInput(string id)
        : base(id)
    {
    }

    public ChoiceSetInput(string id, IEnumerable<Choice> choices)
        : base(id) => Choices.AddRange(choices);

    public List<Choice> Choices { get; } = [];

    /// <summary>The chosen value; for a multi-select, values joined with commas.</summary>
    public string? Value { get; init; }

    public ChoiceInputStyle? Style { get; init; }
    public bool? IsMultiSelect { get; init; }
}

/// <summary>One option: what the user sees and the value sent back.</summary>
public sealed class Choice
{
    public Choice(string title, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Title = TextSanitizer.Clean(title);
        Value = value;
    }

    [JsonPropertyOrder(0)]
    public string Title { get; }

    [JsonPropertyOrder(1)]
    public string Value { get; }
}
