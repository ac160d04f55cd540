using PlanBot.Core.Plans;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class PlanReadWriteTests(AzuriteFixture azurite)
{
    private readonly StoreHarness _harness = new(azurite);

    [Fact]
    public async Task A_plan_with_every_field_populated_reads_back_exactly_as_committed()
    {
        var plan = TestPlans.FullyPopulated("odkm");

        var committed = await _harness.ImportAsync(plan);
        var stored = await _harness.Store.GetPlanAsync("odkm");

        Assert.NotNull(stored);
        PlanAssert.Equivalent(plan, stored.Plan);
        Assert.Equal(committed, stored.Summary);
    }

    [Fact]
    public async Task An_owner_the_trackers_key_names_keeps_its_written_form_and_the_person_through_storage()
    {
        var plan = TestPlans.Small("keyed", 1);
        plan = plan with
        {
            Milestones = [plan.Milestones[0] with
            {
                Owners = [TestPlans.Accountable("AO (CG)") with { Person = "Cathy Gritzner" }, TestPlans.Delivery("Amy Ross")],
            }],
        };
        await _harness.ImportAsync(plan);

        var owners = (await _harness.Store.GetPlanAsync("keyed"))!.Plan.Milestones[0].Owners;

        Assert.Equal([("AO (CG)", "Cathy Gritzner"), ("Amy Ross", null)], owners.Select(o => (o.Name, o.Person)));
    }

    [Fact]
    public async Task A_plans_table_titles_and_rating_header_read_back_as_imported()
    {
        var plan = TestPlans.Small("titled", 1) with { TableTitles = ["NHSE stocktake action required", "Appendix 1"], RatingHeader = "Health" };
        await _harness.ImportAsync(plan);

        var stored = (await _harness.Store.GetPlanAsync("titled"))!.Plan;

        Assert.Equal(["NHSE stocktake action required", "Appendix 1"], stored.TableTitles);
        Assert.Equal("Health", stored.RatingHeader);
    }

    [Fact]
    public async Task The_summary_reports_counts_importer_time_and_a_version_matching_the_stored_row()
    {
        var before = DateTimeOffset.UtcNow;
        var committed = await _harness.ImportAsync(TestPlans.FullyPopulated("odkm"));

        var summary = await _harness.Store.GetSummaryAsync("odkm");

        Assert.Equal(committed, summary);
        Assert.Equal(("odkm", 3, 2, "test:importer"), (committed.Id, committed.MilestoneCount, committed.ExceptionCount, committed.ImportedBy));
        Assert.InRange(committed.ImportedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.False(string.IsNullOrEmpty(committed.Version));
        Assert.True(committed.Generation > 0);
    }

    [Fact]
    public async Task A_milestone_can_be_read_on_its_own_by_reference()
    {
        var plan = TestPlans.FullyPopulated("odkm");
        await _harness.ImportAsync(plan);

        var milestone = await _harness.Store.GetMilestoneAsync("odkm", MilestoneRef.Parse("#6.17"));

        Assert.NotNull(milestone);
        PlanAssert.Equivalent(plan.Find(MilestoneRef.Parse("6.17"))!, milestone);
        Assert.Null(await _harness.Store.GetMilestoneAsync("odkm", MilestoneRef.Parse("99")));
        Assert.Null(await _harness.Store.GetMilestoneAsync("other", MilestoneRef.Parse("6.17")));
    }

    [Fact]
    public async Task Milestones_come_back_in_reference_order_whatever_order_they_were_given_in()
    {
        var plan = TestPlans.Small("order") with
        {
            Milestones = new[] { "10", "2b", "1.10", "2", "1.9", "2a" }.Select(r => TestPlans.Milestone(r)).ToList(),
        };
        await _harness.ImportAsync(plan);

        var stored = await _harness.Store.GetPlanAsync("order");

        Assert.Equal(["1.9", "1.10", "2", "2a", "2b", "10"], stored!.Plan.Milestones.Select(m => m.Ref.Value));
    }

    [Fact]
    public async Task Listing_plans_returns_every_committed_plan_with_its_counts_and_version()
    {
        var first = await _harness.ImportAsync(TestPlans.Small("alpha", 2));
        var second = await _harness.ImportAsync(TestPlans.FullyPopulated("beta"));

        var plans = await _harness.Store.ListPlansAsync();

        Assert.Equal([first, second], plans.OrderBy(p => p.Id));
    }

    [Fact]
    public async Task Unknown_or_malformed_plan_ids_read_as_absent()
    {
        Assert.Null(await _harness.Store.GetPlanAsync("nothing-here"));
        Assert.Null(await _harness.Store.GetSummaryAsync("Not/A#Plan"));
        Assert.Null(await _harness.Store.GetMilestoneAsync("../x", MilestoneRef.Parse("1")));
        Assert.Empty(await _harness.Store.GetHistoryAsync("nothing-here", MilestoneRef.Parse("1")));
        Assert.Empty(await _harness.Store.ListPlansAsync());
    }

    [Fact]
    public async Task A_plan_with_no_milestones_round_trips()
    {
        var plan = new Plan { Id = "empty", Name = "Nothing yet" };
        await _harness.ImportAsync(plan);

        var stored = await _harness.Store.GetPlanAsync("empty");

        PlanAssert.Equivalent(plan, stored!.Plan);
    }

    [Fact]
    public async Task Re_import_replaces_the_milestones_and_keeps_earlier_history_newest_first()
    {
        var firstAt = new DateTimeOffset(2020, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var v1 = await _harness.ImportAsync(TestPlans.Small("odkm", 3), history:
        [
            new MilestoneHistoryEntry(MilestoneRef.Parse("2"), firstAt, "cli:jo", "import", [new FieldChange("Status", null, "OnTrack")]),
        ]);

        var replacement = TestPlans.Small("odkm", 2, titlePrefix: "Renamed") with
        {
            Milestones = [TestPlans.Milestone("1", "Renamed 1"), TestPlans.Milestone("2", "Renamed 2", MilestoneStatus.Delayed), TestPlans.Milestone("4", "New 4")],
        };
        var laterChange = new MilestoneHistoryEntry(MilestoneRef.Parse("2"), firstAt.AddDays(7), "cli:sam", "import",
            [new FieldChange("Status", "OnTrack", "Delayed"), new FieldChange("Title", "Milestone 2", "Renamed 2")], Note: "weekly tracker");
        var v2 = await _harness.ImportAsync(replacement, v1.Version, [laterChange]);

        var stored = await _harness.Store.GetPlanAsync("odkm");
        Assert.Equal(["1", "2", "4"], stored!.Plan.Milestones.Select(m => m.Ref.Value));
        Assert.Equal("Renamed 2", stored.Plan.Milestones[1].Title);
        Assert.Null(await _harness.Store.GetMilestoneAsync("odkm", MilestoneRef.Parse("3")));
        Assert.NotEqual(v1.Version, v2.Version);
        Assert.True(v2.Generation > v1.Generation);

        var history = await _harness.Store.GetHistoryAsync("odkm", MilestoneRef.Parse("2"));
        Assert.Equal([firstAt.AddDays(7), firstAt], history.Select(h => h.At));
        Assert.Equal("weekly tracker", history[0].Note);
        Assert.Equal([new FieldChange("Status", "OnTrack", "Delayed"), new FieldChange("Title", "Milestone 2", "Renamed 2")], history[0].Changes);
        Assert.Equal(("cli:jo", "import", "OnTrack"), (history[1].By, history[1].Source, history[1].Changes.Single().New));
    }

    [Fact]
    public async Task The_same_history_entry_written_twice_is_stored_once()
    {
        var entry = new MilestoneHistoryEntry(MilestoneRef.Parse("1"), DateTimeOffset.UtcNow, "card:jo", "card", [new FieldChange("Rag", "Green", "Amber")]);
        var v1 = await _harness.ImportAsync(TestPlans.Small("odkm"), history: [entry, entry]);
        await _harness.ImportAsync(TestPlans.Small("odkm"), v1.Version, [entry]);

        var history = await _harness.Store.GetHistoryAsync("odkm", MilestoneRef.Parse("1"));

        Assert.Single(history);
    }

    [Fact]
    public async Task History_with_text_longer_than_one_column_is_kept_whole()
    {
        var oldNote = new string('o', 30_000);
        var newNote = new string('n', 30_000) + " ✓";
        var entry = new MilestoneHistoryEntry(MilestoneRef.Parse("1"), DateTimeOffset.UtcNow, "chat:jo", "chat", [new FieldChange("ProgressNote", oldNote, newNote)]);
        await _harness.ImportAsync(TestPlans.Small("odkm"), history: [entry]);

        var stored = Assert.Single(await _harness.Store.GetHistoryAsync("odkm", MilestoneRef.Parse("1")));

        Assert.Equal(entry.Changes, stored.Changes);
    }

    [Fact]
    public async Task A_plan_listing_the_same_milestone_twice_is_refused_before_anything_is_written()
    {
        var plan = TestPlans.Small("dupes") with { Milestones = [TestPlans.Milestone("2"), TestPlans.Milestone("02")] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _harness.ImportAsync(plan));

        Assert.Contains("#2 and #02", error.Message);
        Assert.Null(await _harness.Store.GetSummaryAsync("dupes"));
    }
}
