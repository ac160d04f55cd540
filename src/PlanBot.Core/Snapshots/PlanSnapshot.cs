using PlanBot.Core.Plans;

namespace PlanBot.Core.Snapshots;

/// <summary>
/// Every milestone of a plan as it stood in one week, taken once per week (<see cref="SnapshotWeek"/>) so that digests
/// and the board pack compute "since last week", trends and how often a concern has been seen, instead of guessing.
/// </summary>
public sealed record PlanSnapshot
{
    private readonly LookupCache _lookup = new();

    public PlanSnapshot()
    {
    }

    /// <summary>The copy a <c>with</c> expression makes: the same data and a lookup of its own, built afresh on first use.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private PlanSnapshot(PlanSnapshot original)
    {
        PlanId = original.PlanId;
        WeekOf = original.WeekOf;
        AsAt = original.AsAt;
        TakenAt = original.TakenAt;
        Milestones = original.Milestones;
        _lookup = new LookupCache();
    }

    public required string PlanId { get; init; }

    /// <summary>The Monday of the week the snapshot stands for.</summary>
    public required DateOnly WeekOf { get; init; }

    /// <summary>The plan day (Europe/London) the state was read as at; overdue is judged against it.</summary>
    public required DateOnly AsAt { get; init; }

    public required DateTimeOffset TakenAt { get; init; }

    public IReadOnlyList<MilestoneSnapshot> Milestones { get; init; } = [];

    public MilestoneSnapshot? Find(MilestoneRef reference)
    {
        _lookup.ByRef ??= Milestones.GroupBy(m => m.Ref).ToDictionary(g => g.Key, g => g.First());
        return _lookup.ByRef.GetValueOrDefault(reference);
    }

    /// <summary>
    /// The lookup <see cref="Find"/> builds on first use. Every cache equals every other, so two snapshots with the same
    /// data stay equal (record equality compares all fields) whether or not either has been searched.
    /// </summary>
    private sealed class LookupCache
    {
        public Dictionary<MilestoneRef, MilestoneSnapshot>? ByRef { get; set; }

        public override bool Equals(object? obj) => obj is LookupCache;

        public override int GetHashCode() => 0;
    }

    /// <summary>The plan's state now, as the snapshot for the week containing <paramref name="asAt"/>.</summary>
    public static PlanSnapshot Take(Plan plan, DateOnly asAt, DateTimeOffset takenAt) => new()
    {
        PlanId = plan.Id,
        WeekOf = SnapshotWeek.Of(asAt),
        AsAt = asAt,
        TakenAt = takenAt,
        Milestones = [.. plan.Milestones.Select(m => MilestoneSnapshot.Of(m, asAt))],
    };
}

/// <summary>Snapshot weeks run Monday to Sunday, as PMO reporting weeks do.</summary>
public static class SnapshotWeek
{
    public static DateOnly Of(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
