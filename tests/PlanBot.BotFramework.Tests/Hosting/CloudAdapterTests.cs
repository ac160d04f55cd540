using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Tests.Hosting;

/// <summary>The adapter in local mode (no app id) against a fake connector on loopback.</summary>
public sealed class CloudAdapterTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;

    private CloudAdapter Adapter => _services.GetRequiredService<CloudAdapter>();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PlanBot:Bot:TypingDelay"] = "00:00:01", // long enough that a quick turn on a loaded machine never reaches it
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotAuthentication(configuration);
        services.AddBotConnector(configuration);
        services.AddOptions<BotAdapterOptions>().Bind(configuration.GetSection(BotAdapterOptions.Section));
        services.AddSingleton<CloudAdapter>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_slow_message_turn_shows_typing_before_the_answer()
    {
        // The turn lasts until typing has gone out (past the 1 s delay), however late a loaded machine fires the timer;
        // a turn that never shows typing gives up after 30 s and fails below.
        var bot = new LambdaBot(async (turn, ct) =>
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!_connector.Delivered.Any(d => d.Body!["type"]!.GetValue<string>() == "typing") && waited.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(50, ct);
            await turn.SendActivityAsync("done", ct);
        });

        var http = await ProcessAsync(Message("slow question"), bot);

        Assert.Equal(200, http.Response.StatusCode);
        var sent = _connector.Delivered;
        Assert.Equal("typing", sent[0].Body!["type"]!.GetValue<string>());
        Assert.Equal("done", sent[^1].Text);
        Assert.Equal(RouteKind.ReplyToActivity, sent[^1].Route);
    }

    [Fact]
    public async Task A_quick_turn_sends_no_typing()
    {
        var bot = new LambdaBot((turn, ct) => turn.SendActivityAsync("quick", ct));

        await ProcessAsync(Message("hi"), bot);

        var reply = Assert.Single(_connector.Delivered);
        Assert.Equal("quick", reply.Text);
    }

    [Fact]
    public async Task A_failing_turn_tells_the_user_without_the_exception_text_and_answers_200()
    {
        var bot = new LambdaBot((_, _) => throw new InvalidOperationException("secret connection string"));

        var http = await ProcessAsync(Message("hi"), bot);

        Assert.Equal(200, http.Response.StatusCode);
        var apology = Assert.Single(_connector.Delivered);
        Assert.StartsWith("Sorry, something went wrong", apology.Text);
        Assert.DoesNotContain("secret", apology.RawBody);
    }

    [Fact]
    public async Task A_proactive_message_is_sent_to_the_conversation_not_as_a_reply()
    {
        var reference = new ConversationReference
        {
            ServiceUrl = _connector.ServiceUrl,
            ChannelId = Channels.MsTeams,
            Conversation = new ConversationAccount { Id = "a:1personal", TenantId = "tenant-1" },
            User = new ChannelAccount { Id = "29:1sue", AadObjectId = "aad-sue" },
            Bot = new ChannelAccount { Id = "28:planbot" },
            ActivityId = "old-activity",
        };

        await Adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync("#36 is due on Friday.", ct), CancellationToken.None);

        var sent = Assert.Single(_connector.Delivered);
        Assert.Equal(RouteKind.SendToConversation, sent.Route);
        Assert.Equal("a:1personal", sent.ConversationId);
        Assert.Equal("#36 is due on Friday.", sent.Text);
        Assert.Equal("28:planbot", sent.Body!["from"]!["id"]!.GetValue<string>());
        Assert.Equal("29:1sue", sent.Body["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_personal_conversation_is_created_with_the_documented_body()
    {
        var reference = await Adapter.CreatePersonalConversationAsync(_connector.ServiceUrl, "tenant-1", "aad-sue", CancellationToken.None);

        var created = Assert.Single(_connector.Delivered);
        Assert.Equal(RouteKind.CreateConversation, created.Route);
        Assert.False(created.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal("aad-sue", created.Body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", created.Body["tenantId"]!.GetValue<string>());
        Assert.Equal("tenant-1", created.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("a:conversation-with-aad-sue", reference.Conversation!.Id);
        Assert.Equal("aad-sue", reference.User!.AadObjectId);
    }

    [Fact]
    public async Task An_adaptive_card_action_is_answered_in_the_http_response()
    {
        var bot = new CardBot();
        var invoke = Message(null);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "adaptiveCard/action";
        invoke.Value = System.Text.Json.Nodes.JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"ping","data":{"ref":"36"}},"trigger":"manual"}""");

        var http = await ProcessAsync(invoke, bot);

        Assert.Equal(200, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("pong #36", body.RootElement.GetProperty("value").GetString());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_file_consent_accept_reaches_the_bot_typed_and_is_answered_200_with_no_body()
    {
        var bot = new FileBot();
        var invoke = FileConsent("""{"type":"fileUpload","action":"accept","context":{"planId":"odkm"},"uploadInfo":{"name":"pack.xlsx","uploadUrl":"https://contoso-my.sharepoint.com/up/1","contentUrl":"https://contoso-my.sharepoint.com/pack.xlsx","uniqueId":"ABC","fileType":"xlsx"}}""");

        var http = await ProcessAsync(invoke, bot);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
        var (action, response) = Assert.Single(bot.Answers);
        Assert.Equal("accept", action);
        Assert.Equal("odkm", response.Context!["planId"]!.GetValue<string>());
        Assert.Equal(("pack.xlsx", "https://contoso-my.sharepoint.com/up/1", "ABC", "xlsx"),
            (response.UploadInfo!.Name, response.UploadInfo.UploadUrl, response.UploadInfo.UniqueId, response.UploadInfo.FileType));
    }

    [Fact]
    public async Task A_file_consent_decline_reaches_the_bot_and_is_answered_200()
    {
        var bot = new FileBot();

        var http = await ProcessAsync(FileConsent("""{"type":"fileUpload","action":"decline","context":{"planId":"odkm"}}"""), bot);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal("decline", Assert.Single(bot.Answers).Action);
    }

    [Theory]
    [InlineData("""{"type":"fileUpload","action":"maybe"}""", 400)]
    [InlineData("""["not","an","object"]""", 400)]
    public async Task A_file_consent_answer_that_cannot_be_read_is_refused(string value, int status)
    {
        var bot = new FileBot();

        var http = await ProcessAsync(FileConsent(value), bot);

        Assert.Equal(status, http.Response.StatusCode);
        Assert.Empty(bot.Answers);
    }

    [Fact]
    public async Task A_bot_that_sends_no_files_answers_a_file_consent_501()
    {
        var http = await ProcessAsync(FileConsent("""{"type":"fileUpload","action":"accept"}"""), new CardBot());

        Assert.Equal(501, http.Response.StatusCode);
    }

    [Fact]
    public async Task A_file_consent_turn_that_fails_is_answered_200_and_the_user_told_in_the_chat()
    {
        var bot = new FileBot { Failure = new InvalidOperationException("secret connection string") };

        var http = await ProcessAsync(FileConsent("""{"type":"fileUpload","action":"accept"}"""), bot);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
        var apology = Assert.Single(_connector.Delivered);
        Assert.StartsWith("Sorry, something went wrong", apology.Text);
        Assert.DoesNotContain("secret", apology.RawBody);
    }

    [Fact]
    public async Task A_sent_activity_is_deleted_through_the_connector()
    {
        var bot = new LambdaBot((turn, ct) => turn.DeleteActivityAsync("consent-card-7", ct));

        await ProcessAsync(Message("delete it"), bot);

        var delete = Assert.Single(_connector.Delivered);
        Assert.Equal((RouteKind.DeleteActivity, "DELETE", "a:1personal", "consent-card-7"), (delete.Route, delete.Method, delete.ConversationId, delete.ActivityId));
    }

    private Activity FileConsent(string value)
    {
        var invoke = Message(null);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "fileConsent/invoke";
        invoke.ReplyToId = "consent-card-1";
        invoke.Value = System.Text.Json.Nodes.JsonNode.Parse(value);
        return invoke;
    }

    private Activity Message(string? text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "incoming-1",
        Text = text,
        ChannelId = Channels.MsTeams,
        ServiceUrl = _connector.ServiceUrl,
        From = new ChannelAccount { Id = "29:1sue", AadObjectId = "aad-sue" },
        Recipient = new ChannelAccount { Id = "28:planbot" },
        Conversation = new ConversationAccount { Id = "a:1personal", TenantId = "tenant-1" },
    };

    private async Task<DefaultHttpContext> ProcessAsync(Activity activity, IBot bot)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(activity, BotJson.Options)));
        http.Response.Body = new MemoryStream();
        await Adapter.ProcessAsync(http, bot, CancellationToken.None);
        return http;
    }

    private sealed class LambdaBot(Func<TurnContext, CancellationToken, Task> turn) : IBot
    {
        public Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken) => turn(context, cancellationToken);
    }

    private sealed class FileBot : ActivityHandler
    {
        public List<(string Action, FileConsentCardResponse Response)> Answers { get; } = [];

        public Exception? Failure { get; init; }

        protected override bool SendsFiles => true;

        protected override Task OnFileConsentAcceptAsync(FileConsentCardResponse response, TurnContext turn, CancellationToken cancellationToken)
        {
            if (Failure is not null) throw Failure;
            Answers.Add(("accept", response));
            return Task.CompletedTask;
        }

        protected override Task OnFileConsentDeclineAsync(FileConsentCardResponse response, TurnContext turn, CancellationToken cancellationToken)
        {
            Answers.Add(("decline", response));
            return Task.CompletedTask;
        }
    }

    private sealed class CardBot : ActivityHandler
    {
        protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(AdaptiveCardInvokeValue value, TurnContext turn, CancellationToken cancellationToken) =>
            Task.FromResult(AdaptiveCardInvokeResponse.Message($"{value.Action!.Verb!.Replace("ping", "pong")} #{value.Action.Data!["ref"]}"));
    }
}
