using PlanBot.Core.Plans;
using PlanBot.Core.Updates;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests;

/// <summary>
/// The base of a re-import's merge: the first update after an import keeps the milestone as imported, later updates
/// leave it, and a commit stores the bases it is given with its generation (and tidies them away with it). Against Azurite.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ImportBaseTests(AzuriteFixture azurite)
{
    private static readonly MilestoneRef Two = MilestoneRef.Parse("2");
    private static readonly DateTimeOffset At = new(2020, 1, 20, 9, 30, 0, TimeSpan.Zero);

    private readonly StoreHarness _harness = new(azurite);

    [Fact]
    public async Task The_first_update_keeps_the_imported_milestone_and_later_updates_leave_it()
    {
        var plan = TestPlans.Small("odkm", milestones: 3);
        var imported = await _harness.ImportAsync(plan);
        Assert.Empty(await _harness.Store.GetImportBasesAsync("odkm", imported.Generation));

        await SaveNoteAsync("First note.");
        await SaveNoteAsync("Second note.");

        var bases = await _harness.Store.GetImportBasesAsync("odkm", imported.Generation);
        PlanAssert.Equivalent(plan.Find(Two)!, Assert.Single(bases).Value);
        Assert.Equal("Second note.", (await _harness.Store.GetMilestoneAsync("odkm", Two))!.ProgressNote);
    }

    [Fact]
    public async Task A_stale_update_keeps_no_base_and_saves_nothing()
    {
        var imported = await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3));
        var stale = (await _harness.Store.GetStoredMilestoneAsync("odkm", Two))!;
        await SaveNoteAsync("First note.");
        var reimported = await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3, titlePrefix: "Step"), (await _harness.Store.GetSummaryAsync("odkm"))!.Version);

        var late = MilestoneUpdater.Apply(stale.Milestone, new MilestoneUpdate { ProgressNote = "Late." }, new DateOnly(2020, 1, 20), "Sue Graham", At, "card");
        await Assert.ThrowsAsync<PlanConcurrencyException>(() => _harness.Store.SaveUpdateAsync(stale, late.Updated!, late.History!, null));

        Assert.Empty(await _harness.Store.GetImportBasesAsync("odkm", reimported.Generation));
        Assert.NotEqual(imported.Generation, reimported.Generation);
    }

    [Fact]
    public async Task A_commit_stores_its_bases_with_the_generation_and_the_next_commits_tidy_them_away()
    {
        var first = await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3));
        var fromFile = TestPlans.Milestone("2", "As the file has it");

        var merged = await _harness.Store.CommitImportAsync(TestPlans.Small("odkm", milestones: 3), [fromFile], first.Version, "test", []);

        PlanAssert.Equivalent(fromFile, Assert.Single(await _harness.Store.GetImportBasesAsync("odkm", merged.Generation)).Value);
        var second = await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3), merged.Version);
        await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3), second.Version);
        Assert.Equal(0, await _harness.CountRowsAsync(_harness.Names.ImportBases, $"odkm@{merged.Generation:D19}"));
    }

    private async Task SaveNoteAsync(string note)
    {
        var read = (await _harness.Store.GetStoredMilestoneAsync("odkm", Two))!;
        var outcome = MilestoneUpdater.Apply(read.Milestone, new MilestoneUpdate { ProgressNote = note }, new DateOnly(2020, 1, 20), "Sue Graham", At, "card");
        await _harness.Store.SaveUpdateAsync(read, outcome.Updated!, outcome.History!, null);
    }
}
