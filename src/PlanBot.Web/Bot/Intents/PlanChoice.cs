using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot.Intents;

/// <summary>What intents that need a plan say when the user has not chosen one: there are none, or which of these.</summary>
public sealed class PlanChoice(AnswerCards cards)
{
    /// <summary>Says there are no plans, or offers <paramref name="plans"/> to choose from with <paramref name="question"/>.</summary>
    public Activity Ask(IReadOnlyList<PlanSummary> plans, string question) =>
        plans.Count == 0 ? CardMessages.PlainMessage(PlanBotCards.PlansSummary(plans)) : cards.ChoosePlan(plans).ToMessage(question);
}
