using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using static PlanBot.Core.Tests.Snapshots.SnapshotTestData;

namespace PlanBot.Core.Tests.Snapshots;

public sealed class RagByAreaTests
{
    [Fact]
    public void Each_area_counts_this_report_against_the_last()
    {
        var last = Snapshot(Week1, M("1", Rag.Red, department: "Finance"), M("2", Rag.Green, department: "Finance"), M("3", Rag.Amber, department: "Flow"));
        var now = Snapshot(Week2, M("1", Rag.Blue, department: "Finance"), M("2", Rag.Red, department: "Finance"), M("3", Rag.Amber, department: "Flow"));

        var areas = RagByArea.Compare(now, last, AreaKind.Department);

        Assert.Equal(["Finance", "Flow"], areas.Select(a => a.Area));
        Assert.Equal(new RagCounts(1, 0, 0, 1, 0), areas[0].ThisReport);
        Assert.Equal(new RagCounts(1, 0, 1, 0, 0), areas[0].LastReport);
        Assert.Equal(areas[1].ThisReport, areas[1].LastReport);
    }

    [Fact]
    public void Without_a_last_report_every_area_counts_zero_before()
    {
        var areas = RagByArea.Compare(Snapshot(Week2, M("1", department: "Finance")), null, AreaKind.Department);

        Assert.Equal(RagCounts.Zero, Assert.Single(areas).LastReport);
    }

    [Fact]
    public void A_milestone_counts_in_the_area_it_had_at_the_time()
    {
        var last = Snapshot(Week1, M("1", Rag.Red, department: "Contracts"));
        var now = Snapshot(Week2, M("1", Rag.Red, department: "Finance"));

        var areas = RagByArea.Compare(now, last, AreaKind.Department);

        Assert.Equal(["Finance", "Contracts"], areas.Select(a => a.Area));
        Assert.Equal((1, 0), (areas[0].ThisReport.Red, areas[0].LastReport.Red));
        Assert.Equal((0, 1), (areas[1].ThisReport.Red, areas[1].LastReport.Red));
    }

    [Fact]
    public void Areas_match_ignoring_case_and_spaces_and_blank_areas_come_last()
    {
        var now = Snapshot(Week2, M("1", department: " "), M("2", department: "Primary Care"), M("3", department: "primary care "));

        var areas = RagByArea.Compare(now, null, AreaKind.Department);

        Assert.Equal(["Primary Care", RagByArea.NoArea], areas.Select(a => a.Area));
        Assert.Equal(2, areas[0].ThisReport.Green);
    }

    [Fact]
    public void The_broadest_grouping_the_plan_has_is_used()
    {
        Assert.Equal(AreaKind.Programme, RagByArea.KindFor(Snapshot(Week1, M("1", programme: "UEC", department: "Flow"), M("2"))));
        Assert.Equal(AreaKind.Department, RagByArea.KindFor(Snapshot(Week1, M("1", department: "Flow", team: "DP"))));
        Assert.Equal(AreaKind.Team, RagByArea.KindFor(Snapshot(Week1, M("1", team: "DP"))));
    }

    [Fact]
    public void Counts_add_up_by_colour_with_uncoloured_milestones_apart()
    {
        var counts = RagCounts.Of([M("1", Rag.Red), M("2", Rag.Red), M("3", Rag.Blue), M("4", Rag.None)]);

        Assert.Equal((2, 0, 0, 1, 1, 4), (counts.Red, counts.Amber, counts.Green, counts.Blue, counts.None, counts.Total));
        Assert.Equal(2, counts[Rag.Red]);
        Assert.Equal(1, counts[Rag.None]);
    }

    [Theory]
    [InlineData(Rag.Blue, Rag.Red, RagTrend.Up)]
    [InlineData(Rag.Green, Rag.Amber, RagTrend.Up)]
    [InlineData(Rag.Red, Rag.Green, RagTrend.Down)]
    [InlineData(Rag.Amber, Rag.Amber, RagTrend.Same)]
    [InlineData(Rag.Red, Rag.None, null)]
    [InlineData(Rag.None, Rag.Green, null)]
    public void Trend_compares_colours_from_red_up_to_blue(Rag now, Rag last, string? expected)
    {
        Assert.Equal(expected, RagTrend.Of(now, last));
    }

    [Fact]
    public void There_is_no_trend_without_a_last_report()
    {
        Assert.Null(RagTrend.Of(Rag.Red, null));
    }
}
