using PlanBot.BotFramework.Schema;
using PlanBot.Core.Questions;
using PlanBot.Core.Time;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot.Intents;

/// <summary>
/// Everything no intent before it recognised: a question about the user's plan, answered by <see cref="QuestionAnswerer"/>
/// and laid out by <see cref="AnswerCards"/> according to the kind of answer (the one place a kind is given its card).
/// It always answers, so it comes last: with no plan chosen it asks which, and what it cannot read it says so with examples.
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
        await turn.AnswerAsync(Reply(answer, turn.Text, turn.Page), answer.Kind.ToString(), cancellationToken);
        return true;
    }

    /// <summary>The answer as a message: its sentence, above the card for its kind; <paramref name="page"/> of a list.</summary>
    public Activity Reply(Answer answer, string question, int page) => answer.Kind switch
    {
        QuestionKind.List or QuestionKind.Count => answerCards.List(answer, question, page).ToMessage(answer.Text),
        QuestionKind.Owner => answerCards.Owner(answer).ToMessage(answer.Text),
        QuestionKind.Status => answerCards.Status(answer).ToMessage(answer.Text),
        QuestionKind.Choice => answerCards.Choice(answer).ToMessage(answer.Text),
        QuestionKind.NotUnderstood => cards.NotUnderstood().ToMessage(answer.Text),
        // Any other answer that names milestones shows them as a list does, so a new kind of question needs no card.
        _ when answer.Milestones.Count > 0 => answerCards.List(answer, question, page).ToMessage(answer.Text),
        _ => CardMessages.PlainMessage(answer.Text),
    };
}
