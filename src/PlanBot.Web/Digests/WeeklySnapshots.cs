using System.Collections.Concurrent;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;

namespace PlanBot.Web.Digests;

/// <summary>
/// Takes each plan's snapshot for the week the first time it is asked in that week, so next week's digest and board
/// pack have a "last week" to compare with. Which weeks are stored is remembered per plan, so asking every sweep costs
/// one read a week. Two hosts may both take one in the same minute; the store keeps one per week, so the later wins.
/// </summary>
public sealed partial class WeeklySnapshots(IPlanSnapshotStore store, ILogger<WeeklySnapshots> logger)
{
    private readonly ConcurrentDictionary<string, DateOnly> _stored = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when this call took and saved the week's snapshot; false when one was stored already.</summary>
    public async Task<bool> EnsureTakenAsync(Plan plan, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var week = SnapshotWeek.Of(today);
        if (_stored.TryGetValue(plan.Id, out var known) && known == week) return false;
        var taken = false;
        if (!(await store.ListWeeksAsync(plan.Id, cancellationToken)).Contains(week))
        {
            await store.SaveAsync(PlanSnapshot.Take(plan, today, now), cancellationToken);
            LogTaken(plan.Id, week, plan.Milestones.Count);
            taken = true;
        }
        _stored[plan.Id] = week;
        return taken;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took the snapshot of plan {PlanId} for the week of {Week:yyyy-MM-dd} ({Milestones} milestones)")]
    private partial void LogTaken(string planId, DateOnly week, int milestones);
}
