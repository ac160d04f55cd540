using PlanBot.BotFramework.Schema;
using PlanBot.Core.Digests;
using PlanBot.Web.Cards;
using PlanBot.Web.Digests;

namespace PlanBot.Web.Bot.Intents;

/// <summary>Anything about the digest (<see cref="DigestRequestReader"/>): this week's digest now, or subscribing, stopping and listing digests.</summary>
public sealed class DigestIntent(DigestPreview digests, DigestSubscriptions subscriptions, PlanSelector planSelector, PlanChoice planChoice, HeavyWorkLimiter heavyWork)
    : IMessageIntent
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        if (DigestRequestReader.TryRead(turn.Text) is not { } request) return false;
        foreach (var reply in await RepliesAsync(turn, request, cancellationToken)) await turn.ReplyAsync(reply, cancellationToken);
        return true;
    }

    private async Task<IReadOnlyList<Activity>> RepliesAsync(MessageTurn turn, DigestRequest request, CancellationToken cancellationToken)
    {
        var selection = await turn.SelectPlanAsync(planSelector, cancellationToken);
        if (selection.Plan is null) return [planChoice.Ask(selection.Plans, "Which plan is the digest for?")];
        if (request.Kind != DigestRequestKind.Now) return [await subscriptions.AnswerAsync(request, selection.Plan, turn.Activity, cancellationToken)];
        return heavyWork.TryStart(turn.Activity)
            ? await digests.AnswerAsync(request, selection.Plan, turn.Activity, cancellationToken)
            : [CardMessages.PlainMessage(HeavyWorkLimiter.WaitAMinute)];
    }
}
