using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Web.BoardPacks;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot.Intents;

/// <summary>"board pack (for odkm)": a file consent card for a PMO admin in their 1:1 chat, once the plan is chosen.</summary>
public sealed class BoardPackIntent(BoardPackConversation boardPacks, IPlanStore plans, PlanSelector planSelector, PlanChoice planChoice, HeavyWorkLimiter heavyWork)
    : IMessageIntent
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        if (BoardPackRequestReader.TryRead(turn.Text) is not { } request) return false;
        await turn.ReplyAsync(heavyWork.TryStart(turn.Activity)
            ? await OfferAsync(turn, request, cancellationToken)
            : CardMessages.PlainMessage(HeavyWorkLimiter.WaitAMinute), cancellationToken);
        return true;
    }

    private async Task<Activity> OfferAsync(MessageTurn turn, BoardPackRequest request, CancellationToken cancellationToken)
    {
        if (await boardPacks.RefusalAsync(turn.Activity, cancellationToken) is { } refusal) return refusal;
        if (request.PlanId is { } named)
        {
            return await plans.GetSummaryAsync(named, cancellationToken) is { } plan
                ? await boardPacks.OfferAsync(plan, turn.Activity, cancellationToken)
                : planChoice.Ask(await plans.ListPlansAsync(cancellationToken), $"There is no plan '{named}'. Which plan is the board pack for?");
        }
        var selection = await turn.SelectPlanAsync(planSelector, cancellationToken);
        return selection.Plan is null
            ? planChoice.Ask(selection.Plans, "Which plan is the board pack for?")
            : await boardPacks.OfferAsync(selection.Plan, turn.Activity, cancellationToken);
    }
}
