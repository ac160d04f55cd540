namespace PlanBot.Web.Reminders;

/// <summary>
/// Sweeps for reminders every <see cref="ReminderOptions.SweepInterval"/> on the injected clock. Several hosts may run
/// it at once: the ledger's claims decide which one sends each reminder. A failed sweep is logged and the next runs.
/// </summary>
public sealed partial class ReminderScheduler(ReminderDispatcher dispatcher, ReminderOptions options, TimeProvider time, ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            LogDisabled();
            return;
        }
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        do
        {
            try
            {
                await dispatcher.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders are off (PlanBot:Reminders:Enabled is false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder sweep failed; the next sweep will try again")]
    private partial void LogSweepFailed(Exception exception);
}
