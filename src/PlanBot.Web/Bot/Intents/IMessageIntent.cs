namespace PlanBot.Web.Bot.Intents;

/// <summary>
/// One thing a message can ask PlanBot for ("board pack", "digest for Finance", "help", "remind me Monday", a question).
/// <see cref="PlanBotActivityHandler"/> offers each message to the intents in the order they are registered
/// (<see cref="MessageIntentServiceCollectionExtensions.AddPlanBotMessageIntents"/>, where the order is explained), and
/// the first that recognises it answers; the ones after it never see it.
/// </summary>
public interface IMessageIntent
{
    /// <summary>Answers the message and returns true when it is this intent's; otherwise sends nothing and returns false.</summary>
    Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken);
}
