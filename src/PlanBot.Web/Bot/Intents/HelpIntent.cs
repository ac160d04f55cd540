using PlanBot.Core.Questions;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot.Intents;

/// <summary>
/// The help card, the one place it is answered: for an empty message (a card button or attachment with no text) and
/// for anything the question engine reads as asking for help ("help", "hi", "what can you do?").
/// </summary>
public sealed class HelpIntent(PlanBotCards cards) : IMessageIntent
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Text.Length == 0)
        {
            await turn.ReplyAsync(cards.Help().ToMessage("Type a question or a command, or pick one from this card."), cancellationToken);
            return true;
        }
        if (QuestionReader.TryReadCommand(turn.Text) is not { Kind: QuestionKind.Help }) return false;
        await turn.AnswerAsync(cards.Help().ToMessage("Here is what I can do."), "help", cancellationToken);
        return true;
    }
}
