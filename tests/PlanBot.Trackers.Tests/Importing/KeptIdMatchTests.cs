using PlanBot.Core.Plans;
using PlanBot.Trackers.Importing;

namespace PlanBot.Trackers.Tests.Importing;

/// <summary>Re-importing a tracker whose milestones were numbered in file order, matched by the tool's own task ids.</summary>
public sealed class KeptIdMatchTests
{
    private static TrackerImportResult Planner(params string[] rows) => Grid.Import(Grid.Tsv("planner.txt",
        ["Task ID\tTask Name\tAssigned To\tDue date", .. rows]));

    [Fact]
    public void A_row_added_in_the_middle_leaves_the_other_tasks_their_numbers_and_takes_the_next_free_one()
    {
        var first = Planner(
            "pP0Rf4kV9UeGfQvRxWqG2ZgAEAAAXy\tBook the venue\tAmy Ross\t30/06/2025",
            "pP0Rf4kV9UeGfQvRxWqG2ZgAEBBBXy\tSend invitations\tIan Fell\t31/07/2025",
            "pP0Rf4kV9UeGfQvRxWqG2ZgAECCCXy\tHold the event\tZoe Hart\t30/09/2025");
        var next = Planner(
            "pP0Rf4kV9UeGfQvRxWqG2ZgAEAAAXy\tBook the venue\tAmy Ross\t30/06/2025",
            "pP0Rf4kV9UeGfQvRxWqG2ZgAEDDDXy\tOrder the catering\tAmy Ross\t15/07/2025",
            "pP0Rf4kV9UeGfQvRxWqG2ZgAEBBBXy\tSend invitations\tIan Fell\t31/07/2025",
            "pP0Rf4kV9UeGfQvRxWqG2ZgAECCCXy\tHold the event\tZoe Hart\t30/09/2025");
        Assert.Equal("Task ID", next.Summary.KeptIdField);

        var match = KeptIdMatch.Renumber(next.Plan!, first.Plan!, next.Summary.KeptIdField!);

        Assert.Equal((3, 1), (match.Matched, match.Numbered));
        Assert.Equal(["Book the venue", "Send invitations", "Hold the event", "Order the catering"], match.Plan.Milestones.Select(m => m.Title));
        Assert.Equal(["1", "2", "3", "4"], match.Plan.Milestones.Select(m => m.Ref.Value));
        Assert.True(PlanDiff.Between(first.Plan, match.Plan) is { Changed.Count: 0, Removed.Count: 0, Added.Count: 1 });
    }

    [Fact]
    public void A_tracker_with_its_own_references_keeps_no_id_to_match_by()
    {
        var result = Grid.Import(Grid.Tsv("log.txt", "Ref\tAction\tDue Date", "HR-01\tAgree the scope\t31/03/2025"));

        Assert.Null(result.Summary.KeptIdField);
    }
}
