using System.Net;
using PlanBot.BotFramework.Connector;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class ConnectorErrorTests
{
    // The body Teams documents for a bot the user blocked or uninstalled ("Send proactive messages", msteams-docs).
    private const string MessageWritesBlockedBody =
        """{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null,\r\n  \"errorSubCode\": null\r\n}"}""";

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_reported_as_blocked_and_the_send_is_not_retried()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.Script = (_, _) => new ScriptedAnswer(403, Body: MessageWritesBlockedBody);
        using var host = new ConnectorTestHost(fake);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("reminder"), CancellationToken.None));

        Assert.Single(fake.Requests);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(ConnectorErrorKind.BlockedOrRemoved, error.Kind);
        Assert.True(error.IsRecipientUnreachable);
        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
        Assert.Equal("Thread is blocked from message writes.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("ConversationBlockedByUser", ConnectorErrorKind.BlockedOrRemoved)]
    [InlineData("BotNotInConversationRoster", ConnectorErrorKind.BlockedOrRemoved)]
    [InlineData("ForbiddenOperationException", ConnectorErrorKind.NotInstalled)]
    [InlineData("BotDisabledByAdmin", ConnectorErrorKind.DisabledByAdmin)]
    [InlineData("NotEnoughPermissions", ConnectorErrorKind.Other)]
    public async Task Forbidden_answers_are_told_apart_by_their_error_code(string code, ConnectorErrorKind kind)
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.Script = (_, _) => new ScriptedAnswer(403, Body: $$$"""{"error":{"code":"{{{code}}}","message":"Refused."}}""");
        using var host = new ConnectorTestHost(fake);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("reminder"), CancellationToken.None));

        Assert.Single(fake.Requests);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(kind != ConnectorErrorKind.Other, error.IsRecipientUnreachable);
    }

    [Fact]
    public async Task An_oversized_message_is_reported_as_too_big_and_not_retried()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.Script = (_, _) => new ScriptedAnswer(413, Body: """{"error":{"code":"MessageSizeTooBig","message":"Message size too large."}}""");
        using var host = new ConnectorTestHost(fake);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage(new string('x', 1000)), CancellationToken.None));

        Assert.Single(fake.Requests);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Equal(ConnectorErrorKind.MessageSizeTooBig, error.Kind);
        Assert.Equal("MessageSizeTooBig", error.ErrorCode);
        Assert.False(error.IsRecipientUnreachable);
    }

    [Theory]
    [InlineData("""{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""", "ConversationNotFound", "Conversation not found.")]
    [InlineData("""{"subCode":"MessageWritesBlocked","details":"Thread is blocked from message writes."}""", "MessageWritesBlocked", "Thread is blocked from message writes.")]
    [InlineData("""{"error":{"code":"BadArgument","message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"Blocked.\"}"}}""", "MessageWritesBlocked", "Blocked.")]
    [InlineData("""<html><body>Bad gateway</body></html>""", null, null)]
    [InlineData("", null, null)]
    public void Error_bodies_of_either_teams_shape_give_their_code_and_message(string body, string? code, string? message)
    {
        var (readCode, readMessage) = ConnectorErrorBody.Read(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Equal(code, readCode);
        Assert.Equal(message, readMessage);
    }
}
