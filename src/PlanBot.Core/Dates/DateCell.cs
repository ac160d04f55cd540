namespace PlanBot.Core.Dates;

using PlanBot.Core.Plans;

/// <summary>
/// The result of reading one date cell. A cell can carry a revision ("27-Sep-19 rev 31-Dec-19"):
/// <see cref="Date"/> is then the original date and <see cref="Revised"/> the new one.
/// </summary>
public sealed record DateCell(TrackerDate Date, TrackerDate? Revised)
{
    /// <summary>
    /// When a due cell gives only when the work starts ("Oct (Start date)", "Ongoing (Start in June)"): that start.
    /// <see cref="Date"/> then has no date (<see cref="DateProblem.NoDeadline"/>).
    /// </summary>
    public TrackerDate? Start { get; init; }
}

/// <summary>Reads the date forms UK trackers use; <see cref="TrackerDateParser"/> is the implementation.</summary>
public interface ITrackerDateParser
{
    DateCell Parse(string? text);
}
