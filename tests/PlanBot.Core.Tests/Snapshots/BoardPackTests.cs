using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Testing;
using static PlanBot.Core.Tests.Snapshots.SnapshotTestData;

namespace PlanBot.Core.Tests.Snapshots;

public sealed class BoardPackTests
{
    private static readonly DateTimeOffset TakenAt = new(2020, 1, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_last_report_is_the_latest_snapshot_before_this_week()
    {
        var plan = TestPlans.Small(milestones: 2);
        var thisReport = PlanSnapshot.Take(plan, Week3.AddDays(2), TakenAt);

        var pack = BoardPack.Create(plan, thisReport, [Snapshot(Week1, M("1")), Snapshot(Week2, M("1", Rag.Red)), Snapshot(Week3, M("1", Rag.Amber))]);

        Assert.Equal(Week2, pack.LastReport!.WeekOf);
        Assert.Equal([Week1, Week2], pack.History.Weeks);
        Assert.Equal(Week3.AddDays(2), pack.AsAt);
    }

    [Fact]
    public void Trend_compares_each_milestone_with_the_last_report()
    {
        var plan = TestPlans.Small(milestones: 3);
        var thisReport = Snapshot(Week2, M("1", Rag.Green), M("2", Rag.Red), M("3", Rag.Green));

        var pack = BoardPack.Create(plan, thisReport, [Snapshot(Week1, M("1", Rag.Red), M("2", Rag.Red))]);

        Assert.Equal([RagTrend.Up, RagTrend.Same, null], thisReport.Milestones.Select(pack.TrendOf));
    }

    [Fact]
    public void A_pack_without_history_has_no_last_report_and_compares_with_zero()
    {
        var plan = TestPlans.Small(milestones: 2);

        var pack = BoardPack.Create(plan, PlanSnapshot.Take(plan, Week1, TakenAt), []);

        Assert.Null(pack.LastReport);
        Assert.All(pack.Areas, a => Assert.Equal(RagCounts.Zero, a.LastReport));
        Assert.All(pack.ThisReport.Milestones, m => Assert.Null(pack.TrendOf(m)));
    }

    [Fact]
    public async Task Loading_reads_the_stored_weeks_before_this_one_oldest_first()
    {
        var plan = new Plan { Id = "odkm", Name = "ODKM", Milestones = [TestPlans.Milestone("1", due: Week4), TestPlans.Milestone("2", due: Week4)] };
        var store = new ListSnapshotStore(Snapshot(Week2, M("1", Rag.Red)), Snapshot(Week1, M("1", Rag.Red)), Snapshot(Week3, M("2", Rag.Red)));

        var pack = await BoardPack.LoadAsync(plan, store, Week3.AddDays(1), TakenAt);

        Assert.Equal([Week1, Week2], pack.History.Weeks);
        Assert.Equal(Week2, pack.LastReport!.WeekOf);
        Assert.Equal(Week3, pack.ThisReport.WeekOf);
        Assert.Equal(plan.Milestones.Count, pack.ThisReport.Milestones.Count);
        var concern = Assert.Single(pack.Concerns);
        Assert.Equal(("1", 2, false), (concern.Ref.Value, concern.TimesSeen, concern.IsOpen)); // week 3's stored snapshot is not read
    }

    /// <summary>Snapshots in a list; only the reads a board pack makes.</summary>
    private sealed class ListSnapshotStore(params PlanSnapshot[] snapshots) : IPlanSnapshotStore
    {
        public Task SaveAsync(PlanSnapshot snapshot, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PlanSnapshot?> GetAsync(string planId, DateOnly weekOf, CancellationToken cancellationToken = default) =>
            Task.FromResult(snapshots.FirstOrDefault(s => s.PlanId == planId && s.WeekOf == weekOf));

        public Task<PlanSnapshot?> GetLatestBeforeAsync(string planId, DateOnly weekOf, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<DateOnly>> ListWeeksAsync(string planId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DateOnly>>([.. snapshots.Where(s => s.PlanId == planId).Select(s => s.WeekOf).Order()]);
    }
}
