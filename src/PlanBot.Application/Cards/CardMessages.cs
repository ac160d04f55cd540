using PlanBot.BotFramework.Cards;
using PlanBot.BotFramework.Schema;

namespace PlanBot.Application.Cards;

public static class CardMessages
{
    /// <summary>A message with a short text line (what notifications and screen readers show) above the card.</summary>
    public static Activity ToMessage(this AdaptiveCard card, string text)
    {
        var message = Activity.CreateMessage(text);
        // The line often quotes plan text (titles, names): plain, so it shows as written rather than as markdown.
        message.TextFormat = "plain";
        message.Attachments = [card.ToAttachment()];
        return message;
    }

    /// <summary>A text-only message, plain so quoted plan text shows as written rather than as markdown.</summary>
    public static Activity PlainMessage(string text)
    {
        var message = Activity.CreateMessage(text);
        message.TextFormat = "plain";
        return message;
    }

    /// <summary>The plan was chosen but is gone by the time it is read (removed in between).</summary>
    public static Activity PlanRemoved(string planId) =>
        PlainMessage($"Plan '{planId}' has just been removed. Say \"plans\" to see the plans I hold.");

    /// <summary>The answer to an Action.Execute invoke: the card that replaces the one pressed, checked against the size limit.</summary>
    public static AdaptiveCardInvokeResponse InvokeReply(AdaptiveCard card)
    {
        card.EnsureWithinSize();
        return AdaptiveCardInvokeResponse.Card(card.ToJsonNode());
    }
}
