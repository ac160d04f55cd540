namespace PlanBot.Core.Snapshots;

/// <summary>Where weekly plan snapshots are kept: at most one per plan and week.</summary>
public interface IPlanSnapshotStore
{
    /// <summary>Stores the snapshot, replacing any earlier one for the same plan and week, all or nothing.</summary>
    Task SaveAsync(PlanSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The snapshot for the week starting <paramref name="weekOf"/>, or null.</summary>
    Task<PlanSnapshot?> GetAsync(string planId, DateOnly weekOf, CancellationToken cancellationToken = default);

    /// <summary>The most recent snapshot for a week before <paramref name="weekOf"/>, or null: the "last report" to compare with.</summary>
    Task<PlanSnapshot?> GetLatestBeforeAsync(string planId, DateOnly weekOf, CancellationToken cancellationToken = default);

    /// <summary>The weeks (Mondays) that have a snapshot, oldest first.</summary>
    Task<IReadOnlyList<DateOnly>> ListWeeksAsync(string planId, CancellationToken cancellationToken = default);
}
