using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Connector;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class ConnectorRetryTests
{
    [Fact]
    public async Task Throttled_messages_wait_out_retry_after_and_are_each_delivered_once_in_order()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.ExpectedToken = ConnectorTestHost.Token;
        fake.RefuseFirst(2, 429, retryAfter: TimeSpan.FromSeconds(1));
        using var host = new ConnectorTestHost(fake);

        var clock = Stopwatch.StartNew();
        var ids = new List<string?>();
        for (var i = 1; i <= 3; i++)
            ids.Add((await host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage($"message {i}"), CancellationToken.None)).Id);
        clock.Stop();

        Assert.Equal(["message 1", "message 2", "message 3"], fake.Delivered.Select(request => request.Text));
        Assert.Equal(5, fake.Requests.Count); // two refusals of the first message, then one call each
        Assert.Single(fake.Requests.Take(3).Select(request => request.RawBody).Distinct()); // the retries resent the same bytes
        Assert.Equal(3, ids.Distinct().Count());
        // Each refusal asked for one second; the retry waited at least that long between the calls.
        var requests = fake.Requests;
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1), $"{requests[1].ReceivedAt - requests[0].ReceivedAt}");
        Assert.True(requests[2].ReceivedAt - requests[1].ReceivedAt >= TimeSpan.FromSeconds(1), $"{requests[2].ReceivedAt - requests[1].ReceivedAt}");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Twenty_concurrent_sends_through_intermittent_throttling_are_delivered_exactly_once()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.ExpectedToken = ConnectorTestHost.Token;
        // Every third call is refused, whichever message it carries; some messages are refused more than once.
        fake.Script = (call, _) => call % 3 == 0 ? new ScriptedAnswer(429, RetryAfter: TimeSpan.FromSeconds(1)) : null;
        using var host = new ConnectorTestHost(fake);
        var client = host.Client;

        var sends = Enumerable.Range(1, 20).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, $"a:conversation-{i % 4}", ConnectorWireFormatTests.CardMessage($"message {i}"), CancellationToken.None));
        var results = await Task.WhenAll(sends);

        var delivered = fake.Delivered.Select(request => request.Text).ToList();
        Assert.Equal(20, delivered.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"message {i}").Order(), delivered.Order());
        Assert.Equal(20, results.Select(result => result.Id).Distinct().Count());
        Assert.Contains(fake.Requests, request => request.CallNumber % 3 == 0); // throttling did happen
        Assert.All(fake.Delivered, request => Assert.Equal($"Bearer {ConnectorTestHost.Token}", request.Authorization));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried_with_backoff_and_the_identical_body(int status)
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.RefuseFirst(2, status);
        using var host = new ConnectorTestHost(fake);

        var sent = await host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("the plan"), CancellationToken.None);

        Assert.Equal("activity-1", sent.Id);
        Assert.Equal(3, fake.Requests.Count);
        Assert.Single(fake.Requests.Select(request => request.RawBody).Distinct());
        Assert.Single(fake.Requests.Select(request => request.Authorization).Distinct());
        // Base delay 50 ms: the first wait is 25-50 ms, the second 50-100 ms.
        Assert.True(fake.Requests[1].ReceivedAt - fake.Requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(20));
        Assert.True(fake.Requests[2].ReceivedAt - fake.Requests[1].ReceivedAt >= TimeSpan.FromMilliseconds(45));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_and_report_the_throttling()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.RefuseFirst(100, 429);
        using var host = new ConnectorTestHost(fake, new Dictionary<string, string?> { ["PlanBot:Bot:Connector:MaxAttempts"] = "3" });

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None));

        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(ConnectorErrorKind.Throttled, error.Kind);
        Assert.Empty(fake.Delivered);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_longest_wait_is_handed_back_to_the_caller()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.RefuseFirst(1, 429, retryAfter: TimeSpan.FromSeconds(120));
        using var host = new ConnectorTestHost(fake); // MaxDelay 5 s

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None));

        Assert.Single(fake.Requests);
        Assert.Equal(ConnectorErrorKind.Throttled, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    [InlineData(500)]
    public async Task Failures_teams_says_not_to_retry_are_not_retried(int status)
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.RefuseFirst(1, status);
        using var host = new ConnectorTestHost(fake);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None));

        Assert.Single(fake.Requests);
        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal($"Status{status}", error.ErrorCode);
        Assert.Equal("Scripted refusal.", error.ErrorMessage);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_stops_the_call()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.RefuseFirst(100, 429, retryAfter: TimeSpan.FromSeconds(3));
        using var host = new ConnectorTestHost(fake);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), cancellation.Token));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_because_the_request_never_left()
    {
        var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, new Dictionary<string, string?> { ["PlanBot:Bot:Connector:MaxAttempts"] = "3" });
        var closedServiceUrl = fake.ServiceUrl;
        await fake.DisposeAsync(); // nothing listens on that port any more

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            host.Client.SendToConversationAsync(closedServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(2, host.LogMessages.Count(message => message.Contains("was refused a connection", StringComparison.Ordinal)));
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_an_http_date()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorRetryHandler.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), time));
        Assert.Equal(TimeSpan.FromSeconds(30), ConnectorRetryHandler.RetryAfter(RetryConditionHeaderValue.Parse("Mon, 02 Mar 2026 09:00:30 GMT"), time));
        Assert.Equal(TimeSpan.Zero, ConnectorRetryHandler.RetryAfter(RetryConditionHeaderValue.Parse("Mon, 02 Mar 2026 08:59:00 GMT"), time));
        Assert.Null(ConnectorRetryHandler.RetryAfter(null, time));
    }

    [Fact]
    public async Task The_wait_before_a_retry_runs_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var answers = new Queue<HttpResponseMessage>([Throttled(TimeSpan.FromSeconds(10)), new HttpResponseMessage(HttpStatusCode.Created)]);
        var options = Options.Create(new ConnectorOptions { BaseDelay = TimeSpan.FromMilliseconds(500) });
        var retry = new ConnectorRetryHandler(options, time, NullLogger<ConnectorRetryHandler>.Instance)
        {
            InnerHandler = new AnswerInTurn(answers),
        };
        using var invoker = new HttpMessageInvoker(retry);

        var call = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://smba.trafficmanager.net/teams/v3/conversations/a%3A1/activities"), CancellationToken.None);
        await WaitUntil(() => answers.Count == 1); // the first answer (429) is in
        time.Advance(TimeSpan.FromSeconds(9.9));
        await Task.Delay(100);
        Assert.False(call.IsCompleted, "retried before the Retry-After had passed");
        time.Advance(TimeSpan.FromSeconds(0.6)); // Retry-After plus the largest spread (half a second here)

        Assert.Equal(HttpStatusCode.Created, (await call.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        Assert.Empty(answers);
    }

    [Fact]
    public async Task A_retry_after_http_date_is_honoured_on_the_wire()
    {
        await using var fake = await FakeConnector.StartAsync();
        var retryAt = DateTimeOffset.UtcNow.AddSeconds(3);
        fake.Script = (call, _) => call == 1 ? new ScriptedAnswer(503, RawRetryAfter: retryAt.ToString("R")) : null;
        using var host = new ConnectorTestHost(fake);

        await host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None);

        Assert.Equal(2, fake.Requests.Count);
        // The header has whole seconds, so the wait is between two and three seconds.
        Assert.True(fake.Requests[1].ReceivedAt - fake.Requests[0].ReceivedAt >= TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Logs_of_retried_and_failed_calls_never_contain_the_token()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.RefuseFirst(100, 503);
        using var host = new ConnectorTestHost(fake, new Dictionary<string, string?> { ["PlanBot:Bot:Connector:MaxAttempts"] = "2" });

        await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None));

        Assert.NotEmpty(host.LogMessages);
        Assert.DoesNotContain(host.LogMessages, message => message.Contains(ConnectorTestHost.Token, StringComparison.Ordinal));
    }

    private static HttpResponseMessage Throttled(TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
        return response;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.True(condition());
    }

    private sealed class AnswerInTurn(Queue<HttpResponseMessage> answers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (answers) return Task.FromResult(answers.Dequeue());
        }
    }
}
