using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Files;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Time;
using PlanBot.Trackers.Exporting;
using PlanBot.Web.Cards;
using PlanBot.Web.People;
using PlanBot.Core.Questions;
using PlanBot.Web.Bot;

namespace PlanBot.Web.BoardPacks;

/// <summary>
/// "board pack" in chat: a PMO admin gets the board pack workbook (the one <c>planbot export --board-pack</c> writes)
/// as a file in their 1:1 chat, through Teams' file upload for bots. PlanBot offers it on a file consent card and keeps
/// a record of the offer (<see cref="BoardPackOffer"/>: who, which plan, as at which day, until when); the card's context
/// carries only the offer's id. When the admin allows it, Teams opens an upload session in their OneDrive, and the
/// accept is checked against the record: the same tenant and Entra object id, not expired, not answered before, and an
/// upload URL on OneDrive or SharePoint; the sender must still be a PMO admin. The pack is then built again and uploaded
/// in the background (<see cref="BoardPackUploader"/>), and the file card follows in the chat.
/// </summary>
public sealed partial class BoardPackConversation(
    IPlanStore plans,
    IPlanSnapshotStore snapshots,
    IBoardPackOfferStore offers,
    ChatSenders senders,
    PlanClock clock,
    FileUploadClient uploads,
    BoardPackUploadQueue queue,
    ProactiveMessenger messenger,
    ILogger<BoardPackConversation> logger)
{
    /// <summary>Marks a file consent card's context as a board pack offer (the bot may one day offer other files).</summary>
    public const string ContextKind = "boardPack";

    private const string AskAgain = "Say \"board pack\" to ask again.";

    /// <summary>How long an offer may be accepted: Teams keeps the card, but a pack an hour old is stale.</summary>
    public static readonly TimeSpan OfferLifetime = TimeSpan.FromHours(1);

    /// <summary>Why the sender cannot have the board pack here, or null when they can: PMO admins only, in a 1:1 chat.</summary>
    public async Task<Activity?> RefusalAsync(Activity activity, CancellationToken cancellationToken)
    {
        var (sender, everyone) = await senders.IdentifyAsync(activity, cancellationToken);
        if (!sender.IsPmoAdmin) return CardMessages.PlainMessage(NotAnAdmin(everyone));
        if (!IsPersonalChat(activity))
            return CardMessages.PlainMessage("I can only send files in our 1:1 chat. Open a chat with PlanBot and say \"board pack\" there.");
        return null;
    }

    /// <summary>The file consent card offering <paramref name="plan"/>'s board pack as at today to the sender of <paramref name="activity"/>.</summary>
    public async Task<Activity> OfferAsync(PlanSummary plan, Activity activity, CancellationToken cancellationToken)
    {
        if (await plans.GetPlanAsync(plan.Id, cancellationToken) is not { } stored) return CardMessages.PlanRemoved(plan.Id);
        if (activity.TenantId is not { Length: > 0 } tenantId || activity.From?.AadObjectId is not { Length: > 0 } objectId)
            return CardMessages.PlainMessage("I can't tell who you are in Teams, so I can't offer you a file.");
        var today = clock.Today;
        var now = clock.Time.GetUtcNow();
        var pack = await BoardPack.LoadAsync(stored.Plan, snapshots, today, now, cancellationToken);
        var workbook = Workbook(pack, cancellationToken);
        var offer = new BoardPackOffer
        {
            Id = BoardPackOffer.NewId(),
            TenantId = tenantId,
            AadObjectId = objectId.Trim(),
            PlanId = plan.Id,
            AsAt = today,
            OfferedAt = now,
            ExpiresAt = now + OfferLifetime,
        };
        await offers.SaveAsync(offer, cancellationToken);
        // The plan and day are there for people reading the card's JSON; only the offer id is trusted.
        var context = new JsonObject
        {
            ["kind"] = ContextKind, ["offerId"] = offer.Id, ["planId"] = plan.Id, ["asAt"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var card = new FileConsentCard
        {
            Description = $"Board pack for {Name(plan.Id)} as at {QuestionAnswerer.Date(today)}: milestone tracker, exception report, action concern report and RAG summary.",
            SizeInBytes = workbook.Length,
            AcceptContext = context,
            DeclineContext = context.DeepClone(),
        };
        var message = CardMessages.PlainMessage(
            $"The board pack for {Name(plan.Id)} as at {QuestionAnswerer.Date(today)} is ready ({Counts(pack)}). Allow me to save it to your OneDrive and I'll send it here.");
        message.Attachments = [card.ToAttachment(FileName(plan.Id, today))];
        return message;
    }

    /// <summary>
    /// The admin allowed the upload: once the offer checks out, they are told it is being saved, the consent card is
    /// removed (so a second click cannot start a second upload) and the upload is queued, or refused when the queue is full.
    /// </summary>
    public async Task AcceptAsync(FileConsentCardResponse response, TurnContext turn, CancellationToken cancellationToken)
    {
        var (upload, refusal) = await CheckAcceptAsync(response, turn.Activity, cancellationToken);
        if (upload is null)
        {
            await turn.SendActivityAsync(refusal!, cancellationToken);
            return;
        }
        // Both done before queuing, so that neither can come after the file card of a small pack.
        await turn.SendActivityAsync(CardMessages.PlainMessage(
            $"Saving the board pack for {Name(upload.PlanId)} as at {QuestionAnswerer.Date(upload.AsAt)} to your OneDrive. I'll send it here when it's ready."), cancellationToken);
        await RemoveConsentCardAsync(turn, cancellationToken);
        if (!queue.TryQueue(upload))
            await turn.SendActivityAsync(CardMessages.PlainMessage(
                $"Sorry, I'm already saving {BoardPackUploadQueue.Capacity} other board packs, so I haven't saved this one. Say \"board pack\" again in a few minutes."), cancellationToken);
    }

    /// <summary>Builds and uploads a queued pack, then sends the file card (or why not) to the chat it was accepted in.</summary>
    public async Task CompleteUploadAsync(BoardPackUpload upload, CancellationToken cancellationToken)
    {
        Activity reply;
        try
        {
            reply = await UploadAsync(upload, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUploadFailed(logger, error, upload.PlanId);
            reply = CardMessages.PlainMessage($"Sorry, something went wrong while I was saving the board pack for {Name(upload.PlanId)}, so nothing was sent. {AskAgain}");
        }
        var delivery = await messenger.SendToChatAsync(upload.Chat, [reply], cancellationToken);
        if (!delivery.Succeeded) LogReplyFailed(logger, delivery.Error, upload.PlanId, delivery.WhyNot);
    }

    /// <summary>The admin declined: the offer is closed, so the card cannot be accepted later, and the card removed.</summary>
    public async Task DeclineAsync(FileConsentCardResponse response, TurnContext turn, CancellationToken cancellationToken)
    {
        var (offer, refusal) = await FindOfferAsync(response, turn.Activity, cancellationToken);
        if (offer is null)
        {
            await turn.SendActivityAsync(refusal!, cancellationToken);
            return;
        }
        await offers.TryAnswerAsync(offer.TenantId, offer.Id, clock.Time.GetUtcNow(), cancellationToken);
        await turn.SendActivityAsync(CardMessages.PlainMessage("OK, I won't send the board pack."), cancellationToken);
        await RemoveConsentCardAsync(turn, cancellationToken);
    }

    /// <summary>"ODKM-board-pack-2020-01-20.xlsx".</summary>
    public static string FileName(string planId, DateOnly asAt) =>
        $"{Name(planId)}-board-pack-{asAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>The upload the accepted offer names, or why there is none (in words for the admin).</summary>
    private async Task<(BoardPackUpload? Upload, Activity? Refusal)> CheckAcceptAsync(
        FileConsentCardResponse response, Activity activity, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(activity, cancellationToken) is { } refusal) return (null, refusal);
        var (offer, unknown) = await FindOfferAsync(response, activity, cancellationToken);
        if (offer is null) return (null, unknown);
        var now = clock.Time.GetUtcNow();
        if (offer.AnsweredAt is not null)
            return (null, CardMessages.PlainMessage($"You have already answered that offer, so I sent nothing more. {AskAgain}"));
        if (now > offer.ExpiresAt || offer.AsAt != clock.Today)
            return (null, CardMessages.PlainMessage($"That offer was for the board pack as at {QuestionAnswerer.Date(offer.AsAt)} and has expired, so I sent nothing. Say \"board pack\" for today's."));
        if (uploads.CheckUploadUrl(response.UploadInfo?.UploadUrl, out var problem) is not { } uploadUrl)
        {
            LogUploadUrlRefused(logger, offer.Id, problem ?? "");
            return (null, CardMessages.PlainMessage($"I couldn't send the board pack: {problem}. {AskAgain}"));
        }
        if (!await offers.TryAnswerAsync(offer.TenantId, offer.Id, now, cancellationToken))
            return (null, CardMessages.PlainMessage($"You have already answered that offer, so I sent nothing more. {AskAgain}"));
        if (await plans.GetSummaryAsync(offer.PlanId, cancellationToken) is null) return (null, CardMessages.PlanRemoved(offer.PlanId));
        return (new BoardPackUpload(offer.PlanId, offer.AsAt, uploadUrl, response.UploadInfo!, activity.GetConversationReference()), null);
    }

    /// <summary>
    /// The offer a consent answer names, when it was made in this tenant to this person; otherwise the refusal. An
    /// answer naming someone else's offer is told only that the offer is not theirs.
    /// </summary>
    private async Task<(BoardPackOffer? Offer, Activity? Refusal)> FindOfferAsync(
        FileConsentCardResponse response, Activity activity, CancellationToken cancellationToken)
    {
        var unknown = CardMessages.PlainMessage($"I don't recognise that file offer, so I sent nothing. {AskAgain}");
        if (ReadOfferId(response.Context) is not { } offerId || activity.TenantId is not { Length: > 0 } tenantId) return (null, unknown);
        if (await offers.GetAsync(tenantId, offerId, cancellationToken) is not { } offer) return (null, unknown);
        if (!string.Equals(offer.AadObjectId, activity.From?.AadObjectId?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            LogOfferNotTheirs(logger, offer.Id);
            return (null, CardMessages.PlainMessage($"That file offer was made to someone else, so I sent nothing. {AskAgain}"));
        }
        return (offer, null);
    }

    private async Task<Activity> UploadAsync(BoardPackUpload upload, CancellationToken cancellationToken)
    {
        if (await plans.GetPlanAsync(upload.PlanId, cancellationToken) is not { } stored) return CardMessages.PlanRemoved(upload.PlanId);
        // As at the day of the offer, even when the upload runs just after midnight.
        var pack = await BoardPack.LoadAsync(stored.Plan, snapshots, upload.AsAt, clock.Time.GetUtcNow(), cancellationToken);
        var result = await uploads.UploadAsync(upload.UploadUrl, Workbook(pack, cancellationToken), cancellationToken);
        if (!result.Succeeded)
            return CardMessages.PlainMessage($"I couldn't save the board pack to your OneDrive: {result.Problem}. Nothing was sent. {AskAgain}");

        var message = CardMessages.PlainMessage($"Here is the board pack for {Name(upload.PlanId)} as at {QuestionAnswerer.Date(upload.AsAt)} ({Counts(pack)})."
            + (pack.LastReport is null ? " No earlier weekly snapshot is stored, so it has no last report to compare with." : ""));
        message.Attachments = [FileInfoCard.ToAttachment(upload.UploadInfo)];
        return message;
    }

    /// <summary>
    /// Teams leaves an answered consent card in the chat with its buttons live; removing it stops a second upload of the
    /// same file. The invoke's replyToId is the card's activity. A card that cannot be removed is only logged.
    /// </summary>
    private async Task RemoveConsentCardAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.ReplyToId is not { Length: > 0 } cardId) return;
        try
        {
            await turn.DeleteActivityAsync(cardId, cancellationToken);
        }
        catch (Exception error) when (error is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            LogCardNotRemoved(logger, error, cardId);
        }
    }

    private static string NotAnAdmin(PeopleSet everyone) => "Only PMO admins can ask for the board pack. " + ChatSenders.AskThePmo(everyone);

    private static bool IsPersonalChat(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The offer id from a card context PlanBot wrote, or null when it is not one.</summary>
    private static string? ReadOfferId(JsonNode? context) =>
        context is JsonObject values && Text(values, "kind") == ContextKind && Text(values, "offerId") is { Length: 32 } id && id.All(char.IsAsciiHexDigit)
            ? id
            : null;

    private static string? Text(JsonObject values, string name) =>
        values[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static byte[] Workbook(BoardPack pack, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        BoardPackExport.Write(pack, stream, cancellationToken);
        return stream.ToArray();
    }

    private static string Counts(BoardPack pack) =>
        $"{Count(pack.Plan.Milestones.Count, "milestone")}, {Count(pack.Plan.Exceptions.Count, "exception")}";

    private static string Count(int count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string Name(string planId) => planId.ToUpperInvariant();

    [LoggerMessage(Level = LogLevel.Error, Message = "Building or uploading the board pack of {PlanId} failed")]
    private static partial void LogUploadFailed(ILogger logger, Exception error, string planId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the board pack of {PlanId} (or why not) to the chat it was asked for in: {WhyNot}")]
    private static partial void LogReplyFailed(ILogger logger, Exception? error, string planId, string? whyNot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an answer to board pack offer {OfferId} from someone it was not made to")]
    private static partial void LogOfferNotTheirs(ILogger logger, string offerId);

    // The URL itself is a credential: only why it was refused is logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the upload URL given for board pack offer {OfferId}: {Problem}")]
    private static partial void LogUploadUrlRefused(ILogger logger, string offerId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the answered file consent card {ActivityId}")]
    private static partial void LogCardNotRemoved(ILogger logger, Exception error, string activityId);
}
