namespace PlanBot.Core.Plans;

/// <summary>What the store knows about a plan without loading its milestones.</summary>
/// <param name="Version">Changes on every committed import or update; pass it back to guard against lost updates.</param>
/// <param name="Generation">The import generation the plan's milestones are currently read from.</param>
public sealed record PlanSummary(
    string Id,
    string Name,
    string? SourceFile,
    int MilestoneCount,
    int ExceptionCount,
    DateTimeOffset ImportedAt,
    string ImportedBy,
    string Version,
    long Generation);

public sealed record StoredPlan(PlanSummary Summary, Plan Plan);

public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>One entry in a milestone's append-only history: who changed what, when, and through which route.</summary>
/// <param name="Source">"import", "card" or "chat".</param>
public sealed record MilestoneHistoryEntry(
    MilestoneRef Ref,
    DateTimeOffset At,
    string By,
    string Source,
    IReadOnlyList<FieldChange> Changes,
    string? Note = null);

/// <summary>The plan changed since it was read; the caller should re-read and try again.</summary>
public sealed class PlanConcurrencyException(string message) : Exception(message);

/// <summary>
/// Plans, their milestones, exception reports and milestone history.
/// An import is committed all or nothing: until <see cref="CommitImportAsync"/> returns, readers see the previous plan.
/// </summary>
public interface IPlanStore
{
    Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default);

    Task<PlanSummary?> GetSummaryAsync(string planId, CancellationToken cancellationToken = default);

    Task<StoredPlan?> GetPlanAsync(string planId, CancellationToken cancellationToken = default);

    Task<Milestone?> GetMilestoneAsync(string planId, MilestoneRef reference, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the plan's milestones and exceptions with <paramref name="plan"/> and appends <paramref name="history"/>.
    /// <paramref name="expectedVersion"/> is the version the caller diffed against (null for a new plan);
    /// if the stored plan has moved on, nothing is written and <see cref="PlanConcurrencyException"/> is thrown.
    /// <paramref name="progress"/> receives the number of milestones written so far.
    /// </summary>
    Task<PlanSummary> CommitImportAsync(
        Plan plan,
        string? expectedVersion,
        string importedBy,
        IReadOnlyList<MilestoneHistoryEntry> history,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>History of one milestone, newest first.</summary>
    Task<IReadOnlyList<MilestoneHistoryEntry>> GetHistoryAsync(string planId, MilestoneRef reference, CancellationToken cancellationToken = default);
}
