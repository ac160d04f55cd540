using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PlanBot.Storage;

/// <summary>
/// Creates PlanBot's tables when the host starts, so no request pays for it. Storage that cannot be reached does not
/// stop the host, nor hold its start for longer than <see cref="StartTimeout"/>: the failure is logged, /healthz
/// reports the storage account, and the first store call tries again.
/// </summary>
public sealed partial class TableCreation(PlanBotTables tables, ILogger<TableCreation> logger) : IHostedService
{
    /// <summary>Far above the few hundred milliseconds creating the tables takes; short of an unreachable account's retries.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await tables.EnsureCreatedAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotCreatedInTime(logger, StartTimeout.TotalSeconds);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
        {
            LogNotCreated(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tables could not be created at start; the first request that needs them will try again")]
    private static partial void LogNotCreated(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table storage did not answer within {Seconds} s at start; the tables are created when it does")]
    private static partial void LogNotCreatedInTime(ILogger logger, double seconds);
}
