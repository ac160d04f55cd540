namespace PlanBot.BotFramework.Connector;

/// <summary>
/// This instance's share of the app-wide connector budget. Teams' limit (50 requests a second per app per tenant) is
/// for the app, not per host, so with several instances each paces at the configured app-wide limit divided by the
/// number of live instances, which the host keeps up to date (PlanBot.Web's instance heartbeats in Table storage).
/// </summary>
public sealed class ConnectorSendBudget
{
    private int _instances = 1;

    /// <summary>Live instances sharing the budget, this one included; at least 1.</summary>
    public int Instances
    {
        get => Volatile.Read(ref _instances);
        set => Volatile.Write(ref _instances, Math.Max(1, value));
    }
}

/// <summary>
/// Spaces requests evenly at this instance's share of the app-wide limit: each takes the next free slot, one interval
/// after the last. Even spacing rather than a window's burst is what lets several instances add up to the limit: two at
/// 24 a second each never put more than 48 (plus one each) into any second, wherever their bursts would have fallen.
/// A request cancelled while waiting leaves its slot unused.
/// </summary>
internal sealed class AppWidePacer(RateLimit limit, ConnectorSendBudget budget)
{
    // Like the window limiters, pacing runs on the real clock: it paces real HTTP requests.
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public TimeSpan Interval => limit.Window * budget.Instances / limit.PermitLimit;

    public async ValueTask WaitForTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var slot = _next > now ? _next : now;
            _next = slot + Interval;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }
}
