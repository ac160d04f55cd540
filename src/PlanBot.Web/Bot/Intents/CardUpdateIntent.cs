using System.Text.Json;
using PlanBot.Core.Plans;

namespace PlanBot.Web.Bot.Intents;

/// <summary>
/// The Update button on a reminder: it names its plan, so the update card opens for that plan whichever plan the person
/// chose for their questions (or when they have chosen none).
/// </summary>
public sealed class CardUpdateIntent(UpdateConversation updates) : IMessageIntent
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Value?["planId"] is not { } cardPlan || cardPlan.GetValueKind() != JsonValueKind.String || !PlanId.IsValid(cardPlan.GetValue<string>()))
            return false;
        if (await updates.TryStartFromChatAsync(turn.Text, cardPlan.GetValue<string>(), turn.Activity, cancellationToken) is not { } card) return false;
        await turn.AnswerAsync(card, "update", cancellationToken);
        return true;
    }
}
