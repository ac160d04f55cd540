using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Reminders;
using PlanBot.Core.Telemetry;
using PlanBot.Core.Time;
using PlanBot.Core.Updates;
using PlanBot.Application.Chats;
using PlanBot.Application.Sweeps;

namespace PlanBot.Application.Reminders;

/// <summary>
/// What one sweep did, counted in notices (one person, one milestone): due, sent, given back for a later sweep, given
/// up for the day after too many tries, and skipped because they were sent already today or another host has them;
/// for each one nobody received, why; how many messages went out; and, for a sweep outside the send window (which
/// sends nothing), when the window next opens.
/// </summary>
public sealed record SweepReport(int Due, int Sent, int Released, int GivenUp, int ClaimedElsewhere, IReadOnlyList<string> Unreachable)
{
    public int Messages { get; init; }
    public DateTimeOffset? NextSendWindow { get; init; }
}

/// <summary>
/// One reminder sweep, deciding one instant for everyone at once: outside the send window it sends nothing; inside it,
/// it decides what every milestone is due (<see cref="ReminderSweep"/>: the owners' reminder and the escalation
/// together), turns that into one notice per person per milestone (<see cref="ReminderNotices"/>: an escalation and a
/// reminder to the same person merge), and for each person claims their notices in the ledger — keyed by person,
/// milestone and working day, so another sweep that day, on any host or the command line, finds them taken — then
/// sends them to the person's 1:1 chat (<see cref="ProactiveMessenger"/>): a card each, or one message listing them when
/// there are more than <see cref="ReminderOptions.GroupAbove"/>. A notice is marked sent, or given back with the reason
/// when nobody could be reached so a later sweep tries again, until <see cref="ReminderOptions.MaxAttempts"/> tries
/// have failed that day. When a sweep reaches nobody at all, the log says why and how to fix it once, not every sweep.
/// </summary>
public sealed partial class ReminderDispatcher(
    IPlanStore plans,
    PlanReadModels readModels,
    IReminderLedger ledger,
    IMilestoneUpdateStore milestones,
    OwnerResolver owners,
    IDirectorySearch directory,
    ProactiveMessenger messenger,
    ReminderCards cards,
    PlanClock clock,
    ReminderPlanner planner,
    ReminderOptions options,
    BotAuthenticationOptions authentication,
    ILogger<ReminderDispatcher> logger)
{
    // The explanation last logged for a sweep that reached nobody; the next such sweep with the same reasons stays quiet.
    private string? _nobodyReachedLogged;
    private readonly Lock _nobodyReachedLock = new();

    /// <summary>This host's name in claims, so a takeover can say whose claim lapsed.</summary>
    public string Claimant { get; } = SweepClaimant.ForThisHost();

    /// <summary>Sweeps every plan as at now.</summary>
    public Task<SweepReport> SweepAsync(CancellationToken cancellationToken) => SweepAsync(clock.Time.GetUtcNow(), null, cancellationToken);

    /// <summary>Sweeps one plan (or every plan, when <paramref name="planId"/> is null) as at <paramref name="now"/>.</summary>
    public async Task<SweepReport> SweepAsync(DateTimeOffset now, string? planId, CancellationToken cancellationToken)
    {
        if (!planner.IsInSendWindow(now)) return new SweepReport(0, 0, 0, 0, 0, []) { NextSendWindow = planner.NextSendWindow(now) };

        var day = LondonTime.DateOf(now);
        var notices = new List<ReminderNotice>();
        var people = new Dictionary<string, OwnerResolution>(StringComparer.OrdinalIgnoreCase);
        foreach (var summary in await plans.ListPlansAsync(cancellationToken).ConfigureAwait(false))
        {
            if (planId is not null && !string.Equals(summary.Id, planId, StringComparison.OrdinalIgnoreCase)) continue;
            if (await readModels.GetAsync(summary, cancellationToken).ConfigureAwait(false) is not { } index) continue;
            var states = await ledger.GetStatesAsync(summary.Id, cancellationToken).ConfigureAwait(false);
            var due = ReminderSweep.Decide(index.Plan, states, planner, now).Due;
            // All at once: the resolver bounds its own directory lookups (PlanBot:People:MaxConcurrentLookups).
            var names = due.SelectMany(r => r.Recipients).Select(o => o.Name).Where(n => !people.ContainsKey(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var resolution in await Task.WhenAll(names.Select(name => owners.ResolveAsync(name, cancellationToken))).ConfigureAwait(false))
                people[resolution.Name] = resolution;
            notices.AddRange(ReminderNotices.For(due, day, owner => PersonKey(owner, people)));
        }

        var tally = new SweepTally();
        var counts = new DeliveryCounts();
        // Several people at once: each waits on a few storage round trips and the connector, and one at a time would
        // fall short of the rate Teams allows. The connector client paces the sends themselves.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.SendConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(notices.GroupBy(n => n.PersonKey, StringComparer.Ordinal), parallel,
            async (person, ct) => await SendToPersonAsync([.. person], people, now, tally, counts, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var report = new SweepReport(tally.Due, tally.Sent, tally.Released, tally.GivenUp, tally.Elsewhere, tally.Unreachable()) { Messages = counts.Messages };
        PlanBotTelemetry.RemindersSwept(report.Sent, report.Released, report.GivenUp);
        LogOutcome(report, counts);
        return report;
    }

    /// <summary>The person a notice is for: their Entra object id when the name resolves to one, else the name itself.</summary>
    private static string PersonKey(Owner owner, Dictionary<string, OwnerResolution> people) =>
        people.TryGetValue(owner.Name, out var resolution) && resolution.Person?.AadObjectId is { Length: > 0 } id
            ? id.ToLowerInvariant()
            : "name:" + string.Join(' ', owner.Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private async Task SendToPersonAsync(IReadOnlyList<ReminderNotice> notices, Dictionary<string, OwnerResolution> people, DateTimeOffset now,
        SweepTally tally, DeliveryCounts counts, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref tally.Due, notices.Count);
        var claims = new List<ReminderClaim>(notices.Count);
        foreach (var notice in notices)
        {
            if (await ledger.TryClaimAsync(notice, Claimant, options.Lease, now, cancellationToken).ConfigureAwait(false) is { } claim) claims.Add(claim);
            else Interlocked.Increment(ref tally.Elsewhere);
        }
        if (claims.Count == 0) return;

        if (notices[0].Person is not { } person)
        {
            foreach (var claim in claims) await GiveBackAsync(claim, "no owner named", "no owner named", now, tally, counts, cancellationToken).ConfigureAwait(false);
            return;
        }
        var resolution = people[person.Name];
        if (resolution.Person?.AadObjectId is not { } objectId)
        {
            await GiveAllBackAsync(claims, person.Name, resolution.Problem(directory.IsAvailable), now, tally, counts, cancellationToken).ConfigureAwait(false);
            return;
        }
        var items = new List<ReminderItem>(claims.Count);
        foreach (var claim in claims)
        {
            if (await milestones.GetStoredMilestoneAsync(claim.Notice.PlanId, claim.Notice.Ref, cancellationToken).ConfigureAwait(false) is { } stored) items.Add(new ReminderItem(claim, stored));
            else await GiveBackAsync(claim, "the milestone is gone", null, now, tally, counts, cancellationToken).ConfigureAwait(false);
        }
        if (items.Count == 0) return;
        var today = LondonTime.DateOf(now);
        var messages = items.Count > options.GroupAbove
            ? items.Chunk(ReminderCards.MaxListed).Select(chunk => (Items: (IReadOnlyList<ReminderItem>)chunk, Message: cards.Listing(chunk))).ToList()
            : items.Select(item => (Items: (IReadOnlyList<ReminderItem>)[item], Message: cards.Single(item, today))).ToList();

        var delivery = await messenger.SendToPersonAsync(objectId, [.. messages.Select(m => m.Message)], cancellationToken, async (sent, ct) =>
        {
            Interlocked.Increment(ref counts.Messages);
            foreach (var item in messages[sent].Items)
            {
                await ledger.MarkSentAsync(item.Claim, clock.Time.GetUtcNow(), ct).ConfigureAwait(false);
                Interlocked.Increment(ref tally.Sent);
            }
        }).ConfigureAwait(false);
        if (delivery.Succeeded) return;

        // Sending stops at the first message that fails: it and the ones after it are given back.
        var notSent = messages.Skip(delivery.Sent).SelectMany(m => m.Items).ToList();
        if (delivery.Error is { } error) LogSendFailed(error, notSent[0].Notice.Key, notSent.Count, person.Name);
        var unreachable = delivery.Outcome == DeliveryOutcome.Unreachable;
        if (!unreachable) Interlocked.Increment(ref counts.Transient);
        foreach (var item in notSent)
            await GiveBackAsync(item.Claim, $"could not reach {person.Name}: {delivery.WhyNot}", unreachable ? $"{person.Name}: {delivery.WhyNot}" : null,
                now, tally, counts, cancellationToken).ConfigureAwait(false);
    }

    private async Task GiveAllBackAsync(List<ReminderClaim> claims, string name, string why, DateTimeOffset now, SweepTally tally, DeliveryCounts counts,
        CancellationToken cancellationToken)
    {
        foreach (var claim in claims) await GiveBackAsync(claim, $"could not reach {name}: {why}", $"{name}: {why}", now, tally, counts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A notice not delivered: given back for a later sweep (or up, after too many tries), reported, and — when the
    /// person cannot be reached rather than the send failing for now — recorded for the PMO's digest as <paramref name="unreachable"/>.
    /// </summary>
    private async Task GiveBackAsync(ReminderClaim claim, string reason, string? unreachable, DateTimeOffset now, SweepTally tally, DeliveryCounts counts,
        CancellationToken cancellationToken)
    {
        await tally.GiveBackAsync(claim.Attempt, options.MaxAttempts, reason,
            why => ledger.GiveUpAsync(claim, why, cancellationToken), why => ledger.ReleaseAsync(claim, why, cancellationToken)).ConfigureAwait(false);
        tally.AddUnreachable($"{claim.Notice.PlanId} {claim.Notice.Ref.Display}: {reason}");
        if (unreachable is null) return;
        counts.AddReason(unreachable[(unreachable.IndexOf(": ", StringComparison.Ordinal) is var colon and >= 0 ? colon + 2 : 0)..]);
        await ledger.RecordUnreachableAsync(claim.Notice.PlanId, claim.Notice.Ref, unreachable, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Logs what the sweep did when it did anything. A sweep that reached nobody at all, only because nobody can be
    /// reached, is explained once — why and how to reach people — and then kept quiet until the reasons change or a
    /// sweep reaches someone.
    /// </summary>
    private void LogOutcome(SweepReport report, DeliveryCounts counts)
    {
        var failed = report.Released + report.GivenUp;
        if (report.Sent == 0 && failed > 0 && counts.Transient == 0)
        {
            var reasons = counts.Reasons();
            var why = string.Join("; ", reasons.Select(r => $"{r.Reason} ({r.Count})"));
            if (string.IsNullOrWhiteSpace(messenger.TenantId)) why = "no Teams tenant is set (PlanBot:PersonalChats:TenantId, else MicrosoftAppTenantId), so no stored 1:1 chat is found and none can be opened; " + why;
            if (authentication.IsLocalMode) why = "PlanBot is in local mode (no MicrosoftAppId); " + why;
            var signature = string.Join("|", reasons.Select(r => r.Reason)) + (string.IsNullOrWhiteSpace(messenger.TenantId) ? "|no tenant" : "");
            lock (_nobodyReachedLock)
            {
                if (signature == _nobodyReachedLogged) return;
                _nobodyReachedLogged = signature;
            }
            LogNobodyReached(report.Due, failed, why);
            return;
        }
        if (report.Sent > 0)
        {
            lock (_nobodyReachedLock) _nobodyReachedLogged = null;
        }
        if (report.Sent + failed > 0) LogSwept(report.Due, report.Sent, report.Messages, report.Released, report.GivenUp, report.ClaimedElsewhere);
    }

    /// <summary>What a sweep counts beyond <see cref="SweepTally"/>: messages sent, failures that may pass, and why people were unreachable.</summary>
    private sealed class DeliveryCounts
    {
        public int Messages;
        public int Transient;
        private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);

        public void AddReason(string reason)
        {
            lock (_reasons) _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
        }

        public List<(string Reason, int Count)> Reasons()
        {
            lock (_reasons) return [.. _reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value))];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder sweep: {Due} due, {Sent} sent in {Messages} messages, {Released} given back, {GivenUp} given up, {Elsewhere} sent already today or claimed by another host")]
    private partial void LogSwept(int due, int sent, int messages, int released, int givenUp, int elsewhere);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder sweep reached nobody: {Due} due, {Failed} not delivered, because {Why}. " +
        "To reach people: give each owner their Entra object id in the people file (planbot people import), set PlanBot:PersonalChats:TenantId " +
        "to the Teams tenant, and have them install PlanBot or write to it once (in the Agents Playground, as a user whose aadObjectId the people " +
        "file lists); or set PlanBot:Reminders:Enabled=false to stop reminder sweeps. This is not repeated until the reasons change.")]
    private partial void LogNobodyReached(int due, int failed, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} ({Count} milestones in the message) could not be sent to {Recipient}")]
    private partial void LogSendFailed(Exception exception, string key, int count, string recipient);
}
