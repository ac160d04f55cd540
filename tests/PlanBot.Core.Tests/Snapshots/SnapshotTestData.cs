using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;

namespace PlanBot.Core.Tests.Snapshots;

/// <summary>Snapshots and milestones built by hand, a week apart from Monday 6 January 2020.</summary>
internal static class SnapshotTestData
{
    public static readonly DateOnly Week1 = new(2020, 1, 6);
    public static readonly DateOnly Week2 = Week1.AddDays(7);
    public static readonly DateOnly Week3 = Week1.AddDays(14);
    public static readonly DateOnly Week4 = Week1.AddDays(21);

    public static MilestoneSnapshot M(
        string reference,
        Rag rag = Rag.Green,
        MilestoneStatus status = MilestoneStatus.OnTrack,
        DateOnly? due = null,
        DateOnly? revisedDue = null,
        bool overdue = false,
        string? department = null,
        string? programme = null,
        string? team = null) => new()
    {
        Ref = MilestoneRef.Parse(reference),
        Title = $"Milestone {reference}",
        Rag = rag,
        Status = status,
        Due = due,
        RevisedDue = revisedDue,
        Overdue = overdue,
        Department = department,
        Programme = programme,
        Team = team,
    };

    /// <summary>A snapshot taken as at the Wednesday of the week starting <paramref name="weekOf"/>.</summary>
    public static PlanSnapshot Snapshot(DateOnly weekOf, params MilestoneSnapshot[] milestones) => new()
    {
        PlanId = "odkm",
        WeekOf = weekOf,
        AsAt = weekOf.AddDays(2),
        TakenAt = new DateTimeOffset(weekOf.AddDays(2).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
        Milestones = milestones,
    };

    public static Milestone Milestone(string reference, string? progressNote = null) => new()
    {
        Ref = MilestoneRef.Parse(reference),
        Title = $"Milestone {reference}",
        ProgressNote = progressNote,
    };

    public static Plan Plan(IEnumerable<Milestone> milestones, params ExceptionReportEntry[] exceptions) => new()
    {
        Id = "odkm",
        Name = "ODKM",
        Milestones = [.. milestones],
        Exceptions = exceptions,
    };

    public static ExceptionReportEntry Exception(string reference, string? reason, DateOnly? proposed = null, string? proposedText = null, bool imported = false) => new()
    {
        MilestoneRefText = reference,
        Refs = [MilestoneRef.Parse(reference)],
        Reason = reason,
        ProposedRevisedDate = proposed is { } d ? TrackerDate.Exact(d) : proposedText is null ? TrackerDate.Blank : new TrackerDate(proposedText, null, Problem: DateProblem.NotADate),
        Source = imported ? new SourceLocation("odkm.txt", null, 70) : null,
    };
}
