using PlanBot.Core.Plans;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Tests.Importing;

/// <summary>
/// The classes of tracker behind the held-out corpus files (Excel serial dates, two title columns, baseline and
/// current finish, Jira parents, Asana parent tasks, monday.com groups and subitems, owners that are and are not
/// merged cells, Jira's 'Open'), each on a tracker of its own rather than on the corpus file.
/// </summary>
public sealed class TrackerClassImportTests
{
    [Fact]
    public void Date_columns_of_excel_serial_numbers_are_read_as_dates_but_a_column_of_costs_is_not()
    {
        var result = Grid.Import(Grid.Tsv("serials.txt",
            "Ref\tAction\tOwner\tTarget Date\tCost (£)",
            "A1\tAgree the scope\tAmy Ross\t45747\t12000",
            "A2\tAward the contract\tAmy Ross\t30/06/2025\t45000"));

        var plan = result.Plan!;
        Assert.Equal(new DateOnly(2025, 3, 31), plan.Find(MilestoneRef.Parse("A1"))!.Due.Date);
        Assert.Equal(new DateOnly(2025, 6, 30), plan.Find(MilestoneRef.Parse("A2"))!.Due.Date);
        Assert.Equal("45000", plan.Find(MilestoneRef.Parse("A2"))!.OtherFields["Cost (£)"]);
        Assert.Contains(result.Summary.ColumnDecisions, d => d.StartsWith("'Target Date' holds Excel date serial numbers", StringComparison.Ordinal));
    }

    [Fact]
    public void Of_two_title_columns_the_one_repeated_row_after_row_is_the_group()
    {
        var result = Grid.Import(Grid.Tsv("projects.txt",
            "Ref\tProject\tMilestone Description\tOwner\tDue Date",
            "P1\tNet zero\tLED lighting phase 2\tZoe Hart\t28/02/2025",
            "P2\tNet zero\tHeat plan submitted\tZoe Hart\t31/03/2025",
            "P3\tNet zero\tSolar PV on car park\tIan Fell\t31/10/2025",
            "P4\tCar parking\tPermit scheme review\tMo Cole\t14/02/2025"));

        var p3 = result.Plan!.Find(MilestoneRef.Parse("P3"))!;
        Assert.Equal(("Solar PV on car park", "Net zero"), (p3.Title, p3.Programme));
    }

    [Fact]
    public void A_baseline_finish_is_the_due_date_and_a_later_finish_the_revised_one()
    {
        var result = Grid.Import(Grid.Tsv("project.txt",
            "ID\tName\tFinish_Date\tBaseline_Finish\tResource_Names",
            "1\tCapital bid approved\t20/03/2025\t13/03/2025\tJo White",
            "2\tLists agreed\t04/04/2025\t04/04/2025\tKaren Boyd",
            "3\tMedical gases\t30/09/2025\tNA\tKaren Boyd"));

        var plan = result.Plan!;
        Assert.Equal((new DateOnly(2025, 3, 13), new DateOnly(2025, 3, 20)), (plan.Milestones[0].Due.Date, plan.Milestones[0].RevisedDue.Date));
        Assert.Equal((new DateOnly(2025, 4, 4), (DateOnly?)null), (plan.Milestones[1].Due.Date, plan.Milestones[1].RevisedDue.Date));
        Assert.Equal(new DateOnly(2025, 9, 30), plan.Milestones[2].Due.Date);
    }

    [Fact]
    public void A_parent_column_of_ids_gives_way_to_the_parents_name_and_a_project_lead_on_every_row_owns_nothing()
    {
        var result = Grid.Import(Grid.Tsv("jira.txt",
            "Summary\tIssue key\tStatus\tProject lead\tAssignee\tDue date\tParent\tParent summary",
            "DPIA sign-off\tDF-20\tDone\tChloe Barnes\tOli Grant\t07/02/2025\t10042\tNHS login",
            "Launch campaign\tDF-18\tTo Do\tChloe Barnes\tMeg Shaw\t14/07/2025\t10044\tComms",
            "Staff briefing\tDF-17\tIn Review\tChloe Barnes\tMeg Shaw\t09/05/2025\t10044\tComms",
            "P9 assurance\tDF-10\tIn Progress\tChloe Barnes\tOli Grant\t21/03/2025\t10042\tNHS login",
            "Results viewing\tDF-7\tTo Do\tChloe Barnes\t\t30/05/2025\t10041\tPortal"));

        var plan = result.Plan!;
        var df17 = plan.Find(MilestoneRef.Parse("DF-17"))!;
        Assert.Equal(("Comms", MilestoneStatus.OnTrack), (df17.Programme, df17.Status));
        Assert.Equal(["Meg Shaw"], df17.DeliveryOwners.Select(o => o.Name));
        Assert.Empty(plan.Find(MilestoneRef.Parse("DF-7"))!.DeliveryOwners);
    }

    [Fact]
    public void Rows_named_in_a_parent_task_column_are_groups_and_their_subtasks_the_milestones()
    {
        var result = Grid.Import(Grid.Tsv("asana.txt",
            "Task ID\tName\tSection/Column\tAssignee\tDue Date\tParent task",
            "1209958096698545\tCorporate estate\tBuildings\tOwen Price\t31/12/2025\t",
            "1209894045105853\tHeat plans for 6 sites\t\tOwen Price\t31/03/2025\tCorporate estate",
            "1209105540238246\tSolar PV on civic centre\t\tOwen Price\t31/07/2025\tCorporate estate",
            "1209871838297651\tFleet transition\tTransport\tDan Webb\t19/12/2025\t",
            "1209026161718430\tReplace 20 pool cars\t\tDan Webb\t30/06/2025\tFleet transition"));

        var plan = result.Plan!;
        Assert.Equal(["Heat plans for 6 sites", "Solar PV on civic centre", "Replace 20 pool cars"], plan.Milestones.Select(m => m.Title));
        Assert.Equal(["Corporate estate", "Corporate estate", "Fleet transition"], plan.Milestones.Select(m => m.Programme));
        Assert.Equal((3, 2), (result.Summary.Imported, result.Summary.Grouped));
    }

    [Fact]
    public void Monday_groups_and_an_items_indented_subitems_are_grouped_and_no_group_name_is_a_milestone()
    {
        var result = Grid.Import(Grid.Tsv("monday.txt",
            "Winter plan",
            "",
            "Front door",
            "Name\tOwner\tStatus\tDue date",
            "Open SDEC 7 days\tHana Cole\tWorking on it\t03/11/2025",
            "Virtual ward expansion\tSue Patel\tWorking on it\t01/12/2025",
            "\tSubitems\tOwner\tStatus\tDate",
            "\tRecruit 4 nurses\tSue Patel\tStuck\t14/11/2025",
            "\tStep-up pathway\tSue Patel\t\t01/12/2025",
            "Escalation beds\tMark Bell\tStuck\t28/11/2025",
            "",
            "Workforce",
            "Name\tOwner\tStatus\tDue date",
            "Flu vaccination\tOcc Health\tWorking on it\t31/12/2025"));

        var plan = result.Plan!;
        Assert.Equal(["Open SDEC 7 days", "Recruit 4 nurses", "Step-up pathway", "Escalation beds", "Flu vaccination"], plan.Milestones.Select(m => m.Title));
        Assert.Equal(["Front door", "Virtual ward expansion", "Virtual ward expansion", "Front door", "Workforce"], plan.Milestones.Select(m => m.Programme));
        Assert.Equal(new DateOnly(2025, 11, 14), plan.Milestones[1].Due.Date);
    }

    [Fact]
    public void A_blank_owner_inherits_only_where_the_owner_column_is_written_like_a_merged_cell()
    {
        static Plan Import(params string[] owners) => Grid.Import(Grid.Tsv("blocks.txt",
            "Workstream\tKey Milestone\tOwner\tTarget date",
            $"Crisis\tCafé open\t{owners[0]}\t28/11/2025",
            $"\tResponse vehicle live\t{owners[1]}\t31/01/2026",
            $"\tContract award\t{owners[2]}\t31/03/2026",
            $"\t111 option 2 staffed\t{owners[3]}\t31/10/2025")).Plan!;

        Assert.Empty(Import("Marcus Reid", "Jo Patel", "Jo Patel", "").Milestones[3].DeliveryOwners);
        Assert.All(Import("Marcus Reid", "", "", "").Milestones, m => Assert.Equal(["Marcus Reid"], m.DeliveryOwners.Select(o => o.Name)));
    }

    [Fact]
    public void Open_is_not_started_where_the_status_column_has_its_own_in_progress_state()
    {
        static MilestoneStatus FirstStatus(string otherStatus) => Grid.Import(Grid.Tsv("log.txt",
            "Ref\tAction\tDue Date\tStatus",
            "1\tAgree the scope\t31/03/2025\tOpen",
            $"2\tAward the contract\t30/06/2025\t{otherStatus}")).Plan!.Milestones[0].Status;

        Assert.Equal(MilestoneStatus.NotStarted, FirstStatus("In Progress"));
        Assert.Equal(MilestoneStatus.OnTrack, FirstStatus("Closed"));
    }
}
