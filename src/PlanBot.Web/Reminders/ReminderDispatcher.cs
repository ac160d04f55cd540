using PlanBot.BotFramework.Conversations;
using PlanBot.BotFramework.Hosting;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;
using PlanBot.Core.Updates;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Reminders;

/// <summary>What one sweep did: reminders sent, given back (nobody reachable) and skipped (another host had them).</summary>
public sealed record SweepReport(int Due, int Sent, int Released, int ClaimedElsewhere, IReadOnlyList<string> Unreachable);

/// <summary>
/// One reminder sweep over every plan: decide who is due (<see cref="ReminderSweep"/>), claim each reminder in the
/// ledger so no other host sends it, send the update card to each recipient's personal chat, and mark it sent — or
/// give it back with the reason when nobody could be reached, so a later sweep tries again.
/// </summary>
public sealed partial class ReminderDispatcher(
    IPlanStore plans,
    PlanReadModels readModels,
    IReminderLedger ledger,
    IMilestoneUpdateStore milestones,
    OwnerResolver owners,
    IConversationReferenceStore references,
    CloudAdapter adapter,
    UpdateCards cards,
    PlanClock clock,
    ReminderPlanner planner,
    ReminderOptions options,
    string tenantId,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>This host's name in claims, so a takeover can say whose claim lapsed.</summary>
    public string Claimant { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<SweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.Time.GetUtcNow();
        int due = 0, sent = 0, released = 0, elsewhere = 0;
        var unreachable = new List<string>();
        foreach (var summary in await plans.ListPlansAsync(cancellationToken))
        {
            if (await readModels.GetAsync(summary, cancellationToken) is not { } index) continue;
            var states = await ledger.GetStatesAsync(summary.Id, cancellationToken);
            foreach (var reminder in ReminderSweep.Decide(index.Plan, states, planner, now).Due)
            {
                due++;
                var claim = await ledger.TryClaimAsync(reminder, Claimant, options.Lease, now, cancellationToken);
                if (claim is null)
                {
                    elsewhere++;
                    continue;
                }
                var missed = await DeliverAsync(reminder, cancellationToken);
                if (missed.Count < reminder.Recipients.Count)
                {
                    await ledger.MarkSentAsync(claim, clock.Time.GetUtcNow(), cancellationToken);
                    sent++;
                }
                else
                {
                    var reason = reminder.Recipients.Count == 0 ? "no owner named" : "could not reach " + string.Join("; ", missed);
                    await ledger.ReleaseAsync(claim, reason, cancellationToken);
                    released++;
                    unreachable.Add($"{summary.Id} {reminder.Ref.Display}: {reason}");
                }
            }
        }
        if (due > 0) LogSwept(due, sent, released, elsewhere);
        return new SweepReport(due, sent, released, elsewhere, unreachable);
    }

    /// <summary>Sends the card to each recipient; returns, for each one who could not be reached, why.</summary>
    private async Task<List<string>> DeliverAsync(DueReminder reminder, CancellationToken cancellationToken)
    {
        var missed = new List<string>();
        var stored = await milestones.GetStoredMilestoneAsync(reminder.PlanId, reminder.Ref, cancellationToken);
        if (stored is null) return [.. reminder.Recipients.Select(r => r.Name + " (the milestone is gone)")];
        var text = reminder.Kind == ReminderKind.Escalation
            ? $"{reminder.Ref.Display} is overdue with no update: {reminder.Reason}. Please check with its owner or update it here."
            : $"Reminder: {reminder.Ref.Display} {stored.Milestone.Title} — {reminder.Reason}. Please update it here.";
        foreach (var recipient in reminder.Recipients)
        {
            var resolution = await owners.ResolveAsync(recipient.Name, cancellationToken);
            if (resolution.Person?.AadObjectId is not { } objectId)
            {
                missed.Add($"{recipient.Name} ({resolution.Outcome})");
                continue;
            }
            var reference = await references.FindPersonalAsync(tenantId, objectId, cancellationToken);
            if (reference is null)
            {
                missed.Add($"{recipient.Name} (PlanBot is not installed for them)");
                continue;
            }
            try
            {
                var card = cards.Form(stored, clock.Today, why: $"{reminder.Reason} ({AnswerFormat.DueText(stored.Milestone)})");
                await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(card.ToMessage(text), ct), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendFailed(e, reminder.Key, recipient.Name);
                missed.Add($"{recipient.Name} (sending failed)");
            }
        }
        return missed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder sweep: {Due} due, {Sent} sent, {Released} given back, {Elsewhere} claimed by another host")]
    private partial void LogSwept(int due, int sent, int released, int elsewhere);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} could not be sent to {Recipient}")]
    private partial void LogSendFailed(Exception exception, string key, string recipient);
}
