using PlanBot.Core.Plans;
using PlanBot.Trackers.Importing;

namespace PlanBot.Trackers.Tests.Importing;

/// <summary>Seed 000: Operational Delivery Key Milestones 2019/20, with two exception reports after the milestone table.</summary>
public sealed class OdkmSeedImportTests
{
    private static readonly Lazy<TrackerImportResult> Text = new(() => SampleTrackers.Import("odkm-2019-20.txt", "odkm"));

    private static Plan PlanFromText => Text.Value.Plan ?? throw new Xunit.Sdk.XunitException(string.Join("\n", Text.Value.Errors));

    private static Milestone M(string reference) => PlanFromText.Find(MilestoneRef.Parse(reference))
        ?? throw new Xunit.Sdk.XunitException($"#{reference} not imported");

    [Fact]
    public void Seed_000_gives_55_milestones_with_26_missing_as_in_the_tracker()
    {
        Assert.False(Text.Value.HasErrors, string.Join("\n", Text.Value.Errors));
        Assert.Equal(55, PlanFromText.Milestones.Count);
        Assert.Null(PlanFromText.Find(MilestoneRef.Parse("26")));
        Assert.Equal(Enumerable.Range(1, 56).Where(n => n != 26).Select(n => n.ToString()), PlanFromText.Milestones.Select(m => m.Ref.Value));
    }

    [Fact]
    public void Plan_name_is_the_title_line_above_the_table()
    {
        Assert.StartsWith("2019/2020 Operational Delivery Key Milestones (ODKM)", PlanFromText.Name);
    }

    [Fact]
    public void Milestone_23_keeps_its_revision_and_owners()
    {
        var m = M("23");
        Assert.Equal("Revise pathway one and introduce a home first model", m.Title);
        Assert.Equal(new DateOnly(2019, 9, 27), m.Due.Date);
        Assert.Equal(new DateOnly(2019, 12, 31), m.RevisedDue.Date);
        Assert.Equal("27-Sep-19 rev 31-Dec-19", m.Due.Text);
        Assert.Equal(new DateOnly(2019, 4, 1), m.Start.Date);
        Assert.Equal(["Sara Rodreguiz"], m.DeliveryOwners.Select(o => o.Name));
        Assert.Equal(["Sue Graham"], m.AccountableOwners.Select(o => o.Name));
        Assert.Equal("COT Owner", m.AccountableOwners.Single().RoleTitle);
        Assert.Equal("Flow", m.Department);
        Assert.Equal("DP", m.Team);
        Assert.True(m.CriticalPath);
        Assert.Equal(MilestoneStatus.Delayed, m.Status);
        Assert.Equal("Further revised date for completion - see Exceptions V5", m.StatusText);
        Assert.Equal(new DateOnly(2019, 12, 31), m.EffectiveDue);
    }

    [Fact]
    public void Milestone_41_has_both_accountable_owners_split_from_a_slash()
    {
        var m = M("41");
        Assert.Equal(["Louis Kamfer", "Jane Webster"], m.AccountableOwners.Select(o => o.Name));
        Assert.Equal("CFO (AD)", m.Team);
        Assert.Equal(["Rob Murphy"], m.DeliveryOwners.Select(o => o.Name));
    }

    [Fact]
    public void A_bracketed_second_name_is_a_deputy()
    {
        var owners = M("44").AccountableOwners.ToList();
        Assert.Equal(["Louise Mitchell", "Jane Webster"], owners.Select(o => o.Name));
        Assert.False(owners[0].IsDeputy);
        Assert.True(owners[1].IsDeputy);
    }

    [Fact]
    public void Milestone_47_impossible_date_is_flagged_with_its_row_and_column_not_guessed()
    {
        var m = M("47");
        Assert.Null(m.Due.Date);
        Assert.Equal(DateProblem.Impossible, m.Due.Problem);
        Assert.Equal("29-Feb-19", m.Due.Text);
        var warning = Assert.Single(Text.Value.Warnings, w => w.Location.Row == m.Source!.Row && w.Text.Contains("29-Feb-19"));
        Assert.Equal("Due Date", warning.Column);
        Assert.Equal(6, warning.Location.Column);
        Assert.Contains("row 54", warning.ToString());
        Assert.Contains("column F", warning.ToString());
    }

    [Fact]
    public void Critical_path_blank_is_not_inherited_from_the_row_above()
    {
        Assert.True(M("2").CriticalPath);
        Assert.False(M("3").CriticalPath);
    }

    [Fact]
    public void Unmapped_columns_are_kept_by_header_name()
    {
        var m = M("36");
        Assert.Equal("November", m.OtherFields["M Due"]);
        Assert.Equal("Q3", m.OtherFields["Q Due"]);
        Assert.Equal("December GB", M("37").CommitteeSignOff);
    }

    [Fact]
    public void Milestone_36_carries_its_exception_reason_and_proposed_revised_date()
    {
        var exception = Assert.Single(PlanFromText.ExceptionsFor(MilestoneRef.Parse("36")));
        Assert.Contains("system distance from control totals", exception.Reason);
        Assert.Equal(new DateOnly(2020, 2, 29), exception.ProposedRevisedDate.Date);
        Assert.Contains("Exception Report - January 2020", exception.ReportTitle);
        Assert.Equal(MilestoneStatus.Delayed, M("36").Status);
    }

    [Fact]
    public void Both_exception_tables_are_imported_and_linked()
    {
        var exceptions = PlanFromText.Exceptions;
        Assert.Equal(22, exceptions.Count);
        Assert.Equal(10, exceptions.Count(e => e.ReportTitle!.Contains("January 2020")));
        Assert.Equal(12, exceptions.Count(e => e.ReportTitle == "Exceptions to Plan at Quarter 2"));
        Assert.Equal(2, PlanFromText.ExceptionsFor(MilestoneRef.Parse("23")).Count());
        var combined = Assert.Single(exceptions, e => e.MilestoneRefText == "41 & 44");
        Assert.Equal(["41", "44"], combined.Refs.Select(r => r.Value));
    }

    [Fact]
    public void An_exception_for_a_milestone_not_in_the_plan_is_kept_and_reported()
    {
        var orphans = PlanFromText.Exceptions.Where(e => e.Refs.Any(r => r.Value == "26")).ToList();
        Assert.Equal(2, orphans.Count);
        Assert.Contains("Communications and Engagement Strategy", orphans[0].Title);
        Assert.Contains(Text.Value.Warnings, w => w.Text.Contains("#26") && w.Text.Contains("not in the plan") && w.Location.Row == orphans[0].Source!.Row);
        var unnumbered = Assert.Single(PlanFromText.Exceptions, e => e.MilestoneRefText == "-");
        Assert.Empty(unnumbered.Refs);
        Assert.Equal("Stakeholder Survey", unnumbered.Title);
    }

    [Fact]
    public void The_workbook_sample_gives_the_same_plan_as_the_text_sample()
    {
        var xlsx = SampleTrackers.Import("odkm-2019-20.xlsx", "odkm");
        Assert.False(xlsx.HasErrors, string.Join("\n", xlsx.Errors));
        var fromXlsx = xlsx.Plan!;
        Assert.Equal(PlanFromText.Milestones.Count, fromXlsx.Milestones.Count);
        Assert.Equal(PlanFromText.Exceptions.Count, fromXlsx.Exceptions.Count);
        foreach (var m in PlanFromText.Milestones)
        {
            var other = fromXlsx.Find(m.Ref)!;
            Assert.Equal(m.Title, other.Title);
            Assert.Equal(m.Due.Date, other.Due.Date);
            Assert.Equal(m.RevisedDue.Date, other.RevisedDue.Date);
            Assert.Equal(m.Status, other.Status);
            Assert.Equal(m.Owners.Select(o => o.Name), other.Owners.Select(o => o.Name));
        }
        Assert.Contains(xlsx.Tables, t => t.Sheet == "Exceptions" && t.Kind == TableKind.ExceptionReport);
    }

    [Fact]
    public void The_same_tracker_as_text_and_as_xlsx_reads_as_the_same_plan_with_no_changes()
    {
        var fromText = SampleTrackers.Import("odkm-2019-20.txt").Plan!;
        var fromXlsx = SampleTrackers.Import("odkm-2019-20.xlsx").Plan!;

        var diff = PlanDiff.Between(fromText, fromXlsx);

        Assert.Empty(diff.Changed.Select(c => $"{c.Ref.Display}: {string.Join(", ", c.Changes)}"));
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
    }
}
