using PlanBot.Core.Plans;

namespace PlanBot.Core.Updates;

/// <summary>
/// What an owner submitted about a milestone, from the reminder card or from chat. Null means "not given"; the
/// milestone keeps what it had.
/// </summary>
public sealed record MilestoneUpdate
{
    public MilestoneStatus? Status { get; init; }
    public Rag? Rag { get; init; }
    public string? ProgressNote { get; init; }
    public DateOnly? RevisedDue { get; init; }
    public string? DelayReason { get; init; }
    public string? EvidenceLink { get; init; }
}

/// <summary>Which input of an update is wrong, and what to tell the person who filled it in.</summary>
public sealed record UpdateProblem(string Field, string Message);

/// <summary>The outcome of checking an update: either problems, or the milestone as it will be and what to record.</summary>
public sealed record UpdateOutcome(
    IReadOnlyList<UpdateProblem> Problems,
    Milestone? Updated = null,
    MilestoneHistoryEntry? History = null,
    ExceptionReportEntry? Exception = null)
{
    public bool IsValid => Problems.Count == 0 && Updated is not null;
}
