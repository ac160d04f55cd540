using PlanBot.Core.Plans;

namespace PlanBot.Trackers.Tests.Importing;

/// <summary>
/// What the importer keeps of columns a question may ask about: the percent complete as a number, a blank baseline
/// told apart from a dated one, and every other column by its header, blanks and all.
/// </summary>
public sealed class ColumnValueImportTests
{
    [Fact]
    public void Percent_complete_is_kept_as_a_number_whether_written_with_a_percent_sign_or_as_a_fraction()
    {
        var plan = Grid.Import(Grid.Tsv("percent.txt",
            "Ref\tTask\tOwner\tFinish\t% Complete",
            "1\tSurvey\tAmy Ross\t31/03/2025\t60%",
            "2\tDesign\tAmy Ross\t30/06/2025\t0.25",
            "3\tBuild\tAmy Ross\t30/09/2025\t")).Plan!;

        Assert.Equal([60.0, 25.0, null], plan.Milestones.Select(m => m.PercentComplete));
    }

    [Fact]
    public void A_task_with_no_baseline_is_dated_by_its_current_finish_and_marked_as_having_no_baseline()
    {
        var plan = Grid.Import(Grid.Tsv("baseline.txt",
            "ID\tTask Name\tResource Names\tBaseline Finish\tFinish\tDuration",
            "1\tSign the lease\tAmy Ross\t31/03/2025\t30/04/2025\t0 days",
            "2\tFit out the clinic\tIan Fell\tNA\t30/09/2025\t40 days")).Plan!;

        var (signed, fitOut) = (plan.Find(MilestoneRef.Parse("1"))!, plan.Find(MilestoneRef.Parse("2"))!);
        Assert.Equal((new DateOnly(2025, 3, 31), false), (signed.Due.Date, signed.NoBaselineDue));
        Assert.Equal((new DateOnly(2025, 9, 30), true), (fitOut.Due.Date, fitOut.NoBaselineDue));
        Assert.Equal("0 days", signed.OtherFields["Duration"]);
    }
}
