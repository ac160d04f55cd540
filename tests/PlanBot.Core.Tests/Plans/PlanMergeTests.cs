using PlanBot.Core.Plans;

namespace PlanBot.Core.Tests.Plans;

public sealed class PlanMergeTests
{
    private static readonly MilestoneRef One = MilestoneRef.Parse("1");
    private static readonly MilestoneRef Two = MilestoneRef.Parse("2");
    private static readonly DateTimeOffset At = new(2020, 1, 30, 9, 0, 0, TimeSpan.Zero);

    private static Milestone Milestone(string reference, string title = "Do it", string due = "31-Jan-20") => new()
    {
        Ref = MilestoneRef.Parse(reference),
        Title = title,
        Due = new TrackerDate(due, null),
        Status = MilestoneStatus.OnTrack,
        StatusText = "On track",
        Rag = Rag.Green,
        RagText = "G",
        Owners = [new Owner("Amy Lee", OwnerRole.Delivery, "Delivery Owner")],
        Source = new SourceLocation("tracker.xlsx", "Sheet1", 4),
    };

    /// <summary>What the card's "Delayed, revised 31 Mar 2020" leaves on a milestone.</summary>
    private static Milestone Delayed(Milestone m) => m with
    {
        Status = MilestoneStatus.Delayed,
        StatusText = "Delayed",
        Rag = Rag.Red,
        RagText = "Red",
        RevisedDue = TrackerDate.Exact(new DateOnly(2020, 3, 31)),
        ProgressNote = "Waiting for NHSE.",
    };

    private static Plan Plan(params Milestone[] milestones) => new() { Id = "p", Name = "P", Milestones = milestones };

    private static Dictionary<MilestoneRef, Milestone> Bases(params Milestone[] milestones) => milestones.ToDictionary(m => m.Ref);

    [Fact]
    public void The_same_file_again_keeps_every_field_updated_in_Teams_and_changes_nothing()
    {
        var imported = Milestone("1");
        var ours = Plan(Delayed(imported), Milestone("2"));

        var merge = PlanMerge.Of(ours, Bases(imported), Plan(imported, Milestone("2")), MergePreference.Teams);

        Assert.True(merge.Diff.IsEmpty);
        Assert.Empty(merge.Conflicts);
        Assert.Equal(Delayed(imported), merge.Merged.Find(One));
        Assert.Equal([imported], merge.ImportBases);
        Assert.Equal(4, merge.FieldsKeptFromTeams);
    }

    [Fact]
    public void A_change_to_another_milestone_is_taken_and_the_update_kept()
    {
        var imported = Milestone("1");
        var ours = Plan(Delayed(imported), Milestone("2"));

        var merge = PlanMerge.Of(ours, Bases(imported), Plan(imported, Milestone("2", "Do it better")), MergePreference.Teams);

        var change = Assert.Single(merge.Diff.Changed);
        Assert.Equal((Two, new FieldChange("Title", "Do it", "Do it better")), (change.Ref, Assert.Single(change.Changes)));
        Assert.Equal(Delayed(imported), merge.Merged.Find(One));
        Assert.Empty(merge.Conflicts);
    }

    [Fact]
    public void A_field_only_the_tracker_changed_is_taken_beside_the_fields_Teams_changed()
    {
        var imported = Milestone("1");
        var ours = Plan(Delayed(imported));

        var merge = PlanMerge.Of(ours, Bases(imported), Plan(imported with { Title = "Renamed" }), MergePreference.Teams);

        Assert.Equal(Delayed(imported) with { Title = "Renamed" }, merge.Merged.Find(One));
        Assert.Empty(merge.Conflicts);
    }

    [Fact]
    public void A_field_both_sides_changed_is_a_conflict_that_keeps_the_Teams_value_by_default()
    {
        var imported = Milestone("1");
        var ours = Plan(Delayed(imported));
        var file = Plan(imported with { RevisedDue = new TrackerDate("28-Feb-20", new DateOnly(2020, 2, 28)) });

        var merge = PlanMerge.Of(ours, Bases(imported), file, MergePreference.Teams)
            .WithChangedBy(r => r == One ? ("Sue Graham", At) : null);

        var conflict = Assert.Single(merge.Conflicts);
        Assert.Equal((One, "RevisedDue", null, "2020-03-31", "28-Feb-20", true, "Sue Graham", At),
            (conflict.Ref, conflict.Field, conflict.Base, conflict.Ours, conflict.Theirs, conflict.KeptOurs, conflict.ChangedBy, conflict.ChangedAt));
        Assert.Equal(new DateOnly(2020, 3, 31), merge.Merged.Find(One)!.RevisedDue.Date);
        Assert.True(merge.Diff.IsEmpty);
        Assert.Equal([file.Milestones[0]], merge.ImportBases);
    }

    [Fact]
    public void Preferring_the_tracker_takes_the_file_value_in_a_conflict_and_keeps_the_rest_of_the_update()
    {
        var imported = Milestone("1");
        var ours = Plan(Delayed(imported));
        var file = Plan(imported with { RevisedDue = new TrackerDate("28-Feb-20", new DateOnly(2020, 2, 28)) });

        var merge = PlanMerge.Of(ours, Bases(imported), file, MergePreference.Tracker);

        Assert.False(Assert.Single(merge.Conflicts).KeptOurs);
        var merged = merge.Merged.Find(One)!;
        Assert.Equal("28-Feb-20", merged.RevisedDue.Text);
        Assert.Equal(MilestoneStatus.Delayed, merged.Status);
        Assert.Equal(new FieldChange("RevisedDue", "2020-03-31", "28-Feb-20"), Assert.Single(Assert.Single(merge.Diff.Changed).Changes));
    }

    [Fact]
    public void Both_sides_making_the_same_change_is_no_conflict()
    {
        var imported = Milestone("1");
        var ours = Plan(Delayed(imported));

        var merge = PlanMerge.Of(ours, Bases(imported), Plan(Delayed(imported)), MergePreference.Teams);

        Assert.Empty(merge.Conflicts);
        Assert.True(merge.Diff.IsEmpty);
        Assert.Empty(merge.ImportBases);
    }

    [Fact]
    public void Without_a_base_the_stored_milestone_is_its_own_base_so_the_file_wins()
    {
        var ours = Plan(Milestone("1"));

        var merge = PlanMerge.Of(ours, Bases(), Plan(Milestone("1", due: "28-Feb-20")), MergePreference.Teams);

        Assert.Equal("28-Feb-20", merge.Merged.Find(One)!.Due.Text);
        Assert.Empty(merge.Conflicts);
    }

    [Fact]
    public void A_milestone_the_file_dropped_after_a_Teams_update_is_a_conflict_and_kept_unless_the_tracker_is_preferred()
    {
        var imported = Milestone("2");
        var ours = Plan(Milestone("1"), Delayed(imported), Milestone("3"));
        var file = Plan(Milestone("1"));

        var keep = PlanMerge.Of(ours, Bases(imported), file, MergePreference.Teams);
        var drop = PlanMerge.Of(ours, Bases(imported), file, MergePreference.Tracker);

        Assert.Equal((Two, PlanMerge.WholeMilestone, true), (keep.Conflicts[0].Ref, keep.Conflicts[0].Field, keep.Conflicts[0].KeptOurs));
        Assert.Equal(["1", "2"], keep.Merged.Milestones.Select(m => m.Ref.Value));
        Assert.Equal(["3"], keep.Diff.Removed.Select(m => m.Ref.Value));
        Assert.Equal(["2", "3"], drop.Diff.Removed.Select(m => m.Ref.Value));
    }

    [Fact]
    public void Exception_entries_recorded_in_Teams_survive_a_reimport_once()
    {
        var fromFile = new ExceptionReportEntry { MilestoneRefText = "1", Reason = "Old", Source = new SourceLocation("tracker.xlsx", "Exceptions", 3) };
        var fromTeams = new ExceptionReportEntry { MilestoneRefText = "1", Refs = [One], Reason = "Waiting for NHSE.", ProposedRevisedDate = TrackerDate.Exact(new DateOnly(2020, 3, 31)) };
        var ours = Plan(Milestone("1")) with { Exceptions = [fromFile, fromTeams] };

        var again = PlanMerge.Of(ours, Bases(), Plan(Milestone("1")) with { Exceptions = [fromFile] }, MergePreference.Teams);
        var exported = PlanMerge.Of(ours, Bases(), Plan(Milestone("1")) with { Exceptions = [fromFile, fromTeams with { Source = new SourceLocation("export.xlsx", "Exceptions", 2) }] }, MergePreference.Teams);

        Assert.Equal([fromFile, fromTeams], again.Merged.Exceptions);
        Assert.Equal(2, exported.Merged.Exceptions.Count);
    }

    [Fact]
    public void History_records_each_conflict_with_both_values_and_the_side_kept()
    {
        var imported = Milestone("1");
        var file = Plan(imported with { RevisedDue = new TrackerDate("28-Feb-20", null) });

        var history = PlanMerge.Of(Plan(Delayed(imported)), Bases(imported), file, MergePreference.Teams).ToHistory(true, At, "cli:pmo", "tracker.xlsx");

        var entry = Assert.Single(history);
        Assert.Equal("import-merge", entry.Source);
        Assert.Equal(new FieldChange("RevisedDue", "2020-03-31", "28-Feb-20"), Assert.Single(entry.Changes));
        Assert.Contains("the Teams update was kept", entry.Note);
    }

    [Fact]
    public void A_first_import_is_the_file_as_it_is()
    {
        var file = Plan(Milestone("1"));
        var merge = PlanMerge.Of(null, Bases(), file, MergePreference.Teams);
        Assert.Same(file, merge.Merged);
        Assert.Single(merge.Diff.Added);
    }

    [Fact]
    public void The_same_owners_under_an_export_s_plainer_columns_keep_their_role_titles_and_deputies()
    {
        var stored = Milestone("1") with { Owners = [new Owner("Louise Mitchell", OwnerRole.Accountable, "COT Owner"), new Owner("Jane Webster", OwnerRole.Accountable, "COT Owner", IsDeputy: true)] };
        var exported = stored with { Owners = [new Owner("Louise Mitchell", OwnerRole.Accountable, "AccountableOwner"), new Owner("Jane Webster", OwnerRole.Accountable, "AccountableOwner")] };

        var merge = PlanMerge.Of(Plan(stored), Bases(), Plan(exported), MergePreference.Teams);

        Assert.Equal(stored.Owners, merge.Merged.Find(One)!.Owners);
        Assert.True(merge.Diff.IsEmpty);
        Assert.Empty(merge.ImportBases);
    }
}
