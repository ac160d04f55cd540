using PlanBot.Core.Telemetry;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Web.BoardPacks;
using PlanBot.Web.Bot.Intents;
using PlanBot.Web.Cards;
using PlanBot.Web.Imports;

namespace PlanBot.Web.Bot;

/// <summary>
/// PlanBot's conversation: records who can be messaged later, greets people when the app is installed, offers each
/// message to the intents in order (<see cref="MessageIntentServiceCollectionExtensions.AddPlanBotMessageIntents"/>)
/// and routes card actions and file consent answers by name, as Bot Builder's Teams handler does.
/// </summary>
public sealed partial class PlanBotActivityHandler(
    ConversationReferenceRecorder references,
    IEnumerable<IMessageIntent> intents,
    IPlanStore plans,
    PlanBotCards cards,
    UpdateConversation updateConversation,
    SnoozeConversation snoozeConversation,
    TrackerFileConversation trackerFiles,
    BoardPackConversation boardPacks,
    ILogger<PlanBotActivityHandler> logger) : ActivityHandler
{
    private readonly IMessageIntent[] _intents = [.. intents];

    /// <summary>The intents in the order a message is offered to them.</summary>
    public IReadOnlyList<IMessageIntent> Intents => _intents;

    public override async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // One trace per turn, and every log line written during it carries the activity and conversation ids.
        using var trace = PlanBotTelemetry.Source.StartActivity($"turn {turn.Activity.Type}");
        trace?.SetTag("planbot.activity.id", turn.Activity.Id);
        trace?.SetTag("planbot.conversation.id", turn.Activity.Conversation?.Id);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = turn.Activity.Id,
            ["ConversationId"] = turn.Activity.Conversation?.Id,
        });
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

    protected override Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken) =>
        AnswerAsync(MessageTurn.For(turn), cancellationToken);

    /// <summary>Offers the message to each intent in order until one answers; false when none did.</summary>
    public async Task<bool> AnswerAsync(MessageTurn message, CancellationToken cancellationToken)
    {
        foreach (var intent in _intents)
            if (await intent.TryHandleAsync(message, cancellationToken)) return true;
        // The question intent answers everything, so only a host registered without it gets here.
        LogNotHandled(logger);
        return false;
    }

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(AdaptiveCardInvokeValue value, TurnContext turn, CancellationToken cancellationToken) =>
        value.Action?.Verb switch
        {
            UpdateCards.UpdateVerb => updateConversation.SaveFromCardAsync(value, turn.Activity, cancellationToken),
            UpdateCards.SnoozeVerb => snoozeConversation.SnoozeFromCardAsync(value, turn.Activity, cancellationToken),
            TrackerImportCards.ImportVerb => trackerFiles.ImportFromCardAsync(value, turn.Activity, cancellationToken),
            TrackerImportCards.CancelVerb => trackerFiles.CancelFromCardAsync(value, turn.Activity, cancellationToken),
            _ => base.OnAdaptiveCardInvokeAsync(value, turn, cancellationToken),
        };

    protected override bool SendsFiles => true;

    protected override Task OnFileConsentAcceptAsync(FileConsentCardResponse response, TurnContext turn, CancellationToken cancellationToken) =>
        boardPacks.AcceptAsync(response, turn, cancellationToken);

    protected override Task OnFileConsentDeclineAsync(FileConsentCardResponse response, TurnContext turn, CancellationToken cancellationToken) =>
        boardPacks.DeclineAsync(response, turn, cancellationToken);

    private async Task SendWelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var summaries = await plans.ListPlansAsync(cancellationToken);
        var firstName = turn.Activity.From?.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        await turn.SendActivityAsync(cards.Welcome(firstName, summaries).ToMessage("Welcome to PlanBot."), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No message intent answered the message; the user got no reply")]
    private static partial void LogNotHandled(ILogger logger);
}
