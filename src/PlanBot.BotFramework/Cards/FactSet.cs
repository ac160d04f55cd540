using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Cards;

/// <summary>Label–value pairs laid out as a table, e.g. a milestone's owner, due date and status.</summary>
public sealed class FactSet : CardElement
{
    public FactSet()
    {
    }

    public FactSet(IEnumerable<Fact> facts) => Facts.AddRange(facts);

    public List<Fact> Facts { get; } = [];
}

/// <summary>One row of a <see cref="FactSet"/>. Teams renders both parts as markdown, so both are <see cref="CardText"/>.</summary>
public sealed class Fact(CardText title, CardText value)
{
    [JsonPropertyOrder(0)]
    public CardText Title { get; } = title;

    [JsonPropertyOrder(1)]
    public CardText Value { get; } = value;
}
