using PlanBot.Core.Plans;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// Reads what a re-import merges against: the last import's bases for milestones changed in Teams since, and for
/// each conflict, who made the Teams change and when (the newest update in the milestone's history).
/// </summary>
internal static class ReimportMerge
{
    public static async Task<PlanMerge> MergeAsync(IPlanStore store, StoredPlan? existing, Plan file, MergePreference prefer, CancellationToken cancellationToken)
    {
        if (existing is null) return PlanMerge.Of(null, new Dictionary<MilestoneRef, Milestone>(), file, prefer);

        // A store that keeps no bases merges as if nothing changed in Teams: the file's values stand, as before merging.
        var bases = store is IImportBaseStore baseStore
            ? await baseStore.GetImportBasesAsync(existing.Summary.Id, existing.Summary.Generation, cancellationToken).ConfigureAwait(false)
            : new Dictionary<MilestoneRef, Milestone>();
        var merge = PlanMerge.Of(existing.Plan, bases, file, prefer);
        if (merge.Conflicts.Count == 0) return merge;

        var lastUpdates = new Dictionary<MilestoneRef, (string By, DateTimeOffset At)>();
        foreach (var reference in merge.Conflicts.Select(c => c.Ref).Distinct())
        {
            var history = await store.GetHistoryAsync(existing.Summary.Id, reference, cancellationToken).ConfigureAwait(false);
            if (history.FirstOrDefault(h => !h.Source.StartsWith("import", StringComparison.Ordinal)) is { } update)
                lastUpdates[reference] = (update.By, update.At);
        }
        return merge.WithChangedBy(r => lastUpdates.TryGetValue(r, out var u) ? u : null);
    }
}
