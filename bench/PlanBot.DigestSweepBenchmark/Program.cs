extern alias web;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Bench;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Digests;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;
using PlanBot.DigestSweepBenchmark;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using PlanBot.Testing.Digests;
using web::PlanBot.Web.Digests;

// Weekly digest sweep benchmark: a generated plan (GeneratedDigestPlan) with last week's snapshot and reminder states,
// S subscribers each with a stored 1:1 chat (chairs and directors by role subscription, the rest their own, some for
// named areas), all due Monday 08:00 London. Times the sweep at 08:00:30 that sends every digest through the real
// dispatcher, ledger (Azurite, in memory) and connector client (paced at its default, Teams' 40 requests a second) to
// a fake Teams connector on loopback; then the idle sweeps of the minutes after, when everything has been sent.
// Targets: the first sweep sends every digest, none given back or refused, within one sweep interval (a digest due at
// 8am is out by the next sweep); the idle sweeps send nothing, with a p50 of at most --idle-target-ms.
//   --milestones N [10000]   --subscribers N [200]   --idle-sweeps N [10]   --idle-target-ms N [200]
var invariant = CultureInfo.InvariantCulture;
var milestones = SweepBench.IntArgument(args, "--milestones", 10_000);
var subscriberCount = SweepBench.IntArgument(args, "--subscribers", 200);
var idleSweeps = Math.Max(1, SweepBench.IntArgument(args, "--idle-sweeps", 10));
var idleTargetMs = SweepBench.IntArgument(args, "--idle-target-ms", 200);
const int Chairs = 5, Directors = 30;
if (subscriberCount < Chairs + Directors + 1) throw new ArgumentException($"--subscribers must be at least {Chairs + Directors + 1}");
var limit = PlanBot.BotFramework.Connector.ConnectorOptions.TeamsGlobalLimit;
// Monday 20 January 2020, GMT: 08:00 in London is 08:00 UTC.
var dueAt = new DateTimeOffset(2020, 1, 20, 8, 0, 0, TimeSpan.Zero);
var firstSweepAt = dueAt.AddSeconds(30);

using var requests = new HttpRequestCounter();
var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
await using var connector = await FakeConnector.StartAsync();
try
{
    var setup = Stopwatch.StartNew();
    var prefix = TestTablePrefix.New();
    await using var host = SweepBench.Services(azurite, connector, prefix, GeneratedDigestPlan.Today);
    var inputs = GeneratedDigestPlan.Create(milestones);
    var plan = inputs.Plan;
    await host.GetRequiredService<IPlanStore>().CommitImportAsync(plan, null, "bench", [], null, CancellationToken.None);
    await host.GetRequiredService<IPlanSnapshotStore>().SaveAsync(inputs.LastWeek, CancellationToken.None);
    var statesStored = await StoreReminderStatesAsync(host.GetRequiredService<IReminderLedger>(), plan.Id, inputs.ReminderStates);

    var people = Subscribers(plan, subscriberCount);
    await host.GetRequiredService<IPeopleStore>().ReplaceAllAsync(people, "bench", null);
    await SweepBench.SavePersonalChatsAsync(host, connector, people);
    var subscriptions = Subscriptions(plan.Id, people);
    var store = host.GetRequiredService<IDigestSubscriptionStore>();
    foreach (var subscription in subscriptions) await store.SaveAsync(subscription, CancellationToken.None);
    setup.Stop();
    var withAreas = subscriptions.Count(s => s.Areas.Count > 0);
    Console.WriteLine($"Plan: {plan.Milestones.Count:N0} milestones, last week's snapshot ({inputs.LastWeek.Milestones.Count:N0}), {plan.Exceptions.Count:N0} exception entries, "
        + $"{statesStored:N0} reminder states stored (unreachable or answered)");
    Console.WriteLine($"Subscribers: {people.Count} with stored 1:1 chats: {Chairs} chairs and {Directors} directors by role subscription, {people.Count - Chairs - Directors} "
        + $"owners with their own ({withAreas} naming areas); {subscriptions.Count} subscriptions, all Monday 08:00 London. Set up in {setup.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"Connector client limit: {limit.PermitLimit} requests per {limit.Window.TotalSeconds:0} s (PlanBot:Bot:Connector:GlobalLimit, default); "
        + $"per conversation {string.Join(", ", PlanBot.BotFramework.Connector.ConnectorOptions.TeamsConversationLimits)}");

    // The first sweep of the week: every digest due, composed and sent.
    var dispatcher = host.GetRequiredService<DigestDispatcher>();
    var interval = host.GetRequiredService<DigestOptions>().SweepInterval;
    var sentBefore = connector.Requests.Count;
    var storageBefore = requests.To(azurite.Port);
    var watch = Stopwatch.StartNew();
    var first = await dispatcher.SweepAsync(firstSweepAt, plan.Id, CancellationToken.None);
    watch.Stop();
    var firstStorage = requests.To(azurite.Port) - storageBefore;
    var calls = connector.Requests.Skip(sentBefore).ToList();
    var sends = calls.Where(c => c.Route == RouteKind.SendToConversation).ToList();
    var refused = calls.Count - connector.Delivered.Skip(sentBefore).Count();
    var cards = sends.SelectMany(CardsOf).ToList();
    var cardBytes = cards.Select(TeamsSize).ToList();
    var perRecipient = sends.GroupBy(s => s.ConversationId).ToList();
    // Digests with the same cards were (very nearly always) composed for the same audience: the dispatcher composes
    // each audience once per sweep.
    var distinctDigests = perRecipient.Select(r => DigestHash(r.SelectMany(CardsOf))).Distinct().Count();
    var seconds = watch.Elapsed.TotalSeconds;
    var cardRate = cards.Count / seconds;
    var window = sends.Count > 1 ? (sends[^1].ReceivedAt - sends[0].ReceivedAt).TotalSeconds : 0;
    var windowRate = window > 0 ? (sends.Count - 1) / window : 0;
    var ratio = calls.Count / seconds / limit.PermitLimit;
    Console.WriteLine();
    Console.WriteLine($"First sweep, {firstSweepAt:ddd d MMM yyyy HH:mm:ss} UTC:");
    Console.WriteLine(string.Create(invariant, $"  {seconds:F2} s (target ≤ {interval.TotalSeconds:0} s); due {first.Due}, sent {first.Sent}, ")
        + $"given back {first.Released}, given up {first.GivenUp}, claimed elsewhere {first.ClaimedElsewhere}, "
        + $"unreachable {first.Unreachable.Count}, snapshots taken {first.SnapshotsTaken}");
    Console.WriteLine($"  digests received by {perRecipient.Count} recipients; {distinctDigests} distinct digests (audiences composed); "
        + $"cards per digest {perRecipient.Min(r => r.Count())}–{perRecipient.Max(r => r.Count())}");
    Console.WriteLine(string.Create(invariant, $"  {cards.Count:N0} cards, {cardBytes.Sum() / 1024.0 / 1024.0:F2} MB of card JSON as Teams counts it (UTF-16), ")
        + string.Create(invariant, $"largest {cardBytes.Max() / 1024.0:F1} KB; ")
        + $"{calls.Count - sends.Count} chats opened, {refused} connector requests refused");
    Console.WriteLine(string.Create(invariant, $"  {cardRate:F1} cards/s over the sweep ({ratio:P1} of the {limit.PermitLimit}/s limit, counting every connector request); ")
        + string.Create(invariant, $"{windowRate:F1}/s from the first card to the last ({window:F2} s)"));
    Console.WriteLine($"  {firstStorage:N0} storage requests");

    // The rest of the week: every minute's sweep finds everything sent.
    var idle = new List<(double Ms, long Storage, DigestSweepReport Report, int Calls)>();
    for (var minute = 1; minute <= idleSweeps; minute++)
    {
        var callsBefore = connector.Requests.Count;
        storageBefore = requests.To(azurite.Port);
        watch.Restart();
        var report = await dispatcher.SweepAsync(dueAt.AddMinutes(minute).AddSeconds(30), plan.Id, CancellationToken.None);
        watch.Stop();
        idle.Add((watch.Elapsed.TotalMilliseconds, requests.To(azurite.Port) - storageBefore, report, connector.Requests.Count - callsBefore));
    }
    var idleTimes = idle.Select(i => i.Ms).Order().ToList();
    var idleP50 = idleTimes[(idleTimes.Count - 1) / 2];
    var idleSent = idle.Sum(i => i.Report.Sent + i.Calls);
    Console.WriteLine();
    Console.WriteLine($"Idle sweeps (08:01:30 on, everything sent), {idle.Count} runs:");
    Console.WriteLine(string.Create(invariant, $"  p50 {idleP50:F1} ms (target ≤ {idleTargetMs} ms), max {idleTimes[^1]:F1} ms (each: {string.Join(", ", idle.Select(i => i.Ms.ToString("F0", invariant)))} ms)"));
    Console.WriteLine($"  storage requests per sweep {idle.Min(i => i.Storage)}–{idle.Max(i => i.Storage)}; digests due {idle.Sum(i => i.Report.Due)}, connector requests {idle.Sum(i => i.Calls)}");

    // A host started mid-week (a restart, a second instance): its first sweep asks the ledger about every delivery.
    await using (var restarted = SweepBench.Services(azurite, connector, prefix, GeneratedDigestPlan.Today))
    {
        var other = restarted.GetRequiredService<DigestDispatcher>();
        var at = dueAt.AddMinutes(idleSweeps + 1).AddSeconds(30);
        var callsBefore = connector.Requests.Count;
        storageBefore = requests.To(azurite.Port);
        watch.Restart();
        var report = await other.SweepAsync(at, plan.Id, CancellationToken.None);
        var coldMs = watch.Elapsed.TotalMilliseconds;
        var coldStorage = requests.To(azurite.Port) - storageBefore;
        watch.Restart();
        await other.SweepAsync(at.AddMinutes(1), plan.Id, CancellationToken.None);
        Console.WriteLine(string.Create(invariant, $"A new host's first sweep of the sent week: {coldMs:F0} ms, {coldStorage} storage requests, ")
            + $"{report.ClaimedElsewhere} deliveries found sent, {report.Sent + connector.Requests.Count - callsBefore} sent again; "
            + string.Create(invariant, $"its next sweep {watch.Elapsed.TotalMilliseconds:F0} ms"));
    }

    var problems = new List<string>();
    if (first.Sent != people.Count || first.Due != people.Count) problems.Add($"the first sweep sent {first.Sent} of {people.Count} digests ({first.Due} due)");
    if (first.Released + first.GivenUp + first.ClaimedElsewhere + first.Unreachable.Count > 0) problems.Add("the first sweep gave back, gave up or could not reach someone");
    if (perRecipient.Count != people.Count) problems.Add($"{perRecipient.Count} of {people.Count} subscribers received a digest");
    if (refused > 0) problems.Add($"the connector refused {refused} requests");
    if (seconds > interval.TotalSeconds) problems.Add(string.Create(invariant, $"the first sweep took {seconds:F1} s, longer than the sweep interval ({interval.TotalSeconds:0} s)"));
    if (idleSent > 0) problems.Add($"the idle sweeps sent {idleSent} requests to the connector");
    if (idleP50 > idleTargetMs) problems.Add(string.Create(invariant, $"idle sweep p50 {idleP50:F0} ms (target ≤ {idleTargetMs} ms)"));
    Console.WriteLine();
    Console.WriteLine(problems.Count == 0
        ? string.Create(invariant, $"PASS: all {people.Count} digests sent in {seconds:F1} s ≤ {interval.TotalSeconds:0} s; idle sweep p50 {idleP50:F0} ms ≤ {idleTargetMs} ms")
        : "FAIL: " + string.Join("; ", problems));
    return problems.Count == 0 ? 0 : 1;
}
finally
{
    await azurite.DisposeAsync();
}

// The ledger states the digest reports on that the ledger can be told directly: owners PlanBot cannot reach, and
// milestones answered. (Reminders sent and not answered are recorded only by claiming and sending them; left out.)
static async Task<int> StoreReminderStatesAsync(IReminderLedger ledger, string planId, IReadOnlyDictionary<MilestoneRef, ReminderState> states)
{
    var stored = 0;
    await Parallel.ForEachAsync(states, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, ct) =>
    {
        var (reference, state) = pair;
        if (state is { UnreachableReason: { } reason, UnreachableSince: { } since })
            await ledger.RecordUnreachableAsync(planId, reference, reason, since, ct);
        else if (state.LastUpdateAt is { } answered)
            await ledger.RecordUpdateAsync(planId, reference, answered, ct);
        else return;
        Interlocked.Increment(ref stored);
    });
    return stored;
}

// The plan's owners in the order first met: the first chairs, the next directors (accountable for milestones, so
// their directorate is the departments of those), the rest owners.
static List<Person> Subscribers(Plan plan, int count)
{
    var names = plan.Milestones.SelectMany(m => m.AccountableOwners).Select(o => o.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    if (names.Count < count) throw new ArgumentException($"the plan has {names.Count} accountable owners; --subscribers {count} needs as many");
    return [.. names.Take(count).Select((name, i) => new Person(
        name,
        string.Create(CultureInfo.InvariantCulture, $"person{i + 1}@nhs.net"),
        string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{i + 1:D12}"),
        i < Chairs ? [PersonRoles.Chair] : i < Chairs + Directors ? [PersonRoles.Director] : []))];
}

// One subscription for the chairs and one for the directors, by role; each owner their own, every fifth for one of six
// departments (so several owners share an audience), the rest for their own milestones. Made the Monday before.
static List<DigestSubscription> Subscriptions(string planId, List<Person> people)
{
    var made = new DateTimeOffset(2020, 1, 13, 9, 0, 0, TimeSpan.Zero);
    var list = new List<DigestSubscription>
    {
        new(planId, DigestSubscriber.ForRole(PersonRoles.Chair), [], DigestSchedule.Default, "bench", made),
        new(planId, DigestSubscriber.ForRole(PersonRoles.Director), [], DigestSchedule.Default, "bench", made),
    };
    foreach (var (person, i) in people.Skip(Chairs + Directors).Select((p, i) => (p, i)))
    {
        string[] areas = i % 5 == 0 ? [GeneratedDigestPlan.Departments[i / 5 % 6]] : [];
        list.Add(new(planId, DigestSubscriber.Person(person.AadObjectId!, person.Name), areas, DigestSchedule.Default, person.Name, made));
    }
    return list;
}

// The Adaptive Cards of one message, as JSON written the way the bot writes it.
static IEnumerable<string> CardsOf(ReceivedRequest send) =>
    (send.Body?["attachments"]?.AsArray() ?? [])
        .Where(a => a?["contentType"]?.GetValue<string>() == Attachment.AdaptiveCardContentType)
        .Select(a => a!["content"]!.ToJsonString(BotJson.Options));

// As AdaptiveCard.MeasureSize counts: bytes of UTF-16.
static int TeamsSize(string cardJson) => Encoding.Unicode.GetByteCount(cardJson);

static string DigestHash(IEnumerable<string> cards) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', cards))));
