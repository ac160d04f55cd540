using PlanBot.Core.Plans;

namespace PlanBot.Core.Snapshots;

/// <summary>
/// One milestone as it stood when a weekly snapshot was taken: enough to say later what changed since (status, RAG,
/// dates, whether it was overdue) and where it sat (team, department, programme), so a report can count by area as
/// the plan was then, not as it is now.
/// </summary>
public sealed record MilestoneSnapshot
{
    public required MilestoneRef Ref { get; init; }
    public string Title { get; init; } = string.Empty;
    public string? Team { get; init; }
    public string? Department { get; init; }
    public string? Programme { get; init; }
    public MilestoneStatus Status { get; init; }

    /// <summary>The tracker's RAG, or the colour its status implies when it gives none (<see cref="Milestone.EffectiveRag"/>).</summary>
    public Rag Rag { get; init; }

    public DateOnly? Due { get; init; }
    public DateOnly? RevisedDue { get; init; }

    /// <summary>Past its (revised) due date and not finished, as at the day the snapshot was taken.</summary>
    public bool Overdue { get; init; }

    public DateOnly? EffectiveDue => RevisedDue ?? Due;

    public bool IsFinished => Status is MilestoneStatus.Complete or MilestoneStatus.Closed || Rag == Rag.Blue;

    /// <summary>
    /// A concern as the action concern report counts one: red, delayed, or overdue, and not finished
    /// (seed 002: "RED areas and those that there is a level of confidence that the deadline will be missed").
    /// </summary>
    public bool IsConcern => !IsFinished && (Rag == Rag.Red || Status == MilestoneStatus.Delayed || Overdue);

    public static MilestoneSnapshot Of(Milestone milestone, DateOnly asAt) => new()
    {
        Ref = milestone.Ref,
        Title = milestone.Title,
        Team = milestone.Team,
        Department = milestone.Department,
        Programme = milestone.Programme,
        Status = milestone.Status,
        Rag = milestone.EffectiveRag,
        Due = milestone.Due.Date,
        RevisedDue = milestone.RevisedDue.Date,
        Overdue = milestone.IsOverdueAt(asAt),
    };
}
