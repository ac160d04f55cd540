using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;
using PlanBot.Core.Updates;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot;

/// <summary>
/// Progress updates in conversation: the update card's Save (an adaptiveCard/action invoke), "update #36" for a blank
/// card, and "#36 delayed to 29 Feb 2020 because …" for a filled one to confirm. Every save goes through
/// <see cref="MilestoneUpdateService"/>; nothing in the card's data is trusted beyond naming the milestone.
/// </summary>
public sealed partial class UpdateConversation(
    MilestoneUpdateService updates,
    UpdateCards cards,
    IReminderLedger reminders,
    PlanClock clock,
    ILogger<UpdateConversation> logger)
{
    public const int MaxInputLength = 25_000;

    /// <summary>The invoke's answer: the card that replaces the one the owner pressed Save on.</summary>
    public async Task<AdaptiveCardInvokeResponse> SaveFromCardAsync(AdaptiveCardInvokeValue value, Activity activity, CancellationToken cancellationToken)
    {
        var data = value.Action?.Data ?? [];
        var planId = Text(data, "planId");
        var refText = Text(data, "ref");
        if (planId is null || refText is null || !MilestoneRef.TryParse(refText, out var reference))
            return CardMessages.InvokeReply(cards.Closed("This card does not name a milestone I can update. Ask me \"update #REF\" for a fresh one."));

        var (update, problems) = ReadInputs(data);
        var author = Author(activity);
        if (problems.Count > 0)
        {
            var (stored, refusal) = await updates.OpenAsync(planId, reference, author, cancellationToken);
            return CardMessages.InvokeReply(refusal is not null
                ? cards.Closed(NothingSaved(refusal.Message), refusal.Current?.Milestone)
                : cards.Form(stored!, clock.Today, notice: "Nothing was saved.", problems: problems, entered: update));
        }

        var result = await updates.UpdateAsync(planId, reference, Text(data, "revision") ?? string.Empty, update, author, "card", cancellationToken);
        if (result.Kind == UpdateResultKind.Saved) await RecordForRemindersAsync(planId, reference);
        return CardMessages.InvokeReply(result.Kind switch
        {
            UpdateResultKind.Saved => cards.Updated(result.Current!, author.Name, clock.Time.GetUtcNow(), clock.Today, result.Recorded?.Note),
            UpdateResultKind.Invalid => cards.Form(result.Current!, clock.Today, notice: "Nothing was saved.", problems: result.Problems, entered: update),
            UpdateResultKind.Stale => cards.Form(result.Current!, clock.Today, notice: result.Message, entered: update),
            _ => cards.Closed(NothingSaved(result.Message), result.Current?.Milestone),
        });
    }

    // Only a press of Save submits anything, so only its refusal says nothing was saved; asking for a card does not.
    private static string NothingSaved(string? why) => why is null ? "Nothing was saved." : "Nothing was saved. " + why;

    /// <summary>
    /// "update #36" or "#36 delayed to …": an update card for the user to fill in or check, or null when the text is
    /// not an update (it is then read as a question).
    /// </summary>
    public async Task<Activity?> TryStartFromChatAsync(string text, string planId, Activity activity, CancellationToken cancellationToken)
    {
        if (!ChatUpdateReader.TryRead(text, clock.Today, out var reference, out var proposed)) return null;
        var opened = await updates.OpenAsync(planId, reference, Author(activity), cancellationToken);
        var (stored, refusal) = opened;
        if (refusal is not null)
            return CardMessages.PlainMessage(refusal.Kind == UpdateResultKind.NotFound
                ? $"There is no milestone {reference.Display} in {planId.ToUpperInvariant()}."
                : refusal.Message ?? $"You can't update {reference.Display}.");

        var filled = proposed.Status is not null || proposed.RevisedDue is not null || proposed.ProgressNote is not null || proposed.DelayReason is not null;
        // A PMO admin updating for an owner is told what would let the owner do it themselves.
        var notice = filled ? "Check this update, then press Save update. Nothing is saved until you do." : null;
        if (opened.Notice is { } fix) notice = notice is null ? fix : fix + " " + notice;
        // What the message did not say starts from what stands, as on a blank form.
        var standing = stored!.LatestException;
        var entered = proposed with
        {
            RevisedDue = proposed.RevisedDue ?? MilestoneUpdater.StandingRevisedDue(stored.Milestone, standing),
            DelayReason = proposed.DelayReason ?? MilestoneUpdater.StandingReason(standing),
        };
        return filled
            ? cards.Form(stored!, clock.Today, notice: notice, entered: entered).ToMessage($"Check your update to {reference.Display}, then save it.")
            : cards.Form(stored!, clock.Today, notice: notice).ToMessage($"Update {reference.Display} here.");
    }

    /// <summary>
    /// Tells the reminder loop the owner has answered, so this round's next reminder is skipped. The update itself is
    /// already saved; if this fails the owner may get one reminder too many, which is logged rather than shown.
    /// </summary>
    private async Task RecordForRemindersAsync(string planId, MilestoneRef reference)
    {
        try
        {
            await reminders.RecordUpdateAsync(planId, reference, clock.Time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogReminderStateNotRecorded(logger, e, planId, reference.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update to {Ref} in plan {PlanId} saved, but the reminder state was not; one extra reminder may follow")]
    private static partial void LogReminderStateNotRecorded(ILogger logger, Exception exception, string planId, string @ref);

    /// <summary>The author as Teams identifies them: the object id decides what they may do, the name is for history.</summary>
    public static UpdateAuthor Author(Activity activity) =>
        new(string.IsNullOrWhiteSpace(activity.From?.Name) ? "someone" : activity.From!.Name!.Trim(), activity.From?.AadObjectId);

    /// <summary>The card's inputs as an update, with a problem for each that is not what the card offers (a forged or garbled value).</summary>
    private static (MilestoneUpdate Update, List<UpdateProblem> Problems) ReadInputs(JsonObject data)
    {
        var problems = new List<UpdateProblem>();
        MilestoneStatus? status = null;
        if (Text(data, UpdateCards.Inputs.Status) is { } statusText)
        {
            if (Enum.TryParse<MilestoneStatus>(statusText, out var parsed) && MilestoneUpdater.ChoosableStatuses.Contains(parsed)) status = parsed;
            else problems.Add(new UpdateProblem(UpdateCards.Inputs.Status, "Choose one of the statuses offered."));
        }
        Rag? rag = null;
        if (Text(data, UpdateCards.Inputs.Rag) is { } ragText)
        {
            if (ragText is "Red" or "Amber" or "Green") rag = Enum.Parse<Rag>(ragText);
            else problems.Add(new UpdateProblem(UpdateCards.Inputs.Status, "Choose red, amber or green, or leave RAG blank."));
        }
        DateOnly? revised = null;
        if (Text(data, UpdateCards.Inputs.RevisedDue) is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) revised = date;
            else problems.Add(new UpdateProblem(UpdateCards.Inputs.RevisedDue, "Pick the revised date from the calendar."));
        }
        foreach (var field in new[] { UpdateCards.Inputs.Note, UpdateCards.Inputs.Reason, UpdateCards.Inputs.Evidence })
            if (Text(data, field, limit: int.MaxValue) is { Length: > MaxInputLength } tooLong)
                problems.Add(new UpdateProblem(field, $"That text is {tooLong.Length:N0} characters; far more than the card allows."));

        var update = new MilestoneUpdate
        {
            Status = status,
            Rag = rag,
            RevisedDue = revised,
            ProgressNote = Text(data, UpdateCards.Inputs.Note),
            DelayReason = Text(data, UpdateCards.Inputs.Reason),
            EvidenceLink = Text(data, UpdateCards.Inputs.Evidence),
        };
        return (update, problems);
    }

    /// <summary>A string value of the card data, null when absent, blank or not a string; cut at <paramref name="limit"/>.</summary>
    private static string? Text(JsonObject data, string key, int limit = MaxInputLength + 1)
    {
        if (data[key] is not JsonValue value || value.GetValueKind() != JsonValueKind.String) return null;
        var text = value.GetValue<string>();
        if (string.IsNullOrWhiteSpace(text)) return null;
        return text.Length > limit ? text[..limit] : text;
    }
}
