using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Testing;

namespace PlanBot.Core.Tests.Snapshots;

public sealed class PlanSnapshotTests
{
    private static readonly DateOnly Wednesday = new(2020, 1, 22);

    [Fact]
    public void A_snapshot_belongs_to_the_week_starting_on_the_Monday_and_records_overdue_as_at_its_day()
    {
        var plan = TestPlans.Small(milestones: 2);
        plan = plan with { Milestones = [plan.Milestones[0] with { Due = TrackerDate.Exact(Wednesday.AddDays(-1)) }, plan.Milestones[1] with { Due = TrackerDate.Exact(Wednesday) }] };

        var snapshot = PlanSnapshot.Take(plan, Wednesday, DateTimeOffset.UnixEpoch);

        Assert.Equal(new DateOnly(2020, 1, 20), snapshot.WeekOf);
        Assert.Equal([true, false], snapshot.Milestones.Select(m => m.Overdue));
        Assert.Equal(new DateOnly(2020, 1, 27), SnapshotWeek.Of(new DateOnly(2020, 2, 2)));
    }

    [Fact]
    public void Two_snapshots_of_the_same_data_are_equal_whether_or_not_either_has_been_searched()
    {
        var plan = TestPlans.Small(milestones: 3);
        var first = PlanSnapshot.Take(plan, Wednesday, DateTimeOffset.UnixEpoch);
        var second = new PlanSnapshot { PlanId = first.PlanId, WeekOf = first.WeekOf, AsAt = first.AsAt, TakenAt = first.TakenAt, Milestones = first.Milestones };

        Assert.NotNull(first.Find(plan.Milestones[1].Ref));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void A_copy_with_other_milestones_finds_its_own_not_the_originals()
    {
        var plan = TestPlans.Small(milestones: 3);
        var original = PlanSnapshot.Take(plan, Wednesday, DateTimeOffset.UnixEpoch);
        Assert.NotNull(original.Find(plan.Milestones[0].Ref));

        var copy = original with { Milestones = [.. original.Milestones.Skip(1)] };

        Assert.Null(copy.Find(plan.Milestones[0].Ref));
        Assert.NotNull(copy.Find(plan.Milestones[1].Ref));
    }
}
