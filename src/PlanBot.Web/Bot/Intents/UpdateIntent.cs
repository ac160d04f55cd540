using PlanBot.BotFramework.Schema;
using PlanBot.Core.Questions;
using PlanBot.Core.Time;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot.Intents;

/// <summary>
/// A progress update started in chat, in the user's plan: "update" on its own lists their open milestones to choose
/// from; "update #36" opens a blank update card and "#36 delayed to 28 Feb because …" a filled one to check
/// (<see cref="UpdateConversation"/>). Nothing is saved until the card's Save is pressed.
/// </summary>
public sealed class UpdateIntent(UpdateConversation updates, PlanSelector planSelector, PlanReadModels readModels, AnswerCards answerCards, PlanClock clock)
    : IMessageIntent
{
    private const string HowTo = "Type \"update\" and the milestone, for example \"update #36\", or \"#36 delayed to 28 Feb because …\".";

    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Command is "update" or "update a milestone" or "give an update")
        {
            await turn.ReplyAsync(await ChooseMilestoneAsync(turn, cancellationToken), cancellationToken);
            return true;
        }
        // Without a plan the question intent asks which.
        if ((await turn.SelectPlanAsync(planSelector, cancellationToken)).Plan is not { } plan) return false;
        if (await updates.TryStartFromChatAsync(turn.Text, plan.Id, turn.Activity, cancellationToken) is not { } card) return false;
        await turn.AnswerAsync(card, "update", cancellationToken);
        return true;
    }

    /// <summary>The user's open milestones as buttons, or how to name one.</summary>
    private async Task<Activity> ChooseMilestoneAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        var selection = await turn.SelectPlanAsync(planSelector, cancellationToken);
        if (selection.Plan is null || await readModels.GetAsync(selection.Plan, cancellationToken) is not { } index)
            return CardMessages.PlainMessage(HowTo);
        var mine = QuestionAnswerer.Ask("my open milestones", index, clock.Today, turn.Activity.From?.Name);
        // No example reference here: one the user does not own would only be refused, sending them round in a circle.
        if (mine.Kind != QuestionKind.List || mine.Milestones.Count == 0)
            return CardMessages.PlainMessage($"I can't find any open milestones of yours in {AnswerFormat.PlanLabel(index)}, so there's nothing to list. "
                + "If you update for an owner (as their delegate or a PMO admin), type \"update\" and that milestone's reference. "
                + "If some milestones are yours, ask the PMO to check the people file.");
        return answerCards.ChooseMilestone(mine.Milestones, "update").ToMessage("Which milestone would you like to update? " + HowTo);
    }
}
