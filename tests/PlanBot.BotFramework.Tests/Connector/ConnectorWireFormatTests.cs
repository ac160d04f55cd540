using System.Text.Json.Nodes;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class ConnectorWireFormatTests : IAsyncLifetime
{
    private const string ConversationId = "19:planning@thread.tacv2;messageid=1700000000000";
    private const string EscapedConversationId = "19%3Aplanning%40thread.tacv2%3Bmessageid%3D1700000000000";

    private FakeConnector _fake = null!;
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeConnector.StartAsync();
        _fake.ExpectedToken = ConnectorTestHost.Token;
        _host = new ConnectorTestHost(_fake);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Send_to_conversation_posts_the_activity_as_bot_framework_json_with_the_bearer_token()
    {
        var sent = await _host.Client.SendToConversationAsync(_fake.ServiceUrl, ConversationId, CardMessage("Milestone M3 is due on Friday"), CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal(RouteKind.SendToConversation, request.Route);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedConversationId}/activities", request.RawTarget);
        Assert.Equal(ConversationId, request.ConversationId);
        Assert.Equal($"Bearer {ConnectorTestHost.Token}", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);

        var body = request.Body!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("Milestone M3 is due on Friday", body["text"]!.GetValue<string>());
        Assert.Equal("28:bot-app-id", body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user-id", body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("00000000-0000-0000-0000-0000000000aa", body["recipient"]!["aadObjectId"]!.GetValue<string>());
        Assert.Equal(ConversationId, body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["conversation"]!["tenantId"]!.GetValue<string>());
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        Assert.Equal("1.5", attachment["content"]!["version"]!.GetValue<string>());
        Assert.Null(body["replyToId"]); // nulls are left out, as the wire format expects
        Assert.Equal("activity-1", sent.Id);
    }

    [Fact]
    public async Task Reply_posts_to_the_activity_it_answers()
    {
        var reply = CardMessage("Noted: M3 moved to 14 March");

        var sent = await _host.Client.ReplyToActivityAsync(_fake.ServiceUrl, ConversationId, "1700000000123", reply, CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal(RouteKind.ReplyToActivity, request.Route);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedConversationId}/activities/1700000000123", request.RawTarget);
        Assert.Equal("1700000000123", request.ActivityId);
        Assert.Equal($"Bearer {ConnectorTestHost.Token}", request.Authorization);
        Assert.Equal("Noted: M3 moved to 14 March", request.Text);
        Assert.Equal("activity-1", sent.Id);
    }

    [Fact]
    public async Task Update_puts_the_new_activity_in_place_of_the_old_one()
    {
        var replacement = CardMessage("M3: done");
        replacement.Id = "1700000000456";

        var updated = await _host.Client.UpdateActivityAsync(_fake.ServiceUrl, ConversationId, "1700000000456", replacement, CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal(RouteKind.UpdateActivity, request.Route);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedConversationId}/activities/1700000000456", request.RawTarget);
        Assert.Equal("M3: done", request.Text);
        Assert.Equal("1700000000456", request.Body!["id"]!.GetValue<string>());
        Assert.Equal("1700000000456", updated.Id);
    }

    [Fact]
    public async Task Delete_removes_the_activity_with_the_bearer_token_and_no_body()
    {
        await _host.Client.DeleteActivityAsync(_fake.ServiceUrl, ConversationId, "1700000000789", CancellationToken.None);

        var request = Assert.Single(_fake.Delivered);
        Assert.Equal((RouteKind.DeleteActivity, "DELETE"), (request.Route, request.Method));
        Assert.Equal($"/v3/conversations/{EscapedConversationId}/activities/1700000000789", request.RawTarget);
        Assert.Equal($"Bearer {ConnectorTestHost.Token}", request.Authorization);
        Assert.Null(request.ContentType);
    }

    [Fact]
    public async Task A_refused_delete_throws_the_connectors_error()
    {
        _fake.Script = (_, _) => new ScriptedAnswer(404, """{"error":{"code":"ActivityNotFoundInConversation","message":"Unknown activity"}}""");

        var error = await Assert.ThrowsAsync<PlanBot.BotFramework.Connector.ConnectorException>(() =>
            _host.Client.DeleteActivityAsync(_fake.ServiceUrl, ConversationId, "1700000000789", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Create_conversation_sends_the_documented_personal_chat_body_and_returns_the_new_id()
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot-app-id" },
            Members = [new ChannelAccount { Id = "00000000-0000-0000-0000-0000000000aa" }],
            TenantId = "tenant-1",
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };

        var created = await _host.Client.CreateConversationAsync(_fake.ServiceUrl, parameters, CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal(RouteKind.CreateConversation, request.Route);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations", request.RawTarget);
        Assert.Equal($"Bearer {ConnectorTestHost.Token}", request.Authorization);
        var expected = JsonNode.Parse("""
            {"isGroup":false,"bot":{"id":"28:bot-app-id"},"members":[{"id":"00000000-0000-0000-0000-0000000000aa"}],
             "tenantId":"tenant-1","channelData":{"tenant":{"id":"tenant-1"}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, request.Body), request.RawBody);
        Assert.Equal("a:conversation-with-00000000-0000-0000-0000-0000000000aa", created.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task A_service_url_with_or_without_a_trailing_slash_reaches_the_same_route(string ending)
    {
        var serviceUrl = _fake.ServiceUrl.TrimEnd('/') + ending;

        await _host.Client.SendToConversationAsync(serviceUrl, "a:1", CardMessage("hello"), CancellationToken.None);

        Assert.Equal("/v3/conversations/a%3A1/activities", Assert.Single(_fake.Requests).RawTarget);
    }

    [Fact]
    public async Task An_empty_success_body_gives_an_empty_resource_response()
    {
        // Some channels acknowledge without an id; the call still succeeded.
        await using var silent = await FakeConnector.StartAsync();
        silent.Script = (_, _) => new ScriptedAnswer(202, Body: "");
        using var host = new ConnectorTestHost(silent);

        var sent = await host.Client.SendToConversationAsync(silent.ServiceUrl, "a:1", CardMessage("hello"), CancellationToken.None);

        Assert.Null(sent.Id);
    }

    internal static Activity CardMessage(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount { Id = "28:bot-app-id", Name = "PlanBot" },
        Recipient = new ChannelAccount { Id = "29:user-id", Name = "Ada Lovelace", AadObjectId = "00000000-0000-0000-0000-0000000000aa" },
        Conversation = new ConversationAccount { Id = ConversationId, TenantId = "tenant-1", ConversationType = "personal" },
        Attachments =
        [
            new Attachment
            {
                ContentType = Attachment.AdaptiveCardContentType,
                Content = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["version"] = "1.5",
                    ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
                },
            },
        ],
    };
}
