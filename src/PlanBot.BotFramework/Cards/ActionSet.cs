namespace PlanBot.BotFramework.Cards;

/// <summary>
/// Buttons among the body's elements (Adaptive Cards 1.2 and later), so that one sits beside what it acts on, e.g. a
/// "Show 18 more" under the list it expands, rather than with the card's own actions at the foot.
/// </summary>
public sealed class ActionSet : CardElement
{
    public ActionSet()
    {
    }

    public ActionSet(IEnumerable<CardAction> actions) => Actions.AddRange(actions);

    public List<CardAction> Actions { get; } = [];
}
