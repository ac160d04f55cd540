using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Cards;

/// <summary>An element of a card's body or of a container. The JSON "type" comes first, as the schema names it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
public abstract class CardElement
{
    // Elements are only built by this assembly's types, so the discriminator list above is complete.
    private protected CardElement()
    {
    }

    [JsonPropertyOrder(100)]
    public Spacing? Spacing { get; init; }

    [JsonPropertyOrder(101)]
    public bool? Separator { get; init; }
}
