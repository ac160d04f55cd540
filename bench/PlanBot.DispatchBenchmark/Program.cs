extern alias web;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Bench;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using PlanBot.Application.Reminders;

// Reminder dispatch benchmark (issue 5): one sweep sends a reminder to each of N owners (each in their own stored 1:1
// chat) through the real dispatcher, ledger (Azurite, in memory) and connector client (with its limiter and retries)
// to a fake Teams connector on loopback. Compares the send rate with the app-wide limit the client paces itself to.
//   --reminders N [400]   --limit N [40] requests per second   --min-ratio R [0.9]
var invariant = CultureInfo.InvariantCulture;
var reminders = SweepBench.IntArgument(args, "--reminders", 400);
var limit = SweepBench.IntArgument(args, "--limit", 40);
var minRatio = SweepBench.DoubleArgument(args, "--min-ratio", 0.9);

var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
await using var connector = await FakeConnector.StartAsync();
try
{
    // Unpaced first: the loop's own cost per reminder, with nothing waiting on the limiter.
    var unpaced = await RunAsync(limitPerSecond: 100_000);
    var paced = await RunAsync(limitPerSecond: limit);
    var ratio = paced.PerSecond / limit;
    Console.WriteLine(string.Create(invariant, $"loop cost without pacing: {unpaced.Sent} sent in {unpaced.Seconds:F2} s = {unpaced.PerSecond:F0}/s, {1000 / unpaced.PerSecond:F1} ms a reminder"));
    Console.WriteLine(string.Create(invariant, $"paced at {limit}/s: {paced.Sent} sent in {paced.Seconds:F2} s = {paced.PerSecond:F1}/s, {ratio:P1} of the limit"));
    var pass = paced.Sent == reminders && unpaced.Sent == reminders && ratio >= minRatio;
    Console.WriteLine(pass ? $"PASS: {ratio:P1} ≥ {minRatio:P0}" : $"FAIL: {ratio:P1} (needs ≥ {minRatio:P0} and every reminder sent)");
    return pass ? 0 : 1;
}
finally
{
    await azurite.DisposeAsync();
}

async Task<(int Sent, double Seconds, double PerSecond)> RunAsync(int limitPerSecond)
{
    await using var provider = SweepBench.Services(azurite, connector, TestTablePrefix.New(), new DateOnly(2020, 1, 20), limitPerSecond);

    // Due Tuesday 28 Jan: every milestone's 7-working-days reminder (slot Friday 17 Jan) is due on the 20th.
    var plan = TestPlans.Small("bench", milestones: reminders);
    plan = plan with { Milestones = [.. plan.Milestones.Select((m, i) => m with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 28)), Owners = [TestPlans.Delivery($"Owner {i + 1}")] })] };
    await provider.GetRequiredService<IPlanStore>().CommitImportAsync(plan, null, "bench", [], null, CancellationToken.None);
    var people = Enumerable.Range(1, reminders).Select(i => new Person($"Owner {i}", $"owner{i}@nhs.net", $"00000000-0000-0000-0000-{i:D12}")).ToList();
    await provider.GetRequiredService<IPeopleStore>().ReplaceAllAsync(people, "bench", null);
    await SweepBench.SavePersonalChatsAsync(provider, connector, people);

    var dispatcher = provider.GetRequiredService<ReminderDispatcher>();
    var now = new DateTimeOffset(2020, 1, 20, 10, 0, 0, TimeSpan.Zero);
    var watch = Stopwatch.StartNew();
    var report = await dispatcher.SweepAsync(now, "bench", CancellationToken.None);
    watch.Stop();
    return (report.Sent, watch.Elapsed.TotalSeconds, report.Sent / watch.Elapsed.TotalSeconds);
}
