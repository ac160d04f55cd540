namespace PlanBot.Core.Plans;

/// <summary>
/// What the last import stored for each milestone changed since (by an update in Teams, or kept from Teams by a merge),
/// so that a re-import can tell what the tracker changed from what Teams changed (<see cref="PlanMerge"/>).
/// A milestone without a base is as the last import stored it.
/// </summary>
public interface IImportBaseStore
{
    /// <summary>The bases of the plan's import generation <paramref name="generation"/> (<see cref="PlanSummary.Generation"/>).</summary>
    Task<IReadOnlyDictionary<MilestoneRef, Milestone>> GetImportBasesAsync(string planId, long generation, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="IPlanStore.CommitImportAsync"/>, storing <paramref name="importBases"/> with the new generation: the
    /// file's own milestones where the merged plan kept a value from Teams.
    /// </summary>
    Task<PlanSummary> CommitImportAsync(
        Plan plan,
        IReadOnlyList<Milestone> importBases,
        string? expectedVersion,
        string importedBy,
        IReadOnlyList<MilestoneHistoryEntry> history,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default);
}
