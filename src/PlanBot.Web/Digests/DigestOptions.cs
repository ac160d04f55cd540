using PlanBot.Web.Scheduling;

namespace PlanBot.Web.Digests;

/// <summary>
/// Settings for the weekly digests (section PlanBot:Digests). The sweep runs every minute by default, so a digest due
/// at 8am goes out by 8:01; each sweep also takes the week's plan snapshots when none is stored yet.
/// </summary>
public sealed class DigestOptions() : SweepOptions(TimeSpan.FromMinutes(1))
{
    public const string Section = "PlanBot:Digests";

    protected override string SectionName => Section;

    /// <summary>
    /// Whether the sweep takes each plan's weekly snapshot (the baseline for "since last week" and the board pack's
    /// trend) the first time it runs in a week. Off when snapshots are taken another way (<c>planbot snapshot</c>).
    /// </summary>
    public bool TakeWeeklySnapshots { get; set; } = true;
}
