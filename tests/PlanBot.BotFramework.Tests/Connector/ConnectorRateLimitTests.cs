using System.Diagnostics;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class ConnectorRateLimitTests
{
    // Permits are granted before a request is sent, so its arrival can shift by connection set-up and scheduling on a
    // loaded 2-core machine (83 ms seen). Unpaced, the same requests arrive within a few milliseconds of each other,
    // so a 150 ms allowance still proves the pacing.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task Sends_to_one_conversation_are_spaced_to_its_limit()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(conversation: [(2, "00:00:00.5")]));
        var client = host.Client;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, "a:busy", ConnectorWireFormatTests.CardMessage($"message {i}"), CancellationToken.None)));

        Assert.Equal(6, fake.Delivered.Count);
        AssertAtMost(2, TimeSpan.FromMilliseconds(500), fake.Requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"six sends at two per half second took only {clock.Elapsed}");
    }

    [Fact]
    public async Task Every_window_of_a_conversation_is_respected_at_once()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(conversation: [(2, "00:00:00.3"), (4, "00:00:01.2")]));
        var client = host.Client;

        await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, "a:busy", ConnectorWireFormatTests.CardMessage($"message {i}"), CancellationToken.None)));

        Assert.Equal(8, fake.Delivered.Count);
        AssertAtMost(2, TimeSpan.FromMilliseconds(300), fake.Requests);
        AssertAtMost(4, TimeSpan.FromMilliseconds(1200), fake.Requests);
    }

    [Fact]
    public async Task Other_conversations_are_not_held_up_by_a_busy_one()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(conversation: [(1, "00:00:02")]));
        var client = host.Client;

        await client.SendToConversationAsync(fake.ServiceUrl, "a:busy", ConnectorWireFormatTests.CardMessage("first"), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await client.SendToConversationAsync(fake.ServiceUrl, "a:quiet", ConnectorWireFormatTests.CardMessage("other"), CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"a different conversation waited {clock.Elapsed}");
    }

    [Fact]
    public async Task Sends_across_conversations_are_spaced_to_the_app_wide_limit()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(fake, Limits(global: (3, "00:00:00.5")));
        var client = host.Client;
        // Arrivals are measured at the fake, so a send that has to open a connection (or compile the send path, in a
        // process's first requests) arrives late and bunches the arrivals behind it. Three sends at once first open the
        // connections the burst will reuse; a window's wait after them keeps them out of its count.
        await Task.WhenAll(Enumerable.Range(1, 3).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, $"a:warm-up-{i}", ConnectorWireFormatTests.CardMessage("warm-up"), CancellationToken.None)));
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        await Task.WhenAll(Enumerable.Range(1, 9).Select(i =>
            client.SendToConversationAsync(fake.ServiceUrl, $"a:conversation-{i}", ConnectorWireFormatTests.CardMessage($"message {i}"), CancellationToken.None)));

        Assert.Equal(12, fake.Delivered.Count);
        AssertAtMost(3, TimeSpan.FromMilliseconds(500), [.. fake.Requests.Skip(3)]);
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

    /// <summary>No <paramref name="window"/>-long stretch holds more than <paramref name="permits"/> arrivals.</summary>
    private static void AssertAtMost(int permits, TimeSpan window, IReadOnlyList<ReceivedRequest> requests)
    {
        var arrivals = requests.Select(request => request.ReceivedAt).Order().ToList();
        for (var i = 0; i + permits < arrivals.Count; i++)
        {
            var gap = arrivals[i + permits] - arrivals[i];
            Assert.True(gap >= window - Tolerance, $"requests {i + 1} and {i + permits + 1} arrived {gap.TotalMilliseconds:F0} ms apart; the limit is {permits} per {window.TotalMilliseconds} ms");
        }
    }

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
