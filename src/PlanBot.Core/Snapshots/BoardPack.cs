using PlanBot.Core.Plans;

namespace PlanBot.Core.Snapshots;

/// <summary>
/// Everything a board pack shows, gathered once so the command line and the chat build the same pack: the plan now,
/// this report (the plan now as a snapshot), the last report (the latest stored snapshot before this week) and what the
/// stored snapshots before this week say about concerns.
/// </summary>
public sealed record BoardPack
{
    private IReadOnlyList<ActionConcern>? _concerns;

    public required Plan Plan { get; init; }
    public required PlanSnapshot ThisReport { get; init; }

    /// <summary>The latest stored snapshot for a week before this report's, or null when there is none.</summary>
    public PlanSnapshot? LastReport { get; init; }

    /// <summary>The stored snapshots before this report's week, folded (the last report is the latest of them).</summary>
    public required ConcernHistory History { get; init; }

    public DateOnly AsAt => ThisReport.AsAt;

    public IReadOnlyList<ActionConcern> Concerns => _concerns ??= ActionConcernReport.Build(History, ThisReport, Plan);

    public AreaKind AreaKind => RagByArea.KindFor(ThisReport);

    public IReadOnlyList<AreaRag> Areas => RagByArea.Compare(ThisReport, LastReport, AreaKind);

    /// <summary>↑ ↓ ↔ for a milestone in this report against the last; null when either has no colour for it.</summary>
    public string? TrendOf(MilestoneSnapshot milestone) => RagTrend.Of(milestone.Rag, LastReport?.Find(milestone.Ref)?.Rag);

    /// <summary>A pack from snapshots already in hand, oldest first; any for this report's week or later are left out.</summary>
    public static BoardPack Create(Plan plan, PlanSnapshot thisReport, IEnumerable<PlanSnapshot> snapshotsOldestFirst)
    {
        var history = new ConcernHistory();
        PlanSnapshot? last = null;
        foreach (var snapshot in snapshotsOldestFirst.Where(s => s.WeekOf < thisReport.WeekOf))
        {
            history.Add(snapshot);
            last = snapshot;
        }
        return new BoardPack { Plan = plan, ThisReport = thisReport, LastReport = last, History = history };
    }

    /// <summary>
    /// The pack for <paramref name="plan"/> as at <paramref name="asAt"/>, reading its stored snapshots one week at a time
    /// (only the last report is kept whole, so a long history of a large plan fits in memory).
    /// </summary>
    public static async Task<BoardPack> LoadAsync(
        Plan plan, IPlanSnapshotStore snapshots, DateOnly asAt, DateTimeOffset takenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(snapshots);
        var thisReport = PlanSnapshot.Take(plan, asAt, takenAt);
        var history = new ConcernHistory();
        PlanSnapshot? last = null;
        var weeks = await snapshots.ListWeeksAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        foreach (var week in weeks.Where(w => w < thisReport.WeekOf).Order())
        {
            // A week listed a moment ago can only be missing now if removed by hand; the pack goes on without it.
            if (await snapshots.GetAsync(plan.Id, week, cancellationToken).ConfigureAwait(false) is not { } snapshot) continue;
            history.Add(snapshot);
            last = snapshot;
        }
        return new BoardPack { Plan = plan, ThisReport = thisReport, LastReport = last, History = history };
    }
}
