using System.Diagnostics;
using PlanBot.Core.Telemetry;

namespace PlanBot.Web.Scheduling;

/// <summary>
/// Runs one sweep every <see cref="SweepOptions.SweepInterval"/> on the injected clock, the first at start. Several
/// hosts may run it at once: the sweep's claims decide which one sends each message. A failed sweep is logged and the
/// next runs.
/// </summary>
public abstract partial class SweepScheduler(SweepOptions options, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>What is swept, for the log ("Reminder", "Digest").</summary>
    protected abstract string What { get; }

    protected abstract Task SweepOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            LogDisabled(logger, What);
            return;
        }
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        do
        {
            // One trace per sweep; its duration and failures are metrics (the failed-sweep alert reads them).
            using var trace = PlanBotTelemetry.Source.StartActivity($"sweep {What}");
            var started = time.GetTimestamp();
            try
            {
                await SweepOnceAsync(stoppingToken);
                PlanBotTelemetry.Swept(What, time.GetElapsedTime(started), failed: false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                trace?.SetStatus(ActivityStatusCode.Error);
                PlanBotTelemetry.Swept(What, time.GetElapsedTime(started), failed: true);
                LogSweepFailed(logger, e, What);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{What} sweeps are off (their Enabled setting is false)")]
    private static partial void LogDisabled(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "{What} sweep failed; the next sweep will try again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string what);
}
