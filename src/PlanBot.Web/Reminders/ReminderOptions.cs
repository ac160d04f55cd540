using PlanBot.Web.Scheduling;

namespace PlanBot.Web.Reminders;

/// <summary>
/// Settings for sending reminders (section PlanBot:Reminders). Every 5 minutes by default; at that interval the 6
/// tries allowed span about 25 minutes.
/// </summary>
public sealed class ReminderOptions() : SweepOptions(TimeSpan.FromMinutes(5))
{
    public const string Section = "PlanBot:Reminders";

    protected override string SectionName => Section;

    /// <summary>
    /// A person due reminders about more than this many milestones in one sweep gets one message listing them, each
    /// with its Update button, instead of a card for each; 0 always lists.
    /// </summary>
    public int GroupAbove { get; set; } = 3;
}
