namespace PlanBot.Core.Plans;

/// <summary>
/// A row of an exception report: why a milestone slipped and the date now proposed.
/// <see cref="MilestoneRefText"/> keeps what the report wrote ("41 &amp; 44", "-");
/// <see cref="Refs"/> are the references read from it, linked or not to milestones in the plan.
/// </summary>
public sealed record ExceptionReportEntry
{
    public required string MilestoneRefText { get; init; }
    public IReadOnlyList<MilestoneRef> Refs { get; init; } = [];
    public string? Team { get; init; }
    public string? Title { get; init; }
    public TrackerDate DateDue { get; init; } = TrackerDate.Blank;
    public string? Reason { get; init; }
    public TrackerDate ProposedRevisedDate { get; init; } = TrackerDate.Blank;

    /// <summary>The heading above the report table, e.g. "Exception Report - January 2020".</summary>
    public string? ReportTitle { get; init; }

    public SourceLocation? Source { get; init; }
}
