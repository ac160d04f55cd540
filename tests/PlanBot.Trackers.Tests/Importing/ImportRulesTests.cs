using PlanBot.Core.Plans;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Tests.Importing;

public sealed class ImportRulesTests
{
    private const string Header = "No.\tMilestone\tStart Date\tDue Date\tStatus\tDelivery Owner\tSRO";

    [Fact]
    public void A_file_without_a_recognisable_header_is_refused_with_advice()
    {
        var result = Grid.Import(Grid.Tsv("notes.txt", "Minutes of the meeting", "Item\tWho", "1\tSomeone"));
        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Contains("no milestone table found", error.Text);
        Assert.Contains("--map", error.Text);
        Assert.Equal("notes.txt", error.Location.File);
    }

    [Fact]
    public void Duplicate_references_are_refused_naming_both_rows()
    {
        var result = Grid.Import(Grid.Tsv("dup.txt", Header,
            "1\tFirst\t01-Apr-19\t28-Jun-19\tOn track\tAmy Lee\tBen Ode",
            "2\tSecond\t01-Apr-19\t28-Jun-19\tOn track\tAmy Lee\tBen Ode",
            "1\tThird\t01-Apr-19\t28-Jun-19\tOn track\tAmy Lee\tBen Ode"));
        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Location.Row);
        Assert.Contains("#1 appears more than once (first at row 2)", error.Text);
    }

    [Fact]
    public void A_formula_cell_is_refused_naming_the_cell()
    {
        var rows = new List<TrackerRow>
        {
            new(1, Header.Split('\t').Select(t => new TrackerCell(t)).ToList()),
            new(2, [new("1"), new("Agree plan"), new("2019-04-01"), new("2019-06-28", Formula: "C2+88"), new("On track"), new("Amy Lee"), new("Ben Ode")]),
        };
        var result = Grid.Import(new TrackerWorkbook("plan.xlsx", [new TrackerSheet("Plan", rows)]));
        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal("plan.xlsx, sheet 'Plan', row 2, column D (Due Date): the cell holds a formula (=C2+88). PlanBot imports values only: in Excel copy the sheet and use Paste Special › Values, then import again.", error.ToString());
    }

    [Fact]
    public void An_explicit_map_names_columns_the_vocabulary_misses()
    {
        var grid = Grid.Tsv("custom.csv", "Key\tOutput\tWhen expected\tLead", "101\tShip it\t31/03/2020\tAmy Lee");
        Assert.Null(Grid.Import(grid).Plan);
        var mapped = Grid.Import(grid, o => o with { ColumnMap = ColumnMapping.ParseList(["Key=Ref; Output=Title", "When expected=Due"]) });
        Assert.False(mapped.HasErrors, string.Join("\n", mapped.Errors));
        var m = Assert.Single(mapped.Plan!.Milestones);
        Assert.Equal("101", m.Ref.Value);
        Assert.Equal("Ship it", m.Title);
        Assert.Equal(new DateOnly(2020, 3, 31), m.Due.Date);
        Assert.Equal(["Amy Lee"], m.DeliveryOwners.Select(o => o.Name));
    }

    [Fact]
    public void A_map_to_an_unknown_field_is_refused_listing_the_fields()
    {
        var e = Assert.Throws<FormatException>(() => ColumnMapping.ParseList(["Deliverable=Headline"]));
        Assert.Contains("'Headline' is not a field", e.Message);
        Assert.Contains("Title", e.Message);
    }

    [Fact]
    public void Due_before_start_is_flagged()
    {
        var result = Grid.Import(Grid.Tsv("p.txt", Header, "7\tBackwards\t01-Dec-19\t01-Oct-19\tNot started\t\t"));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("#7: due date 01 Oct 2019 is before its start date 01 Dec 2019", warning.Text);
    }

    [Fact]
    public void Text_in_a_date_column_is_kept_and_reported()
    {
        var result = Grid.Import(Grid.Tsv("p.txt", Header, "8\tRolling work\t\tDependent on the regulator\tOn track\tAmy Lee\t"));
        var m = Assert.Single(result.Plan!.Milestones);
        Assert.Equal("Dependent on the regulator", m.Due.Text);
        Assert.Null(m.Due.Date);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("Due Date", warning.Column);
        Assert.Contains("'Dependent on the regulator' is not a date; kept as written", warning.Text);
    }

    [Fact]
    public void Asking_for_a_sheet_that_is_not_there_lists_the_sheets()
    {
        var workbook = new TrackerWorkbook("plan.xlsx", [new TrackerSheet("Milestones", []), new TrackerSheet("Notes", [])]);
        var result = Grid.Import(workbook, o => o with { Sheet = "Plan" });
        var error = Assert.Single(result.Errors);
        Assert.Contains("no sheet named 'Plan'", error.Text);
        Assert.Contains("'Milestones', 'Notes'", error.Text);
    }

    [Fact]
    public void Only_the_chosen_sheet_is_read()
    {
        var a = Grid.Tsv("x", Header, "1\tFrom A\t\t31-Jan-20\t\t\t").Sheets[0] with { Name = "A" };
        var b = Grid.Tsv("x", Header, "2\tFrom B\t\t31-Jan-20\t\t\t").Sheets[0] with { Name = "B" };
        var workbook = new TrackerWorkbook("plan.xlsx", [a, b]);
        Assert.Equal(2, Grid.Import(workbook).Plan!.Milestones.Count);
        Assert.Equal("From B", Assert.Single(Grid.Import(workbook, o => o with { Sheet = "b" }).Plan!.Milestones).Title);
    }

    [Fact]
    public void Owners_from_several_columns_keep_their_roles()
    {
        var m = Assert.Single(Grid.Import(Grid.Tsv("p.txt", Header, "9\tJoint work\t\t31-Jan-20\t\tAmy Lee/Cal Dee\tBen Ode (Dan Eve)")).Plan!.Milestones);
        Assert.Equal(["Amy Lee", "Cal Dee"], m.DeliveryOwners.Select(o => o.Name));
        Assert.All(m.DeliveryOwners, o => Assert.Equal("Delivery Owner", o.RoleTitle));
        Assert.Equal(["Ben Ode", "Dan Eve"], m.AccountableOwners.Select(o => o.Name));
        Assert.True(m.AccountableOwners.Last().IsDeputy);
    }

    [Fact]
    public void A_table_ends_where_a_different_table_begins()
    {
        var result = Grid.Import(Grid.Tsv("p.txt", Header,
            "1\tReal milestone\t\t31-Jan-20\t\t\t",
            "",
            "Risk\tScore\tOwner\tMitigation",
            "Funding gap\t16\tAmy Lee\tLobby"));
        Assert.Single(result.Plan!.Milestones);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_header_of_a_table_PlanBot_does_not_read_ends_the_table_above()
    {
        var result = Grid.Import(Grid.Tsv("p.txt", "Area\tMilestone\tBy When\tAccountable Lead",
            "Leadership\tAppoint a clinical leader\tJanuary 2018\tJackie Pendleton",
            "\tRecommendation\t\tProgress Update",
            "\tRefocus the delivery group\t\tProposed in the governance review"));
        Assert.Equal(["Appoint a clinical leader"], result.Plan!.Milestones.Select(m => m.Title));
    }
}
