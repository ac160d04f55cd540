using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot.Intents;

/// <summary>"plans": the plans PlanBot holds; "use plan odkm": the plan the user's questions go to from now on.</summary>
public sealed class PlansIntent(IPlanStore plans, PlanSelector planSelector, PlanChoice planChoice, PlanBotCards cards) : IMessageIntent
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Command is "plans" or "list plans" or "which plans" or "what plans")
        {
            var summaries = await plans.ListPlansAsync(cancellationToken);
            await turn.ReplyAsync(cards.Plans(summaries).ToMessage(PlanBotCards.PlansCount(summaries)), cancellationToken);
            return true;
        }
        if (QuestionReader.TryReadCommand(turn.Text) is not { Kind: QuestionKind.UsePlan, PlanId: { } planId }) return false;
        await turn.AnswerAsync(await UsePlanAsync(turn.Activity, planId, cancellationToken), "use_plan", cancellationToken);
        return true;
    }

    private async Task<Activity> UsePlanAsync(Activity activity, string planId, CancellationToken cancellationToken)
    {
        if (await planSelector.ChooseAsync(activity, planId, cancellationToken) is { } chosen)
            return CardMessages.PlainMessage($"From now on I'll answer your questions from {chosen.Id.ToUpperInvariant()}: {chosen.Name}.");
        var all = await plans.ListPlansAsync(cancellationToken);
        return planChoice.Ask(all, $"There is no plan '{planId}'. I hold: {string.Join(", ", all.Select(p => p.Id))}.");
    }
}
