using PlanBot.BotFramework.Cards;
using PlanBot.BotFramework.Schema;

namespace PlanBot.Web.Cards;

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
}
