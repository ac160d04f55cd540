using PlanBot.Application.Sweeps;

namespace PlanBot.Application.Reminders;

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

    public override IReadOnlyList<string> Problems()
    {
        var problems = base.Problems().ToList();
        if (GroupAbove is < 0 or > 50) problems.Add($"{Section}:{nameof(GroupAbove)} must be from 0 to 50.");
        return problems;
    }
}
