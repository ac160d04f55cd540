namespace PlanBot.Trackers.Tests.Importing;

/// <summary>What a tracker calls its milestone tables and its rating column, kept on the plan for questions to use.</summary>
public sealed class PlanTitleImportTests
{
    [Fact]
    public void The_heading_above_a_table_and_its_title_and_requirement_headers_are_kept_as_the_plans_table_titles()
    {
        var plan = Grid.Import(Grid.Tsv("review.txt",
            "Appendix 2 - Response to the peer review",
            "",
            "Peer review recommendation\tAgreed action\tBy When\tLead\tHealth",
            "Governance is weak\tRefresh the terms of reference\t30/06/2025\tAmy Ross\tGreen",
            "\tAppoint a chair\t31/07/2025\tIan Fell\tRed")).Plan!;

        Assert.Equal(["Appendix 2 - Response to the peer review", "Agreed action", "Peer review recommendation"], plan.TableTitles);
        Assert.Equal("Health", plan.RatingHeader);
    }

    [Fact]
    public void A_tracker_with_no_rating_or_status_column_has_no_rating_header()
    {
        var plan = Grid.Import(Grid.Tsv("plain.txt",
            "Ref\tAction\tDue Date\tOwner",
            "1\tSurvey the estate\t30/06/2025\tAmy Ross")).Plan!;

        Assert.Null(plan.RatingHeader);
        Assert.Equal(["Action"], plan.TableTitles);
    }
}
