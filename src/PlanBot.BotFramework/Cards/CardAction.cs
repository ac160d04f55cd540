using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Cards;

/// <summary>A button on a card. The JSON "type" comes first, as the schema names it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract class CardAction
{
    private protected CardAction(string? title) => Title = title is null ? null : TextSanitizer.Clean(title, 200);

    /// <summary>The button's caption, shown as plain text.</summary>
    [JsonPropertyOrder(-1)]
    public string? Title { get; }
}
