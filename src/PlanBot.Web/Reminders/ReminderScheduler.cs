using PlanBot.Web.Scheduling;

namespace PlanBot.Web.Reminders;

/// <summary>Sweeps for reminders every <see cref="SweepOptions.SweepInterval"/>; the ledger's claims decide which host sends each.</summary>
public sealed class ReminderScheduler(ReminderDispatcher dispatcher, ReminderOptions options, TimeProvider time, ILogger<ReminderScheduler> logger)
    : SweepScheduler(options, time, logger)
{
    protected override string What => "Reminder";

    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => dispatcher.SweepAsync(cancellationToken);
}
