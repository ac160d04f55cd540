extern alias web;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Bench;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Schema;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using web::PlanBot.Web;
using web::PlanBot.Web.Instances;

// Shared send budget benchmark (issue 20): two hosts, each with the web host's own services (AddPlanBot: connector
// client with its limiter and retries, instance heartbeats in an in-memory Azurite), send as fast as their connector
// clients let them to one fake Teams connector, which enforces Teams' per-app limit (50 requests in any second) and
// per-conversation limit (7 in any second) by answering 429 with Retry-After. Once with the heartbeats telling each
// host there are two (the shared budget), once with each host believing it is alone (what the code did before).
//   --seconds N [20]   how long each run sends   --budget N [48] the app-wide limit the hosts share, requests a second
//   --min-ratio R [0.95] of Teams' 50/s   --max-throttled R [0.005] share of requests answered 429
var invariant = CultureInfo.InvariantCulture;
var seconds = SweepBench.IntArgument(args, "--seconds", 20);
var budget = SweepBench.IntArgument(args, "--budget", 48);
var minRatio = SweepBench.DoubleArgument(args, "--min-ratio", 0.95);
var maxThrottled = SweepBench.DoubleArgument(args, "--max-throttled", 0.005);
const int TeamsAppLimit = 50;
const int Conversations = 500;
const int SendersPerHost = 32;

var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
try
{
    var shared = await RunAsync(shareBudget: true);
    var alone = await RunAsync(shareBudget: false);
    Print("shared budget (heartbeats: 2 instances)", shared);
    Print("no sharing (each host paces at the whole budget)", alone);
    var ratio = shared.AcceptedPerSecond / TeamsAppLimit;
    var pass = ratio >= minRatio && shared.ThrottledShare <= maxThrottled;
    Console.WriteLine(pass
        ? string.Create(invariant, $"PASS: {ratio:P1} of Teams' {TeamsAppLimit}/s ≥ {minRatio:P0}, {shared.ThrottledShare:P2} answered 429 ≤ {maxThrottled:P1}")
        : string.Create(invariant, $"FAIL: {ratio:P1} of Teams' {TeamsAppLimit}/s (needs ≥ {minRatio:P0}), {shared.ThrottledShare:P2} answered 429 (needs ≤ {maxThrottled:P1})"));
    return pass ? 0 : 1;
}
finally
{
    await azurite.DisposeAsync();
}

void Print(string label, Result result) =>
    Console.WriteLine(string.Create(invariant,
        $"{label}: {result.Accepted} accepted in {result.Seconds:F1} s = {result.AcceptedPerSecond:F1}/s ({result.AcceptedPerSecond / TeamsAppLimit:P1} of {TeamsAppLimit}/s); " +
        $"{result.Throttled} of {result.Requests} requests answered 429 ({result.ThrottledShare:P2}); host A {result.PerHost[0]}, host B {result.PerHost[1]} sends completed"));

async Task<Result> RunAsync(bool shareBudget)
{
    await using var connector = await FakeConnector.StartAsync();
    var limits = new TeamsLimits(connector);
    connector.Script = limits.Answer;
    var prefix = TestTablePrefix.New();
    await using var hostA = Host(connector, prefix, "host-a");
    await using var hostB = Host(connector, prefix, "host-b");
    if (shareBudget)
    {
        // Each host's heartbeat service, one beat each and one more so both have seen the other.
        foreach (var host in new[] { hostA, hostB, hostA })
            await host.GetRequiredService<InstanceHeartbeatService>().BeatAsync(CancellationToken.None);
        foreach (var host in new[] { hostA, hostB })
            if (host.GetRequiredService<ConnectorSendBudget>().Instances != 2)
                throw new InvalidOperationException("The heartbeats did not find two instances.");
    }

    // Warm up each host's send path (JIT, connections) before the clock starts.
    foreach (var host in new[] { hostA, hostB })
        await host.GetRequiredService<ConnectorClient>().SendToConversationAsync(connector.ServiceUrl, "a:warm-up", Message("warm-up"), CancellationToken.None);
    limits.Reset();

    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    var next = 0;
    var completed = new int[2];
    var clock = Stopwatch.StartNew();
    var senders = new[] { hostA, hostB }.SelectMany((host, index) => Enumerable.Range(0, SendersPerHost).Select(_ => Task.Run(async () =>
    {
        var client = host.GetRequiredService<ConnectorClient>();
        while (!stop.IsCancellationRequested)
        {
            var conversation = $"a:conversation-{Interlocked.Increment(ref next) % Conversations}";
            try
            {
                await client.SendToConversationAsync(connector.ServiceUrl, conversation, Message("budget"), stop.Token);
                Interlocked.Increment(ref completed[index]);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (ConnectorException) { } // given up after its retries: counted by the fake as 429s
        }
    })));
    await Task.WhenAll(senders);
    var elapsed = clock.Elapsed.TotalSeconds;
    var (accepted, throttled) = limits.Counts();
    return new Result(accepted, throttled, elapsed, completed);
}

ServiceProvider Host(FakeConnector connector, string prefix, string instanceId)
{
    var settings = new Dictionary<string, string?>
    {
        ["ConnectionStrings:Tables"] = azurite.ConnectionString,
        ["PlanBot:Storage:TablePrefix"] = prefix,
        ["PlanBot:Instances:InstanceId"] = instanceId,
        ["PlanBot:Bot:TrustedServiceUrls:0"] = connector.ServiceUrl,
        ["PlanBot:Bot:Connector:GlobalLimit:PermitLimit"] = budget.ToString(invariant),
        ["PlanBot:Bot:Connector:GlobalLimit:Window"] = "00:00:01",
    };
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var services = new ServiceCollection();
    services.AddSingleton<IConfiguration>(configuration);
    services.AddLogging();
    services.AddPlanBot(configuration);
    return services.BuildServiceProvider();
}

static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

internal sealed record Result(int Accepted, int Throttled, double Seconds, int[] PerHost)
{
    public int Requests => Accepted + Throttled;
    public double AcceptedPerSecond => Accepted / Seconds;
    public double ThrottledShare => Requests == 0 ? 0 : (double)Throttled / Requests;
}

/// <summary>
/// Teams' limits as the fake connector's script: a request is accepted only if fewer than 50 were accepted in the last
/// second across the app and fewer than 7 in its conversation; otherwise 429 with Retry-After: 1. Accepted requests
/// are what count towards the limits, as rejected ones cost Teams nothing to deliver.
/// </summary>
internal sealed class TeamsLimits(FakeConnector connector)
{
    private const int AppLimit = 50;
    private const int ConversationLimit = 7;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Queue<TimeSpan> _app = new();
    private readonly Dictionary<string, Queue<TimeSpan>> _conversations = [];
    private int _accepted, _throttled;

    public ScriptedAnswer? Answer(int call, ReceivedRequest request)
    {
        lock (_gate)
        {
            var now = connector.Now;
            Trim(_app, now);
            var conversation = request.ConversationId ?? "";
            if (!_conversations.TryGetValue(conversation, out var perConversation)) _conversations[conversation] = perConversation = new Queue<TimeSpan>();
            Trim(perConversation, now);
            if (_app.Count >= AppLimit || perConversation.Count >= ConversationLimit)
            {
                _throttled++;
                return new ScriptedAnswer(429, RetryAfter: Second);
            }
            _app.Enqueue(now);
            perConversation.Enqueue(now);
            _accepted++;
            return null;
        }
    }

    public void Reset()
    {
        lock (_gate) (_accepted, _throttled) = (0, 0);
    }

    public (int Accepted, int Throttled) Counts()
    {
        lock (_gate) return (_accepted, _throttled);
    }

    private static void Trim(Queue<TimeSpan> accepted, TimeSpan now)
    {
        while (accepted.Count > 0 && now - accepted.Peek() >= Second) accepted.Dequeue();
    }
}
