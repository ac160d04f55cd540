using PlanBot.Core.Plans;

namespace PlanBot.Core.Tests;

public sealed class PlanDiffTests
{
    private static Milestone Milestone(string reference, string title, MilestoneStatus status = MilestoneStatus.OnTrack, string owner = "Amy Lee") => new()
    {
        Ref = MilestoneRef.Parse(reference),
        Title = title,
        Status = status,
        Owners = [new Owner(owner, OwnerRole.Delivery, "Delivery Owner")],
    };

    private static Plan Plan(params Milestone[] milestones) => new() { Id = "p", Name = "P", Milestones = milestones };

    [Fact]
    public void Reimport_reports_added_changed_removed_and_unchanged()
    {
        var before = Plan(Milestone("1", "Keep"), Milestone("2", "Change"), Milestone("3", "Drop"));
        var after = Plan(Milestone("1", "Keep"), Milestone("2", "Change", MilestoneStatus.Delayed, "Ben Ode"), Milestone("4", "New"));
        var diff = PlanDiff.Between(before, after);
        Assert.Equal(["4"], diff.Added.Select(m => m.Ref.Value));
        Assert.Equal(["3"], diff.Removed.Select(m => m.Ref.Value));
        Assert.Equal(1, diff.Unchanged);
        var change = Assert.Single(diff.Changed);
        Assert.Equal("2", change.Ref.Value);
        Assert.Contains(new FieldChange("Status", "OnTrack", "Delayed"), change.Changes);
        Assert.Contains(new FieldChange("DeliveryOwner", "Amy Lee", "Ben Ode"), change.Changes);
    }

    [Fact]
    public void First_import_adds_everything_and_writes_no_history()
    {
        var diff = PlanDiff.Between(null, Plan(Milestone("1", "A"), Milestone("2", "B")));
        Assert.Equal(2, diff.Added.Count);
        Assert.Empty(diff.ToHistory(planExisted: false, DateTimeOffset.UnixEpoch, "me", "f.txt"));
    }

    [Fact]
    public void Reimport_history_records_each_touched_milestone_with_its_changes()
    {
        var diff = PlanDiff.Between(Plan(Milestone("1", "A"), Milestone("2", "B")), Plan(Milestone("1", "A2"), Milestone("3", "C")));
        var history = diff.ToHistory(planExisted: true, DateTimeOffset.UnixEpoch, "cli:pmo", "odkm.txt");
        Assert.Equal(["1", "3", "2"], history.Select(h => h.Ref.Value));
        Assert.All(history, h => Assert.Equal("import", h.Source));
        Assert.Equal(new FieldChange("Title", "A", "A2"), Assert.Single(history[0].Changes));
        Assert.Contains("Removed", history[2].Note);
    }

    [Fact]
    public void References_sort_naturally_and_make_ordered_keys()
    {
        var refs = new[] { "10", "2b", "1.10", "2", "1.9", "2a", "1.3.1" }.Select(MilestoneRef.Parse).Order().Select(r => r.Value);
        Assert.Equal(["1.3.1", "1.9", "1.10", "2", "2a", "2b", "10"], refs);
        var keys = new[] { "10", "2b", "1.10", "2", "1.9", "2a", "1.3.1" }.Select(r => MilestoneRef.Parse(r).SortKey).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "1.3.1", "1.9", "1.10", "2", "2a", "2b", "10" }.Select(r => MilestoneRef.Parse(r).SortKey), keys);
        Assert.False(MilestoneRef.TryParse("Risk to delivery", out _));
        Assert.Equal("#6.17", MilestoneRef.Parse("#6.17").Display);
    }
}
