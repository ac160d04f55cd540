namespace PlanBot.BotFramework.Cards;

/// <summary>Action.ShowCard: reveals a nested card in place, e.g. a small form.</summary>
public sealed class ShowCardAction(string title, AdaptiveCard card) : CardAction(title)
{
    public AdaptiveCard Card { get; } = card ?? throw new ArgumentNullException(nameof(card));
}
