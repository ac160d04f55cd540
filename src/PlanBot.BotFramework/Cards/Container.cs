namespace PlanBot.BotFramework.Cards;

/// <summary>Groups elements, e.g. to give them a shaded style or one separator.</summary>
public sealed class Container : CardElement
{
    public Container()
    {
    }

    public Container(IEnumerable<CardElement> items) => Items.AddRange(items);

    public List<CardElement> Items { get; } = [];
    public ContainerStyle? Style { get; init; }
}
