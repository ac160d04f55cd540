using Stopwatch = System.Diagnostics.Stopwatch;
using PlanBot.Core.Telemetry;
using System.Text.Json;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Digests;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Time;
using PlanBot.Web.BoardPacks;
using PlanBot.Web.Cards;
using PlanBot.Web.Digests;

namespace PlanBot.Web.Bot;

/// <summary>
/// PlanBot's conversation: records who can be messaged later, greets people when the app is installed, and answers
/// what they write. Everything a user sees is built by <see cref="PlanBotCards"/> and <see cref="AnswerCards"/>.
/// </summary>
public sealed class PlanBotActivityHandler(
    ConversationReferenceRecorder references,
    IPlanStore plans,
    PlanSelector planSelector,
    PlanReadModels readModels,
    PlanClock clock,
    PlanBotCards cards,
    AnswerCards answerCards,
    BoardPackConversation boardPacks,
    UpdateConversation updateConversation,
    SnoozeConversation snoozeConversation,
    DigestPreview digests,
    DigestSubscriptions digestSubscriptions,
    HeavyWorkLimiter heavyWork,
    Imports.TrackerFileConversation trackerFiles,
    ILogger<PlanBotActivityHandler> logger) : ActivityHandler
{
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

    protected override async Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await trackerFiles.TryHandleAsync(turn, cancellationToken)) return;
        var (text, page) = ReadMessage(turn.Activity);
        if (text.Length == 0)
        {
            await turn.SendActivityAsync(cards.Help().ToMessage("Type a question or a command, or pick one from this card."), cancellationToken);
            return;
        }
        if (BoardPackRequestReader.TryRead(text) is { } boardPackRequest)
        {
            await turn.SendActivityAsync(heavyWork.TryStart(turn.Activity)
                ? await BoardPackAsync(turn.Activity, boardPackRequest, cancellationToken)
                : PlainMessage(HeavyWorkLimiter.WaitAMinute), cancellationToken);
            return;
        }

        switch (MessageText.Command(text))
        {
            case "help" or "hi" or "hello" or "start" or "what can you do" or "commands":
                await turn.SendActivityAsync(cards.Help().ToMessage("Here is what I can do."), cancellationToken);
                break;
            case "plans" or "list plans" or "which plans" or "what plans":
                var summaries = await plans.ListPlansAsync(cancellationToken);
                await turn.SendActivityAsync(cards.Plans(summaries).ToMessage(PlanBotCards.PlansCount(summaries)), cancellationToken);
                break;
            case "update" or "update a milestone" or "give an update":
                await turn.SendActivityAsync(await ChooseMilestoneToUpdateAsync(turn.Activity, cancellationToken), cancellationToken);
                break;
            default:
                if (DigestRequestReader.TryRead(text) is { } digestRequest)
                {
                    foreach (var reply in await DigestAsync(turn.Activity, digestRequest, cancellationToken))
                        await turn.SendActivityAsync(reply, cancellationToken);
                    break;
                }
                await turn.SendActivityAsync(await AnswerAsync(turn.Activity, text, page, cancellationToken), cancellationToken);
                break;
        }
    }

    private async Task<Activity> AnswerAsync(Activity activity, string question, int page, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (reply, kind) = await ReplyToQuestionAsync(activity, question, page, cancellationToken);
        PlanBotTelemetry.Answered(kind, Stopwatch.GetElapsedTime(started));
        return reply;
    }

    /// <summary>The reply to a question, and what kind of answer it is for the answers metric.</summary>
    private async Task<(Activity Reply, string Kind)> ReplyToQuestionAsync(Activity activity, string question, int page, CancellationToken cancellationToken)
    {
        switch (QuestionReader.TryReadCommand(question))
        {
            case { Kind: QuestionKind.Help }:
                return (cards.Help().ToMessage("Here is what I can do."), "help");
            case { Kind: QuestionKind.UsePlan, PlanId: var planId }:
                return (await UsePlanAsync(activity, planId!, cancellationToken), "use_plan");
        }

        // A reminder's Update button names its plan, so the card opens for that plan whichever the person chose.
        if (activity.Value?["planId"] is { } cardPlan && cardPlan.GetValueKind() == JsonValueKind.String && PlanId.IsValid(cardPlan.GetValue<string>())
            && await updateConversation.TryStartFromChatAsync(question, cardPlan.GetValue<string>(), activity, cancellationToken) is { } reminded)
            return (reminded, "update");
        var selection = await planSelector.SelectAsync(activity, cancellationToken);
        if (selection.Plan is null) return (NoPlanChosen(selection.Plans, "Which plan should I answer from?"), "no_plan");
        if (await snoozeConversation.TrySnoozeFromChatAsync(question, selection.Plan, activity, cancellationToken) is { } snoozed)
            return (snoozed, "snooze");
        if (await updateConversation.TryStartFromChatAsync(question, selection.Plan.Id, activity, cancellationToken) is { } updateCard)
            return (updateCard, "update");
        var index = await readModels.GetAsync(selection.Plan, cancellationToken);
        if (index is null) return (CardMessages.PlanRemoved(selection.Plan.Id), "plan_removed");

        var answer = QuestionAnswerer.Ask(question, index, clock.Today, activity.From?.Name);
        return (answer.Kind switch
        {
            QuestionKind.List or QuestionKind.Count => answerCards.List(answer, question, page).ToMessage(answer.Text),
            QuestionKind.Owner => answerCards.Owner(answer).ToMessage(answer.Text),
            QuestionKind.Status => answerCards.Status(answer).ToMessage(answer.Text),
            QuestionKind.Choice => answerCards.Choice(answer).ToMessage(answer.Text),
            QuestionKind.Help => cards.Help().ToMessage("Here is what I can do."),
            QuestionKind.NotUnderstood => cards.NotUnderstood().ToMessage(answer.Text),
            _ => PlainMessage(answer.Text),
        }, answer.Kind.ToString());
    }

    private async Task<IReadOnlyList<Activity>> DigestAsync(Activity activity, DigestRequest request, CancellationToken cancellationToken)
    {
        var selection = await planSelector.SelectAsync(activity, cancellationToken);
        if (selection.Plan is null) return [NoPlanChosen(selection.Plans, "Which plan is the digest for?")];
        if (request.Kind != DigestRequestKind.Now) return [await digestSubscriptions.AnswerAsync(request, selection.Plan, activity, cancellationToken)];
        return heavyWork.TryStart(activity) ? await digests.AnswerAsync(request, selection.Plan, activity, cancellationToken) : [PlainMessage(HeavyWorkLimiter.WaitAMinute)];
    }

    /// <summary>"board pack (for odkm)": a file consent card for a PMO admin in their 1:1 chat, after the plan is chosen.</summary>
    private async Task<Activity> BoardPackAsync(Activity activity, BoardPackRequest request, CancellationToken cancellationToken)
    {
        if (await boardPacks.RefusalAsync(activity, cancellationToken) is { } refusal) return refusal;
        if (request.PlanId is { } named)
        {
            return await plans.GetSummaryAsync(named, cancellationToken) is { } plan
                ? await boardPacks.OfferAsync(plan, activity, cancellationToken)
                : NoPlanChosen(await plans.ListPlansAsync(cancellationToken), $"There is no plan '{named}'. Which plan is the board pack for?");
        }
        var selection = await planSelector.SelectAsync(activity, cancellationToken);
        return selection.Plan is null
            ? NoPlanChosen(selection.Plans, "Which plan is the board pack for?")
            : await boardPacks.OfferAsync(selection.Plan, activity, cancellationToken);
    }

    /// <summary>No plan to answer from: say there are none, or offer the plans to choose from with <paramref name="question"/>.</summary>
    private Activity NoPlanChosen(IReadOnlyList<PlanSummary> plans, string question) =>
        plans.Count == 0 ? PlainMessage(PlanBotCards.PlansSummary(plans)) : answerCards.ChoosePlan(plans).ToMessage(question);

    /// <summary>"update" on its own: the user's open milestones as buttons, or how to name one.</summary>
    private async Task<Activity> ChooseMilestoneToUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        const string HowTo = "Type \"update\" and the milestone, for example \"update #36\", or \"#36 delayed to 28 Feb because …\".";
        var selection = await planSelector.SelectAsync(activity, cancellationToken);
        if (selection.Plan is null || await readModels.GetAsync(selection.Plan, cancellationToken) is not { } index)
            return PlainMessage(HowTo);
        var mine = QuestionAnswerer.Ask("my open milestones", index, clock.Today, activity.From?.Name);
        // No example reference here: one the user does not own would only be refused, sending them round in a circle.
        if (mine.Kind != QuestionKind.List || mine.Milestones.Count == 0)
            return PlainMessage($"I can't find any open milestones of yours in {AnswerFormat.PlanLabel(index)}, so there's nothing to list. "
                + "If you update for an owner (as their delegate or a PMO admin), type \"update\" and that milestone's reference. "
                + "If some milestones are yours, ask the PMO to check the people file.");
        return answerCards.ChooseMilestone(mine.Milestones, "update").ToMessage("Which milestone would you like to update? " + HowTo);
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

    private async Task<Activity> UsePlanAsync(Activity activity, string planId, CancellationToken cancellationToken)
    {
        if (await planSelector.ChooseAsync(activity, planId, cancellationToken) is { } chosen)
            return PlainMessage($"From now on I'll answer your questions from {chosen.Id.ToUpperInvariant()}: {chosen.Name}.");
        var all = await plans.ListPlansAsync(cancellationToken);
        return NoPlanChosen(all, $"There is no plan '{planId}'. I hold: {string.Join(", ", all.Select(p => p.Id))}.");
    }

    /// <summary>
    /// The question and page: a card button sends them in its value (the visible text may just say "show more");
    /// a command button sends {"command": …}; otherwise it is what the user typed.
    /// </summary>
    private static (string Text, int Page) ReadMessage(Activity activity)
    {
        var value = activity.Value;
        if (value?["question"] is { } question && question.GetValueKind() == JsonValueKind.String)
        {
            var page = value["page"] is { } p && p.GetValueKind() == JsonValueKind.Number && p.GetValue<double>() is var n && n is >= 1 and <= 10_000 ? (int)n : 1;
            return (MessageText.Clean(question.GetValue<string>()), page);
        }
        var text = MessageText.Clean(activity.Text);
        if (text.Length == 0 && value?["command"] is { } command && command.GetValueKind() == JsonValueKind.String)
            text = MessageText.Clean(command.GetValue<string>());
        return (text, 1);
    }

    private static Activity PlainMessage(string text) => CardMessages.PlainMessage(text);

    private async Task SendWelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var summaries = await plans.ListPlansAsync(cancellationToken);
        var firstName = turn.Activity.From?.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        await turn.SendActivityAsync(cards.Welcome(firstName, summaries).ToMessage("Welcome to PlanBot."), cancellationToken);
    }
}
