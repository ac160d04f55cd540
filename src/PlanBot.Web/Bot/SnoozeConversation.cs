using System.Text.Json;
using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;
using PlanBot.Core.Updates;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Bot;

/// <summary>
/// An owner putting off a reminder: "Remind me later" on the reminder card, or "remind me Monday (about #36)" in chat.
/// Only someone who may update the milestone may snooze it (<see cref="MilestoneUpdateService.OpenAsync"/>); the snooze
/// is recorded in the reminder ledger, and nothing is sent for the milestone before then.
/// </summary>
public sealed class SnoozeConversation(
    MilestoneUpdateService updates,
    IReminderLedger reminders,
    PlanReadModels readModels,
    UpdateCards cards,
    PlanClock clock)
{
    private const string HowTo = "Say which, for example \"remind me Monday about #36\".";

    /// <summary>The invoke's answer to "Snooze" on a reminder card: the card saying when the owner will hear again.</summary>
    public async Task<AdaptiveCardInvokeResponse> SnoozeFromCardAsync(AdaptiveCardInvokeValue value, Activity activity, CancellationToken cancellationToken)
    {
        var data = value.Action?.Data ?? [];
        if (Text(data, "planId") is not { } planId || Text(data, "ref") is not { } refText || !MilestoneRef.TryParse(refText, out var reference))
            return CardMessages.InvokeReply(cards.Closed("This card does not name a milestone I can snooze. Ask me \"update #REF\" for a fresh one."));
        var now = clock.Time.GetUtcNow();
        var (stored, refusal) = await updates.OpenAsync(planId, reference, UpdateConversation.Author(activity), cancellationToken);
        if (refusal is not null)
            return CardMessages.InvokeReply(cards.Closed(refusal.Kind == UpdateResultKind.Refused ? NotYours(reference) : refusal.Message ?? "Nothing was snoozed.", refusal.Current?.Milestone));

        if (Text(data, UpdateCards.Inputs.SnoozeUntil) is not { } chosen)
            return CardMessages.InvokeReply(cards.Form(stored!, clock.Today, why: "Nothing was snoozed.", notice: "Choose a day from the list."));
        if (!SnoozeReader.TryRead($"snooze until {chosen}", now, WorkingCalendar.EnglandAndWales, SnoozeReader.DefaultSendAt, out var until, out var problem))
            return CardMessages.InvokeReply(cards.Form(stored!, clock.Today, why: "Nothing was snoozed.", notice: problem ?? "Choose a day from the list."));
        await reminders.SnoozeAsync(planId, reference, until, cancellationToken);
        return CardMessages.InvokeReply(cards.Snoozed(stored!, until, clock.Today));
    }

    /// <summary>A reply to a snooze typed in chat, or null when the text is not one.</summary>
    public async Task<Activity?> TrySnoozeFromChatAsync(string text, PlanSummary plan, Activity activity, CancellationToken cancellationToken)
    {
        var now = clock.Time.GetUtcNow();
        if (!SnoozeRequestReader.TryRead(text, now, WorkingCalendar.EnglandAndWales, out var reference, out var until, out var problem))
            return problem is null ? null : CardMessages.PlainMessage(problem);

        if (reference is null)
        {
            var waiting = await WaitingForAnswerAsync(plan, activity, cancellationToken);
            if (waiting.Count != 1)
                return CardMessages.PlainMessage(waiting.Count == 0
                    ? $"You have no reminder waiting for an answer in {plan.Id.ToUpperInvariant()}. {HowTo}"
                    : $"You have reminders waiting for {string.Join(", ", waiting.Select(r => r.Display))}. {HowTo}");
            reference = waiting[0];
        }

        var (_, refusal) = await updates.OpenAsync(plan.Id, reference, UpdateConversation.Author(activity), cancellationToken);
        if (refusal is not null)
            return CardMessages.PlainMessage(refusal.Kind == UpdateResultKind.NotFound
                ? $"There is no milestone {reference.Display} in {plan.Id.ToUpperInvariant()}."
                : NotYours(reference));
        await reminders.SnoozeAsync(plan.Id, reference, until, cancellationToken);
        return CardMessages.PlainMessage(UpdateCards.SnoozedText(reference, until));
    }

    private static string NotYours(MilestoneRef reference) =>
        $"Only the owners of {reference.Display}, their delegates or the PMO can snooze its reminders. Nothing was snoozed. "
        + "If it is yours, ask the PMO to check that the people file has your Microsoft Entra account.";

    /// <summary>The user's own open milestones whose last reminder has not been answered.</summary>
    private async Task<List<MilestoneRef>> WaitingForAnswerAsync(PlanSummary plan, Activity activity, CancellationToken cancellationToken)
    {
        if (await readModels.GetAsync(plan, cancellationToken) is not { } index) return [];
        var mine = QuestionAnswerer.Ask("my open milestones", index, clock.Today, activity.From?.Name);
        if (mine.Kind != QuestionKind.List || mine.Milestones.Count == 0) return [];
        var states = await reminders.GetStatesAsync(plan.Id, cancellationToken);
        return [.. mine.Milestones.Where(m => states.TryGetValue(m.Ref, out var state) && state.AwaitingAnswer).Select(m => m.Ref)];
    }

    private static string? Text(JsonObject data, string key) =>
        data[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 and <= 200 } text ? text : null;
}
