using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// Paces connector requests below Teams' limits: several sliding windows per conversation, and this instance's even
/// share of the app-wide limit (<see cref="AppWidePacer"/>, <see cref="ConnectorSendBudget"/>).
/// Requests over a limit wait in line (first come, first served) rather than fail; waiting honours cancellation.
/// </summary>
internal sealed class ConnectorRateLimiter : IDisposable
{
    /// <summary>The conversation a request belongs to, set by <see cref="ConnectorClient"/> on each request.</summary>
    public static readonly HttpRequestOptionsKey<string> ConversationKey = new("PlanBot.Connector.Conversation");

    // The shared limiters' replenishment timer ticks every 100 ms, so finer segments would buy nothing.
    private static readonly TimeSpan ShortestSegment = TimeSpan.FromMilliseconds(100);
    private const int MaxSegmentsPerWindow = 30;

    private readonly AppWidePacer _global;
    private readonly PartitionedRateLimiter<string>[] _conversationLongWindows;
    private readonly PartitionedRateLimiter<string>? _conversationShortestWindow;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, ConnectorSendBudget budget)
    {
        var settings = options.Value;
        _global = new AppWidePacer(settings.EffectiveGlobalLimit, budget);

        // Order matters because each window's permit is taken when the request reaches it, not when it is sent. The
        // longest windows come first, so a request waiting out an hour window holds nothing of the short ones; the
        // shortest window is checked last, at the moment of sending, where Teams' tightest limit (7 per second) bites.
        var windows = settings.EffectiveConversationLimits.OrderByDescending(limit => limit.Window).Select(CreatePartitioned).ToList();
        _conversationShortestWindow = windows.Count > 0 ? windows[^1] : null;
        _conversationLongWindows = windows.Take(Math.Max(0, windows.Count - 1)).ToArray();
    }

    /// <summary>Returns when one more request to <paramref name="conversation"/> (null: app-wide limit only) fits within every limit.</summary>
    public async ValueTask WaitForTurnAsync(string? conversation, CancellationToken cancellationToken)
    {
        if (conversation is not null)
        {
            foreach (var window in _conversationLongWindows)
                await AcquireAsync(window.AcquireAsync(conversation, 1, cancellationToken)).ConfigureAwait(false);
        }
        // The app-wide limit sits between the long and the shortest conversation windows: a request stuck behind its
        // conversation's 30 s or hour limit does not use up app-wide capacity while it waits.
        await _global.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        if (conversation is not null && _conversationShortestWindow is not null)
            await AcquireAsync(_conversationShortestWindow.AcquireAsync(conversation, 1, cancellationToken)).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var window in _conversationLongWindows) window.Dispose();
        _conversationShortestWindow?.Dispose();
    }

    private static async ValueTask AcquireAsync(ValueTask<RateLimitLease> acquisition)
    {
        // Window permits are spent when granted; disposing the lease gives nothing back, it only releases the object.
        using var lease = await acquisition.ConfigureAwait(false);
        if (!lease.IsAcquired)
            throw new InvalidOperationException("The connector rate limiter refused a request although its queue is unbounded.");
    }

    private static PartitionedRateLimiter<string> CreatePartitioned(RateLimit limit)
    {
        var options = SlidingWindow(limit);
        // Idle conversations' limiters are dropped by the partitioned limiter once all their permits are back.
        return PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => options));
    }

    private static SlidingWindowRateLimiterOptions SlidingWindow(RateLimit limit)
    {
        var segments = (int)Math.Clamp(limit.Window / ShortestSegment, 1, MaxSegmentsPerWindow);
        var segment = limit.Window / segments;
        return new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            // A permit taken late in a segment is returned when the whole segment leaves the window, which can be up to
            // one segment early; one extra segment makes every permit stay out for at least the full window.
            Window = limit.Window + segment,
            SegmentsPerWindow = segments + 1,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }
}
