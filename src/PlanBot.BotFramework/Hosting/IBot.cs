namespace PlanBot.BotFramework.Hosting;

/// <summary>What the adapter runs for each turn: the bot's logic.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
