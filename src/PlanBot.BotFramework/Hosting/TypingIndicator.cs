using Microsoft.Extensions.Logging;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Hosting;

/// <summary>
/// Sends "typing…" once a turn has run longer than the delay, and again every few seconds until it ends, so a slow
/// answer never looks like a dead bot. Quick turns send nothing extra.
/// </summary>
internal sealed partial class TypingIndicator : IDisposable
{
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(3);
    private readonly TurnContext _turn;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _timer;
    private int _sending;

    public TypingIndicator(TurnContext turn, TimeSpan delay, TimeProvider time, ILogger logger)
    {
        _turn = turn;
        _logger = logger;
        _timer = time.CreateTimer(_ => _ = SendAsync(), null, delay, Repeat);
    }

    private async Task SendAsync()
    {
        if (Interlocked.Exchange(ref _sending, 1) == 1) return;
        try
        {
            await _turn.SendActivityAsync(Activity.CreateTyping(), _stop.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogTypingFailed(_logger, error); // typing is a courtesy: never fail the turn for it
        }
        finally
        {
            Volatile.Write(ref _sending, 0);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _stop.Cancel(); // not disposed: a send still in flight may hold its token
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not send a typing indicator")]
    private static partial void LogTypingFailed(ILogger logger, Exception error);
}
