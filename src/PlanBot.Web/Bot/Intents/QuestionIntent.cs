using PlanBot.Core.Questions;
using PlanBot.Core.Time;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot.Intents;

/// <summary>
/// Everything no intent before it recognised: a question about the user's plan, answered by <see cref="QuestionAnswerer"/>
/// and laid out by <see cref="AnswerCards"/> according to the kind of answer. It always answers, so it comes last: with
/// no plan chosen it asks which, and what it cannot read it says so with examples.
/// </summary>
public sealed class QuestionIntent(PlanSelector planSelector, PlanChoice planChoice, PlanReadModels readModels, PlanClock clock, AnswerCards answerCards, PlanBotCards cards)
    : IMessageIntent
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        var selection = await turn.SelectPlanAsync(planSelector, cancellationToken);
        if (selection.Plan is null)
        {
            await turn.AnswerAsync(planChoice.Ask(selection.Plans, "Which plan should I answer from?"), "no_plan", cancellationToken);
            return true;
        }
        if (await readModels.GetAsync(selection.Plan, cancellationToken) is not { } index)
        {
            await turn.AnswerAsync(CardMessages.PlanRemoved(selection.Plan.Id), "plan_removed", cancellationToken);
            return true;
        }

        var answer = QuestionAnswerer.Ask(turn.Text, index, clock.Today, turn.Activity.From?.Name);
        var reply = answer.Kind switch
        {
            QuestionKind.List or QuestionKind.Count => answerCards.List(answer, turn.Text, turn.Page).ToMessage(answer.Text),
            QuestionKind.Owner => answerCards.Owner(answer).ToMessage(answer.Text),
            QuestionKind.Status => answerCards.Status(answer).ToMessage(answer.Text),
            QuestionKind.Choice => answerCards.Choice(answer).ToMessage(answer.Text),
            QuestionKind.NotUnderstood => cards.NotUnderstood().ToMessage(answer.Text),
            _ => CardMessages.PlainMessage(answer.Text),
        };
        await turn.AnswerAsync(reply, answer.Kind.ToString(), cancellationToken);
        return true;
    }
}
