namespace PlanBot.Web.Reminders;

/// <summary>Settings for sending reminders (section PlanBot:Reminders).</summary>
public sealed class ReminderOptions
{
    public const string Section = "PlanBot:Reminders";

    /// <summary>Whether the web host sweeps and sends reminders; off, nothing is sent (e.g. a second region's standby).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the host sweeps every plan for reminders due.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claim on a reminder lasts; well above the time a send takes, so only a crashed host's claim lapses.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many sweeps may try one reminder before it is given up (nobody reachable, or sends failing); the next
    /// reminder for the milestone is tried afresh. At the default sweep interval, 6 tries span about 25 minutes.
    /// </summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// How many reminders one sweep sends at once. Enough to keep up with the connector's pace (40 a second) while each
    /// waits on storage; a host killed mid-sweep may resend at most this many (sent, not yet recorded).
    /// </summary>
    public int SendConcurrency { get; set; } = 8;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SweepInterval < TimeSpan.FromSeconds(1) || SweepInterval > TimeSpan.FromHours(1))
            problems.Add($"{Section}:{nameof(SweepInterval)} must be from 00:00:01 to 01:00:00.");
        if (Lease < TimeSpan.FromSeconds(10) || Lease > TimeSpan.FromHours(1))
            problems.Add($"{Section}:{nameof(Lease)} must be from 00:00:10 to 01:00:00.");
        if (SendConcurrency is < 1 or > 64)
            problems.Add($"{Section}:{nameof(SendConcurrency)} must be from 1 to 64.");
        if (MaxAttempts is < 1 or > 100)
            problems.Add($"{Section}:{nameof(MaxAttempts)} must be from 1 to 100.");
        return problems;
    }
}
