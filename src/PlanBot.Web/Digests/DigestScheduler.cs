using PlanBot.Web.Scheduling;

namespace PlanBot.Web.Digests;

/// <summary>Sweeps for digests due every <see cref="SweepOptions.SweepInterval"/>; the ledger's claims decide which host sends each.</summary>
public sealed class DigestScheduler(DigestDispatcher dispatcher, DigestOptions options, TimeProvider time, ILogger<DigestScheduler> logger)
    : SweepScheduler(options, time, logger)
{
    protected override string What => "Digest";

    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => dispatcher.SweepAsync(cancellationToken);
}
