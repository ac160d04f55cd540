using PlanBot.Core.Plans;

namespace PlanBot.Core.Snapshots;

/// <summary>
/// What earlier weekly snapshots say about concerns: for each milestone that was a concern in any of them, the first
/// week it was, how many snapshots saw it, and how it stood the last time. Snapshots are added one at a time, oldest
/// first, so a year of snapshots of a large plan is folded in without holding them all in memory.
/// </summary>
public sealed class ConcernHistory
{
    private readonly Dictionary<MilestoneRef, SeenConcern> _seen = [];
    private readonly List<DateOnly> _weeks = [];

    /// <summary>The weeks added so far, oldest first.</summary>
    public IReadOnlyList<DateOnly> Weeks => _weeks;

    public IEnumerable<SeenConcern> Concerns => _seen.Values;

    public static ConcernHistory Of(IEnumerable<PlanSnapshot> snapshotsOldestFirst)
    {
        var history = new ConcernHistory();
        foreach (var snapshot in snapshotsOldestFirst) history.Add(snapshot);
        return history;
    }

    /// <summary>Adds the next snapshot; it must be for a later week than any added before.</summary>
    public void Add(PlanSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_weeks.Count > 0 && snapshot.WeekOf <= _weeks[^1])
            throw new ArgumentException(
                $"Snapshots must be added oldest first, one per week: the week of {snapshot.WeekOf:yyyy-MM-dd} does not come after {_weeks[^1]:yyyy-MM-dd}.",
                nameof(snapshot));

        _weeks.Add(snapshot.WeekOf);
        foreach (var milestone in snapshot.Milestones)
        {
            if (!milestone.IsConcern) continue;
            _seen[milestone.Ref] = _seen.TryGetValue(milestone.Ref, out var seen)
                ? seen with { Times = seen.Times + 1, Last = milestone, LastAsAt = snapshot.AsAt }
                : new SeenConcern(snapshot.WeekOf, 1, milestone, snapshot.AsAt);
        }
    }

    public SeenConcern? Find(MilestoneRef reference) => _seen.GetValueOrDefault(reference);
}

/// <summary>One milestone's record as a concern in earlier snapshots.</summary>
/// <param name="FirstRaised">The week (Monday) of the first snapshot in which it was a concern.</param>
/// <param name="Times">How many snapshots saw it as a concern.</param>
/// <param name="Last">How it stood in the last snapshot that saw it as a concern.</param>
/// <param name="LastAsAt">The day that snapshot was taken as at.</param>
public sealed record SeenConcern(DateOnly FirstRaised, int Times, MilestoneSnapshot Last, DateOnly LastAsAt);
