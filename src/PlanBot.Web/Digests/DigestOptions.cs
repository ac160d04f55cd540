using PlanBot.Web.Scheduling;

namespace PlanBot.Web.Digests;

/// <summary>
/// Settings for the weekly digests (section PlanBot:Digests). The sweep runs every minute by default, so a digest due
/// at 8am goes out by 8:01; each sweep also takes the week's plan snapshots when none is stored yet.
/// </summary>
public sealed class DigestOptions : SweepOptions
{
    /// <summary>
    /// Sixteen sends at once rather than reminders' eight: a chair's digest is up to a dozen cards and each chat is paced
    /// to Teams' per-conversation limit (7 in 2 s), so with eight the sweep reached only about half the app-wide 40 a
    /// second (scripts/bench-digest-sweep.sh). A host killed mid-sweep may resend at most this many.
    /// </summary>
    public DigestOptions() : base(TimeSpan.FromMinutes(1)) => SendConcurrency = 16;

    public const string Section = "PlanBot:Digests";

    protected override string SectionName => Section;

    /// <summary>
    /// Whether the sweep takes each plan's weekly snapshot (the baseline for "since last week" and the board pack's
    /// trend) the first time it runs in a week. Off when snapshots are taken another way (<c>planbot snapshot</c>).
    /// </summary>
    public bool TakeWeeklySnapshots { get; set; } = true;
}
