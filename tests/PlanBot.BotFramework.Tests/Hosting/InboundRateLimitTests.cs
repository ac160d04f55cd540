using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Tests.Hosting;

/// <summary>The adapter's per-user allowance (local mode, a fake connector, a clock the test moves).</summary>
public sealed class InboundRateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;
    private readonly CountingBot _bot = new();

    private CloudAdapter Adapter => _services.GetRequiredService<CloudAdapter>();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PlanBot:Bot:TypingDelay"] = "00:01:00",
            ["PlanBot:Bot:RateLimit:Burst"] = "5",
            ["PlanBot:Bot:RateLimit:RefillEvery"] = "00:00:02",
            ["PlanBot:Bot:AllowedTenants:0"] = "tenant-1",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotAuthentication(configuration);
        services.AddBotConnector(configuration);
        services.AddOptions<BotAdapterOptions>().Bind(configuration.GetSection(BotAdapterOptions.Section));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<CloudAdapter>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_burst_over_the_allowance_is_told_once_to_slow_down_and_another_user_is_answered_meanwhile()
    {
        for (var i = 0; i < 20; i++) await ProcessAsync(Message("aad-sue", $"question {i}"));
        await ProcessAsync(Message("aad-ann", "my question"));

        Assert.Equal(5, _bot.Turns.Count(t => t == "aad-sue"));
        Assert.Equal(["aad-ann"], _bot.Turns.Where(t => t != "aad-sue"));
        var told = _connector.Delivered.Where(d => d.Text == InboundRateLimiter.SlowDown).ToList();
        Assert.Single(told); // posted once per burst, not fifteen times into the chat
        Assert.Contains(_connector.Delivered, d => d.Text == "answer for aad-ann");
    }

    [Fact]
    public async Task With_expect_replies_every_refused_message_gets_the_polite_reply_in_the_response()
    {
        for (var i = 0; i < 5; i++) await ProcessAsync(Message("aad-sue", "q", expectReplies: true));

        var http = await ProcessAsync(Message("aad-sue", "one too many", expectReplies: true));

        Assert.Equal(200, http.Response.StatusCode);
        var body = JsonNode.Parse(Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()))!;
        Assert.Equal(InboundRateLimiter.SlowDown, (string?)body["activities"]![0]!["text"]);
        Assert.Equal(5, _bot.Turns.Count);
    }

    [Fact]
    public async Task The_allowance_refills_with_time()
    {
        for (var i = 0; i < 6; i++) await ProcessAsync(Message("aad-sue", "q"));
        Assert.Equal(5, _bot.Turns.Count);

        _clock.Advance(TimeSpan.FromSeconds(4));
        for (var i = 0; i < 3; i++) await ProcessAsync(Message("aad-sue", "q"));

        Assert.Equal(7, _bot.Turns.Count);
    }

    [Fact]
    public async Task A_card_action_over_the_allowance_gets_the_reason_on_the_card_and_nothing_runs()
    {
        for (var i = 0; i < 5; i++) await ProcessAsync(Message("aad-sue", "q"));
        var invoke = Message("aad-sue", null);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = ActivityHandler.AdaptiveCardActionInvoke;
        invoke.Value = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"saveUpdate","data":{}}}""");

        var http = await ProcessAsync(invoke);

        Assert.Equal(200, http.Response.StatusCode);
        var body = JsonNode.Parse(Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()))!;
        Assert.Equal(429, (int)body["statusCode"]!);
        Assert.Equal(InboundRateLimiter.SlowDown, (string?)body["value"]!["message"]);
        Assert.Equal(5, _bot.Turns.Count);
    }

    [Fact]
    public async Task Another_tenants_message_is_refused_with_403_before_the_bot_runs()
    {
        var foreign = Message("aad-sue", "plans");
        foreign.Conversation!.TenantId = "tenant-2";

        var http = await ProcessAsync(foreign);

        Assert.Equal(403, http.Response.StatusCode);
        Assert.Empty(_bot.Turns);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public void The_buckets_kept_in_memory_are_bounded_however_many_users_write()
    {
        var buckets = new KeyedTokenBuckets(burst: 2, refillEvery: TimeSpan.FromSeconds(1), maxKeys: 100, _clock);

        for (var i = 0; i < 10_000; i++) Assert.True(buckets.TryTake($"user-{i}", out _, out _));

        Assert.InRange(buckets.Count, 1, 100);
    }

    private Activity Message(string user, string? text, bool expectReplies = false) => new()
    {
        Type = ActivityTypes.Message,
        Id = "incoming-" + Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = Channels.MsTeams,
        ServiceUrl = _connector.ServiceUrl,
        DeliveryMode = expectReplies ? DeliveryModes.ExpectReplies : null,
        From = new ChannelAccount { Id = "29:" + user, AadObjectId = user },
        Recipient = new ChannelAccount { Id = "28:planbot" },
        Conversation = new ConversationAccount { Id = "a:" + user, TenantId = "tenant-1" },
    };

    private async Task<DefaultHttpContext> ProcessAsync(Activity activity)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(activity, BotJson.Options)));
        http.Response.Body = new MemoryStream();
        await Adapter.ProcessAsync(http, _bot, CancellationToken.None);
        return http;
    }

    private sealed class CountingBot : IBot
    {
        public List<string> Turns { get; } = [];

        public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            lock (Turns) Turns.Add(turn.Activity.From!.AadObjectId!);
            if (turn.Activity.Type == ActivityTypes.Message) await turn.SendActivityAsync($"answer for {turn.Activity.From!.AadObjectId}", cancellationToken);
            else turn.InvokeResponse = new InvokeResponse(200);
        }
    }
}
