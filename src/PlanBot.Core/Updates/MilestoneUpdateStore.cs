using PlanBot.Core.Plans;

namespace PlanBot.Core.Updates;

/// <summary>
/// A milestone as stored, with <see cref="Revision"/>: an opaque token that changes whenever the milestone is written
/// (an update, or an import). A card carries the revision it was built from, so a stale card is noticed.
/// </summary>
public sealed record StoredMilestone(string PlanId, Milestone Milestone, string Revision)
{
    /// <summary>
    /// The exception report's latest entry about the milestone (<see cref="ExceptionReportOrder"/>), or null: its reason
    /// and proposed date are what the update form starts from, and what an unchanged form leaves standing.
    /// </summary>
    public ExceptionReportEntry? LatestException { get; init; }
}

/// <summary>Progress updates to single milestones, each under optimistic concurrency and recorded in history.</summary>
public interface IMilestoneUpdateStore
{
    Task<StoredMilestone?> GetStoredMilestoneAsync(string planId, MilestoneRef reference, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the milestone read as <paramref name="expected"/> with <paramref name="updated"/>, adds
    /// <paramref name="exception"/> to the plan's exception report when there is one, changes the plan's version, and
    /// appends <paramref name="history"/>. If the milestone changed since <paramref name="expected"/> was read, nothing is
    /// written and <see cref="PlanConcurrencyException"/> is thrown.
    /// </summary>
    Task<StoredMilestone> SaveUpdateAsync(
        StoredMilestone expected,
        Milestone updated,
        MilestoneHistoryEntry history,
        ExceptionReportEntry? exception,
        CancellationToken cancellationToken = default);
}
