using System.Diagnostics;
using PlanBot.BotFramework.Connector;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class ConnectorRateLimitTests
{
    // A request can only arrive at the fake after the limiter let it go, and load on the machine only ever delays it
    // further. So each test takes the time before its burst and checks that the k-th arrival came no sooner than the
    // limits allow from then on; unpaced, the whole burst arrives within a few milliseconds and fails that at once.
    // The only allowance is for the limiter's millisecond timer.
    private static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task Sends_to_one_conversation_are_spaced_to_its_limit()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(conversation: [(2, "00:00:00.5")]));
        var client = host.Client;
        await WarmUpAsync(fake, client, 6);

        var start = fake.Now;
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, "a:busy", ConnectorWireFormatTests.CardMessage($"message {i}"), CancellationToken.None)));

        AssertPaced(start, Burst(fake, 6), (2, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Every_window_of_a_conversation_is_respected_at_once()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(conversation: [(2, "00:00:00.3"), (4, "00:00:01.2")]));
        var client = host.Client;
        await WarmUpAsync(fake, client, 8);

        var start = fake.Now;
        await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, "a:busy", ConnectorWireFormatTests.CardMessage($"message {i}"), CancellationToken.None)));

        // The fifth request is held by the 1.2 s window although the 0.3 s one would let it go at 0.6 s.
        AssertPaced(start, Burst(fake, 8), (2, TimeSpan.FromMilliseconds(300)), (4, TimeSpan.FromMilliseconds(1200)));
    }

    [Fact]
    public async Task Other_conversations_are_not_held_up_by_a_busy_one()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(conversation: [(1, "00:00:05")]));
        var client = host.Client;

        await client.SendToConversationAsync(fake.ServiceUrl, "a:busy", ConnectorWireFormatTests.CardMessage("first"), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await client.SendToConversationAsync(fake.ServiceUrl, "a:quiet", ConnectorWireFormatTests.CardMessage("other"), CancellationToken.None);

        // Held behind the busy conversation it would wait about 5 s; one local send takes milliseconds, even under load.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"a different conversation waited {clock.Elapsed}");
    }

    [Fact]
    public async Task Sends_across_conversations_are_spaced_to_the_app_wide_limit()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(global: (3, "00:00:00.5")));
        var client = host.Client;
        await WarmUpAsync(fake, client, 9);
        // The warm-up spent app-wide permits: wait until they are back (the window, one segment and a timer tick).
        await Task.Delay(TimeSpan.FromMilliseconds(800));

        var start = fake.Now;
        await Task.WhenAll(Enumerable.Range(1, 9).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, $"a:conversation-{i}", ConnectorWireFormatTests.CardMessage($"message {i}"), CancellationToken.None)));

        AssertPaced(start, Burst(fake, 9), (3, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task With_two_live_instances_each_paces_at_half_of_the_app_wide_limit()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(global: (6, "00:00:01")));
        var client = host.Client;
        await WarmUpAsync(fake, client, 9);
        // The heartbeats found a second instance: this one's share is 3 a second, evenly spaced.
        host.Get<ConnectorSendBudget>().Instances = 2;
        await Task.Delay(TimeSpan.FromMilliseconds(400));

        var start = fake.Now;
        await Task.WhenAll(Enumerable.Range(1, 9).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, $"a:conversation-{i}", ConnectorWireFormatTests.CardMessage($"message {i}"), CancellationToken.None)));

        AssertPaced(start, Burst(fake, 9), (3, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_send_waiting_for_its_turn_can_be_cancelled()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(conversation: [(1, "00:00:10")]));
        await host.Client.SendToConversationAsync(fake.ServiceUrl, "a:busy", ConnectorWireFormatTests.CardMessage("first"), CancellationToken.None);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Client.SendToConversationAsync(fake.ServiceUrl, "a:busy", ConnectorWireFormatTests.CardMessage("second"), cancellation.Token));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public void The_pacing_check_fails_a_burst_that_was_not_paced()
    {
        var unpaced = Enumerable.Range(0, 6).Select(i => Arrival(TimeSpan.FromMilliseconds(100 + i))).ToList();

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertPaced(TimeSpan.FromMilliseconds(100), unpaced, (2, TimeSpan.FromMilliseconds(500))));
    }

    /// <summary>
    /// Sends <paramref name="count"/> messages at once to conversations of their own, so that the burst that follows
    /// finds its send path compiled and its connections open. Without it, a burst that the limiter failed to pace
    /// could still arrive slowly enough to pass.
    /// </summary>
    private static async Task WarmUpAsync(FakeConnector fake, ConnectorClient client, int count)
    {
        await Task.WhenAll(Enumerable.Range(1, count).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, $"a:warm-up-{i}", ConnectorWireFormatTests.CardMessage("warm-up"), CancellationToken.None)));
        Assert.Equal(count, fake.Delivered.Count);
    }

    /// <summary>The last <paramref name="count"/> requests, which must all have been delivered: the burst after the warm-up.</summary>
    private static List<ReceivedRequest> Burst(FakeConnector fake, int count)
    {
        var burst = fake.Requests.Skip(fake.Requests.Count - count).ToList();
        Assert.Equal(2 * count, fake.Delivered.Count);
        Assert.All(burst, request => Assert.DoesNotContain("warm-up", request.ConversationId));
        return burst;
    }

    /// <summary>
    /// With every permit free at <paramref name="start"/>, a limit of n per window lets the k-th request (0-based) of a
    /// burst go no sooner than (k / n) whole windows after it: requests k-n .. k-1 hold the permits until then.
    /// </summary>
    private static void AssertPaced(TimeSpan start, IReadOnlyList<ReceivedRequest> requests, params (int Permits, TimeSpan Window)[] limits)
    {
        var arrivals = requests.Select(request => request.ReceivedAt - start).Order().ToList();
        for (var k = 0; k < arrivals.Count; k++)
        {
            var earliest = limits.Max(limit => (k / limit.Permits) * limit.Window);
            Assert.True(arrivals[k] >= earliest - TimerResolution,
                $"request {k + 1} arrived {arrivals[k].TotalMilliseconds:F0} ms after the burst began; the limits allow it no sooner than {earliest.TotalMilliseconds:F0} ms");
        }
    }

    private static ReceivedRequest Arrival(TimeSpan at) =>
        new(1, RouteKind.SendToConversation, "POST", "/", "a:busy", null, null, null, "{}", null, at);

    private static Dictionary<string, string?> Limits((int Permits, string Window)[]? conversation = null, (int Permits, string Window)? global = null)
    {
        var settings = new Dictionary<string, string?>();
        if (conversation is not null)
        {
            for (var i = 0; i < conversation.Length; i++)
            {
                settings[$"PlanBot:Bot:Connector:ConversationLimits:{i}:PermitLimit"] = conversation[i].Permits.ToString();
                settings[$"PlanBot:Bot:Connector:ConversationLimits:{i}:Window"] = conversation[i].Window;
            }
        }
        if (global is { } limit)
        {
            settings["PlanBot:Bot:Connector:GlobalLimit:PermitLimit"] = limit.Permits.ToString();
            settings["PlanBot:Bot:Connector:GlobalLimit:Window"] = limit.Window;
        }
        return settings;
    }
}
