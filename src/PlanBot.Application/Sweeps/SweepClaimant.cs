namespace PlanBot.Application.Sweeps;

/// <summary>Names this host in claims, so a takeover can say whose claim lapsed: machine, process and a random suffix.</summary>
public static class SweepClaimant
{
    public static string ForThisHost() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
