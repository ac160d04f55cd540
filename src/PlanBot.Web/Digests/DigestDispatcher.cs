using System.Collections.Concurrent;
using PlanBot.Core.Digests;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Time;
using PlanBot.Web.Bot;
using PlanBot.Web.Scheduling;

namespace PlanBot.Web.Digests;

/// <summary>
/// What one digest sweep did: digests due, sent, given back for a later sweep, given up, and skipped because another
/// host had them (or had sent them); snapshots taken; and, for each recipient not reached, why.
/// </summary>
public sealed record DigestSweepReport(int Due, int Sent, int Released, int GivenUp, int ClaimedElsewhere, int SnapshotsTaken, IReadOnlyList<string> Unreachable);

/// <summary>
/// One digest sweep: for each plan, take the week's snapshot if none is stored; find the subscriptions whose time has
/// come (<see cref="DigestSubscription.DueAt"/>); expand a role into the people holding it now (someone with their own
/// subscription to the plan gets only that one, and someone holding two subscribed roles gets one digest); claim each
/// delivery for the week in the ledger, so no other host and no later sweep sends it again; compose the recipient's
/// digest (<see cref="RecipientAudience"/>) and send it to their 1:1 chat; and mark it sent, or give it back when they
/// could not be reached, until <see cref="SweepOptions.MaxAttempts"/> tries have failed.
/// </summary>
public sealed partial class DigestDispatcher(
    IPlanStore plans,
    PlanReadModels readModels,
    DigestWriter writer,
    IDigestSubscriptionStore subscriptions,
    IDigestLedger ledger,
    IPeopleStore people,
    RoleHolders roleHolders,
    PmoAdmins admins,
    ProactiveMessenger messenger,
    WeeklySnapshots snapshots,
    PlanClock clock,
    DigestOptions options,
    ILogger<DigestDispatcher> logger)
{
    public string Claimant { get; } = SweepClaimant.ForThisHost();

    // A delivery stays due all week, and the sweep runs every minute: deliveries this host saw sent, or held by another
    // host, are not asked about again until the time here (forever once sent; the lease's end when held elsewhere, in
    // case that host crashed). Keys carry the week, so the set is pruned of past weeks as it goes.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _settled = new(StringComparer.Ordinal);

    /// <summary>Sweeps every plan as at now.</summary>
    public Task<DigestSweepReport> SweepAsync(CancellationToken cancellationToken) => SweepAsync(clock.Time.GetUtcNow(), null, cancellationToken);

    /// <summary>Sweeps one plan (or every plan, when <paramref name="planId"/> is null) as at <paramref name="now"/>.</summary>
    public async Task<DigestSweepReport> SweepAsync(DateTimeOffset now, string? planId, CancellationToken cancellationToken)
    {
        var tally = new SweepTally();
        var snapshotsTaken = 0;
        var everyone = await people.GetPeopleAsync(cancellationToken);
        foreach (var summary in await plans.ListPlansAsync(cancellationToken))
        {
            if (planId is not null && !string.Equals(summary.Id, planId, StringComparison.OrdinalIgnoreCase)) continue;
            if (options.TakeWeeklySnapshots && await readModels.GetAsync(summary, cancellationToken) is { } index
                && await snapshots.EnsureTakenAsync(index.Plan, LondonTime.DateOf(now), now, cancellationToken))
                snapshotsTaken++;

            var recipients = await DueRecipientsAsync(summary.Id, everyone, now, tally, cancellationToken);
            ForgetPastWeeks(now);
            // Settled ones first, before anything is read or composed: all week after Monday's sends, a sweep ends here.
            recipients.RemoveAll(r => _settled.TryGetValue(r.SettledKey, out var until) && until > now);
            if (recipients.Count == 0) continue;
            Interlocked.Add(ref tally.Due, recipients.Count);
            // Role subscriptions first: a chair's or director's digest runs to several cards, each chat is paced on its own,
            // and starting the long ones early keeps the connector busy to the end rather than leaving them for last.
            recipients.Sort((a, b) => (a.Subscription.Subscriber.IsRole ? 0 : 1).CompareTo(b.Subscription.Subscriber.IsRole ? 0 : 1));
            if (await writer.ReadAsync(summary, now, cancellationToken) is not { } inputs) continue;
            var digests = new ConcurrentDictionary<DigestAudience, Lazy<Digest>>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.SendConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(recipients, parallel, async (recipient, ct) =>
            {
                var audience = RecipientAudience.For(recipient.Person, recipient.Name, inputs.Plan, recipient.Subscription.Areas,
                    admins.Includes(recipient.AadObjectId, everyone));
                // Composed once per audience: every chair of a plan reads the same whole-plan digest.
                var digest = digests.GetOrAdd(audience, _ => new Lazy<Digest>(() => DigestWriter.Compose(inputs, audience))).Value;
                await SendOneAsync(recipient, digest, now, tally, ct);
            });
        }
        var report = new DigestSweepReport(tally.Due, tally.Sent, tally.Released, tally.GivenUp, tally.Elsewhere, snapshotsTaken, tally.Unreachable());
        if (report.Due > 0 || report.SnapshotsTaken > 0)
            LogSwept(report.Due, report.Sent, report.Released, report.GivenUp, report.ClaimedElsewhere, report.SnapshotsTaken);
        return report;
    }

    /// <summary>
    /// Everyone owed a digest of the plan now, once each; people a role names but nobody can reach go in the report.
    /// Someone with a subscription of their own is left out of every role's, whether theirs is due now or on another day.
    /// </summary>
    private async Task<List<Recipient>> DueRecipientsAsync(string planId, PeopleSet everyone, DateTimeOffset now, SweepTally tally, CancellationToken cancellationToken)
    {
        var all = await subscriptions.ListAsync(planId, cancellationToken);
        var ownSubscribers = all.Select(s => s.Subscriber.AadObjectId).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var due = all
            .Select(s => (Subscription: s, At: s.DueAt(now)))
            .Where(d => d.At is not null)
            // Chairs (the whole plan) before other roles, so someone holding both gets the chair's digest.
            .OrderBy(d => d.Subscription.Subscriber.Role switch { null => 0, PersonRoles.Chair => 1, _ => 2 })
            .ThenBy(d => d.Subscription.Subscriber.Key, StringComparer.Ordinal)
            .ToList();
        var recipients = new List<Recipient>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (subscription, at) in due)
        {
            var week = SnapshotWeek.Of(LondonTime.DateOf(at!.Value));
            var subscriber = subscription.Subscriber;
            if (subscriber.AadObjectId is { } objectId)
            {
                var person = everyone.FindByAadObjectId(objectId);
                if (seen.Add(objectId)) recipients.Add(new Recipient(objectId, person?.Name ?? subscriber.Name!, person, subscription, week));
                continue;
            }
            foreach (var holder in await roleHolders.FindAsync(everyone, subscriber.Role!, cancellationToken))
            {
                if (holder.AadObjectId is not { } holderId)
                {
                    tally.AddUnreachable($"{planId} digest for {holder.Person.Name} ({subscriber.Role}): {holder.Problem}");
                    continue;
                }
                if (!ownSubscribers.Contains(holderId) && seen.Add(holderId)) recipients.Add(new Recipient(holderId, holder.Person.Name, holder.Person, subscription, week));
            }
        }
        return recipients;
    }

    private async Task SendOneAsync(Recipient recipient, Digest digest, DateTimeOffset now, SweepTally tally, CancellationToken cancellationToken)
    {
        var subscription = recipient.Subscription;
        var delivery = recipient.Delivery;
        var settledKey = recipient.SettledKey;
        var claim = await ledger.TryClaimAsync(delivery, Claimant, options.Lease, now, cancellationToken);
        if (claim is null)
        {
            _settled[settledKey] = now + options.Lease;
            Interlocked.Increment(ref tally.Elsewhere);
            return;
        }
        if (await DeliverAsync(recipient, digest, cancellationToken) is not { } why)
        {
            try
            {
                await ledger.MarkSentAsync(claim, clock.Time.GetUtcNow(), cancellationToken);
                _settled[settledKey] = DateTimeOffset.MaxValue;
                Interlocked.Increment(ref tally.Sent);
            }
            catch (DigestClaimLostException e)
            {
                LogClaimLost(e, delivery.Key);
            }
            return;
        }
        await tally.GiveBackAsync(claim.Attempt, options.MaxAttempts, why,
            reason => ledger.GiveUpAsync(claim, reason, cancellationToken), reason => ledger.ReleaseAsync(claim, reason, cancellationToken));
        tally.AddUnreachable($"{subscription.PlanId} digest for {recipient.Name}: {why}");
    }

    /// <summary>Sends the digest's messages to the recipient's 1:1 chat; null when sent, else why not.</summary>
    private async Task<string?> DeliverAsync(Recipient recipient, Digest digest, CancellationToken cancellationToken)
    {
        var delivery = await messenger.SendToPersonAsync(recipient.AadObjectId, writer.Messages(digest), cancellationToken);
        if (delivery.Error is { } error) LogSendFailed(error, recipient.Name);
        return delivery.Succeeded ? null : delivery.WhyNot;
    }

    private void ForgetPastWeeks(DateTimeOffset now)
    {
        var lastWeek = $"{SnapshotWeek.Of(LondonTime.DateOf(now)).AddDays(-7):yyyy-MM-dd}";
        foreach (var key in _settled.Keys)
        {
            // Keys are "plan|week|…"; a week before last can no longer be due.
            var week = key.Split('|', 3) is [_, var w, _] ? w : "";
            if (string.CompareOrdinal(week, lastWeek) < 0) _settled.TryRemove(key, out _);
        }
    }

    /// <summary>One person owed one digest of a plan this week, and the subscription that owes it.</summary>
    private sealed record Recipient(string AadObjectId, string Name, Person? Person, DigestSubscription Subscription, DateOnly WeekOf)
    {
        public DigestDelivery Delivery { get; } = new(Subscription.PlanId, Subscription.Subscriber.Key, AadObjectId, WeekOf);

        /// <summary>"plan|week|…": the key of <see cref="_settled"/>.</summary>
        public string SettledKey => $"{Delivery.PlanId}|{Delivery.Key}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest sweep: {Due} due, {Sent} sent, {Released} given back, {GivenUp} given up, {Elsewhere} claimed by another host, {Snapshots} snapshots taken")]
    private partial void LogSwept(int due, int sent, int released, int givenUp, int elsewhere, int snapshots);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A digest could not be sent to {Recipient}")]
    private partial void LogSendFailed(Exception exception, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The claim on digest {Key} lapsed before it was marked sent; the host that took it over may send it again")]
    private partial void LogClaimLost(Exception exception, string key);
}
