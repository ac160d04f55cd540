using Microsoft.Extensions.Options;

namespace PlanBot.Application.Sweeps;

/// <summary>
/// Settings every sending sweep has (reminders, digests): whether it runs, how often, how long a claim lasts, how many
/// tries before giving up and how many sends at once. Each sweep binds its own section.
/// </summary>
public abstract class SweepOptions(TimeSpan sweepInterval)
{
    /// <summary>The configuration section, for messages ("PlanBot:Reminders").</summary>
    protected abstract string SectionName { get; }

    /// <summary>Whether the web host sweeps and sends; off, nothing is sent (e.g. a second region's standby).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the host sweeps every plan.</summary>
    public TimeSpan SweepInterval { get; set; } = sweepInterval;

    /// <summary>How long a claim lasts; well above the time a send takes, so only a crashed host's claim lapses.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many sweeps may try one send before it is given up (nobody reachable, or sends failing).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// How many sends one sweep makes at once. For one-card reminders 8 keeps up with the connector's pace (40 a second)
    /// while each waits on storage; a host killed mid-sweep may resend at most this many (sent, not yet recorded).
    /// </summary>
    public int SendConcurrency { get; set; } = 8;

    /// <summary>Every problem with these settings, each naming its setting; empty when they are usable.</summary>
    public virtual IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SweepInterval < TimeSpan.FromSeconds(1) || SweepInterval > TimeSpan.FromHours(1))
            problems.Add($"{SectionName}:{nameof(SweepInterval)} must be from 00:00:01 to 01:00:00.");
        if (Lease < TimeSpan.FromSeconds(10) || Lease > TimeSpan.FromHours(1))
            problems.Add($"{SectionName}:{nameof(Lease)} must be from 00:00:10 to 01:00:00.");
        if (SendConcurrency is < 1 or > 64)
            problems.Add($"{SectionName}:{nameof(SendConcurrency)} must be from 1 to 64.");
        if (MaxAttempts is < 1 or > 100)
            problems.Add($"{SectionName}:{nameof(MaxAttempts)} must be from 1 to 100.");
        return problems;
    }
}

/// <summary>Checks a sweep's section at start, failing with every problem, each naming its setting.</summary>
public sealed class SweepOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : SweepOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
