using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot;

/// <summary>
/// PlanBot's conversation: records who can be messaged later, greets people when the app is installed, and answers
/// what they write. Everything a user sees is built by <see cref="PlanBotCards"/>.
/// </summary>
public sealed class PlanBotActivityHandler(
    ConversationReferenceRecorder references,
    IPlanStore plans,
    PlanBotCards cards) : ActivityHandler
{
    public override async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate)
            await references.RecordAsync(turn.Activity, cancellationToken);
        await base.OnTurnAsync(turn, cancellationToken);
    }

    protected override async Task OnInstallationUpdateAddAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await references.RecordAsync(turn.Activity, cancellationToken);
        if (turn.Activity.Action == "add") await SendWelcomeAsync(turn, cancellationToken);
    }

    protected override Task OnInstallationUpdateRemoveAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Action == "remove" ? references.ForgetAsync(turn.Activity, cancellationToken) : Task.CompletedTask;

    protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> members, bool botAdded, TurnContext turn, CancellationToken cancellationToken) =>
        // Teams also sends installationUpdate for the same event; welcome once, on whichever is a personal chat's first.
        botAdded && turn.Activity.ChannelId != Channels.MsTeams ? SendWelcomeAsync(turn, cancellationToken) : Task.CompletedTask;

    protected override async Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = MessageText.Clean(turn.Activity.Text);
        if (text.Length == 0 && turn.Activity.Value?["command"]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            text = MessageText.Clean(turn.Activity.Value["command"]!.GetValue<string>()); // a card button pressed (Action.Submit)
        if (text.Length == 0)
        {
            await turn.SendActivityAsync(cards.Help().ToMessage("Type a command, or pick one from this card."), cancellationToken);
            return;
        }

        switch (MessageText.Command(text))
        {
            case "help" or "hi" or "hello" or "start" or "what can you do" or "commands":
                await turn.SendActivityAsync(cards.Help().ToMessage("Here is what I can do."), cancellationToken);
                break;
            case "plans" or "list plans" or "which plans" or "what plans":
                var summaries = await plans.ListPlansAsync(cancellationToken);
                await turn.SendActivityAsync(cards.Plans(summaries).ToMessage(PlanBotCards.PlansSummary(summaries)), cancellationToken);
                break;
            default:
                await turn.SendActivityAsync(cards.NotUnderstood(text).ToMessage("Sorry, I didn't understand that."), cancellationToken);
                break;
        }
    }

    private async Task SendWelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var summaries = await plans.ListPlansAsync(cancellationToken);
        var firstName = turn.Activity.From?.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        await turn.SendActivityAsync(cards.Welcome(firstName, summaries).ToMessage("Welcome to PlanBot."), cancellationToken);
    }
}
