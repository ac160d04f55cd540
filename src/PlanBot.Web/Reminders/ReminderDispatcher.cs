using PlanBot.Core.Telemetry;
using PlanBot.BotFramework.Hosting;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;
using PlanBot.Core.Updates;
using PlanBot.Web.Bot;
using PlanBot.Web.Cards;
using PlanBot.Web.Scheduling;

namespace PlanBot.Web.Reminders;

/// <summary>
/// What one sweep did: reminders due, sent, given back for a later sweep, given up after too many tries, and skipped
/// because another host had them (or had sent them); and, for each one nobody received, why.
/// </summary>
public sealed record SweepReport(int Due, int Sent, int Released, int GivenUp, int ClaimedElsewhere, IReadOnlyList<string> Unreachable);

/// <summary>
/// One reminder sweep: decide who is due (<see cref="ReminderSweep"/>), claim each reminder in the ledger so no other
/// host sends it, send the update card to each recipient's personal chat (<see cref="PersonalChats"/> finds or opens
/// it), and mark it sent — or give it back with the reason when nobody could be reached, so a later sweep tries again,
/// until <see cref="ReminderOptions.MaxAttempts"/> tries have failed. A milestone whose owners cannot be reached is
/// recorded as unreachable for the PMO's digest.
/// </summary>
public sealed partial class ReminderDispatcher(
    IPlanStore plans,
    PlanReadModels readModels,
    IReminderLedger ledger,
    IMilestoneUpdateStore milestones,
    OwnerResolver owners,
    IDirectorySearch directory,
    PersonalChats chats,
    CloudAdapter adapter,
    UpdateCards cards,
    PlanClock clock,
    ReminderPlanner planner,
    ReminderOptions options,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>This host's name in claims, so a takeover can say whose claim lapsed.</summary>
    public string Claimant { get; } = SweepClaimant.ForThisHost();

    /// <summary>Sweeps every plan as at now.</summary>
    public Task<SweepReport> SweepAsync(CancellationToken cancellationToken) => SweepAsync(clock.Time.GetUtcNow(), null, cancellationToken);

    /// <summary>Sweeps one plan (or every plan, when <paramref name="planId"/> is null) as at <paramref name="now"/>.</summary>
    public async Task<SweepReport> SweepAsync(DateTimeOffset now, string? planId, CancellationToken cancellationToken)
    {
        var tally = new SweepTally();
        foreach (var summary in await plans.ListPlansAsync(cancellationToken))
        {
            if (planId is not null && !string.Equals(summary.Id, planId, StringComparison.OrdinalIgnoreCase)) continue;
            if (await readModels.GetAsync(summary, cancellationToken) is not { } index) continue;
            var states = await ledger.GetStatesAsync(summary.Id, cancellationToken);
            // Several at once: each reminder waits on a few storage round trips and the connector, and one at a time
            // would fall short of the rate Teams allows. The connector client paces the sends themselves.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.SendConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(ReminderSweep.Decide(index.Plan, states, planner, now).Due, parallel,
                async (reminder, ct) => await SendOneAsync(reminder, now, tally, ct));
        }
        var report = new SweepReport(tally.Due, tally.Sent, tally.Released, tally.GivenUp, tally.Elsewhere, tally.Unreachable());
        PlanBotTelemetry.RemindersSwept(report.Sent, report.Released, report.GivenUp);
        if (report.Due > 0) LogSwept(report.Due, report.Sent, report.Released, report.GivenUp, report.ClaimedElsewhere);
        return report;
    }

    private async Task SendOneAsync(DueReminder reminder, DateTimeOffset now, SweepTally tally, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref tally.Due);
        var claim = await ledger.TryClaimAsync(reminder, Claimant, options.Lease, now, cancellationToken);
        if (claim is null)
        {
            Interlocked.Increment(ref tally.Elsewhere);
            return;
        }
        var missed = await DeliverAsync(reminder, now, cancellationToken);
        var unreachable = missed.Where(m => !m.Transient).Select(m => m.ToString()).ToList();
        if (missed.Count < reminder.Recipients.Count)
        {
            await ledger.MarkSentAsync(claim, clock.Time.GetUtcNow(), cancellationToken);
            Interlocked.Increment(ref tally.Sent);
        }
        else
        {
            var reason = reminder.Recipients.Count == 0 ? "no owner named" : "could not reach " + string.Join("; ", missed);
            await tally.GiveBackAsync(claim.Attempt, options.MaxAttempts, reason,
                why => ledger.GiveUpAsync(claim, why, cancellationToken), why => ledger.ReleaseAsync(claim, why, cancellationToken));
            tally.AddUnreachable($"{reminder.PlanId} {reminder.Ref.Display}: {reason}");
            if (reminder.Recipients.Count == 0) unreachable.Add("no owner named");
        }
        if (unreachable.Count > 0)
            await ledger.RecordUnreachableAsync(reminder.PlanId, reminder.Ref, string.Join("; ", unreachable), now, cancellationToken);
    }

    /// <summary>Sends the card to each recipient; returns, for each one who could not be reached, why.</summary>
    private async Task<List<Miss>> DeliverAsync(DueReminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var missed = new List<Miss>();
        var stored = await milestones.GetStoredMilestoneAsync(reminder.PlanId, reminder.Ref, cancellationToken);
        if (stored is null) return [.. reminder.Recipients.Select(r => new Miss(r.Name, "the milestone is gone", Transient: false))];
        var text = reminder.Kind == ReminderKind.Escalation
            ? $"{reminder.Ref.Display} is overdue with no update: {reminder.Reason}. Please check with its owner or update it here."
            : $"Reminder: {reminder.Ref.Display} {stored.Milestone.Title} — {reminder.Reason}. Please update it here.";
        var today = LondonTime.DateOf(now);
        foreach (var recipient in reminder.Recipients)
        {
            var resolution = await owners.ResolveAsync(recipient.Name, cancellationToken);
            if (resolution.Person?.AadObjectId is not { } objectId)
            {
                missed.Add(new Miss(recipient.Name, resolution.Problem(directory.IsAvailable), Transient: false));
                continue;
            }
            var chat = await chats.FindOrOpenAsync(objectId, cancellationToken);
            if (chat.Reference is not { } reference)
            {
                missed.Add(new Miss(recipient.Name, chat.WhyNot!, Transient: false));
                continue;
            }
            try
            {
                var card = cards.Form(stored, today, why: $"{reminder.Reason} ({AnswerFormat.DueText(stored.Milestone)})");
                await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(card.ToMessage(text), ct), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendFailed(e, reminder.Key, recipient.Name);
                var unreachable = e is BotFramework.Connector.ConnectorException { IsRecipientUnreachable: true };
                missed.Add(new Miss(recipient.Name, unreachable ? "they have blocked or removed PlanBot" : "sending failed", Transient: !unreachable));
            }
        }
        return missed;
    }

    /// <summary>A recipient the reminder did not reach; <paramref name="Transient"/> when trying again later may work (throttling, an outage).</summary>
    private sealed record Miss(string Name, string Why, bool Transient)
    {
        public override string ToString() => $"{Name}: {Why}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder sweep: {Due} due, {Sent} sent, {Released} given back, {GivenUp} given up, {Elsewhere} claimed by another host")]
    private partial void LogSwept(int due, int sent, int released, int givenUp, int elsewhere);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} could not be sent to {Recipient}")]
    private partial void LogSendFailed(Exception exception, string key, string recipient);
}
