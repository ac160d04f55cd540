using PlanBot.Core.Plans;

namespace PlanBot.Core.Snapshots;

/// <summary>
/// Every milestone of a plan as it stood in one week, taken once per week (<see cref="SnapshotWeek"/>) so that digests
/// and the board pack compute "since last week", trends and how often a concern has been seen, instead of guessing.
/// </summary>
public sealed record PlanSnapshot
{
    private Dictionary<MilestoneRef, MilestoneSnapshot>? _byRef;

    public required string PlanId { get; init; }

    /// <summary>The Monday of the week the snapshot stands for.</summary>
    public required DateOnly WeekOf { get; init; }

    /// <summary>The plan day (Europe/London) the state was read as at; overdue is judged against it.</summary>
    public required DateOnly AsAt { get; init; }

    public required DateTimeOffset TakenAt { get; init; }

    public IReadOnlyList<MilestoneSnapshot> Milestones { get; init; } = [];

    public MilestoneSnapshot? Find(MilestoneRef reference)
    {
        _byRef ??= Milestones.GroupBy(m => m.Ref).ToDictionary(g => g.Key, g => g.First());
        return _byRef.GetValueOrDefault(reference);
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
