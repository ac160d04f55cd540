using PlanBot.Core.Plans;
using PlanBot.Core.Updates;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests;

/// <summary>Progress updates to one milestone through <see cref="IMilestoneUpdateStore"/>, against Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MilestoneUpdateTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2020, 1, 20, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2020, 1, 20);

    private readonly StoreHarness _harness = new(azurite);

    [Fact]
    public async Task A_delay_changes_the_milestone_adds_an_exception_entry_records_history_and_moves_the_plan_version()
    {
        var imported = await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3));
        var read = (await _harness.Store.GetStoredMilestoneAsync("odkm", MilestoneRef.Parse("2")))!;

        var outcome = Delay(read, new DateOnly(2020, 2, 28), "Waiting for NHSE sign-off.");
        var saved = await _harness.Store.SaveUpdateAsync(read, outcome.Updated!, outcome.History!, outcome.Exception);

        var plan = (await _harness.Store.GetPlanAsync("odkm"))!;
        var milestone = plan.Plan.Find(MilestoneRef.Parse("2"))!;
        Assert.Equal(MilestoneStatus.Delayed, milestone.Status);
        Assert.Equal(new DateOnly(2020, 2, 28), milestone.RevisedDue.Date);
        Assert.NotEqual(imported.Version, plan.Summary.Version);
        Assert.NotEqual(read.Revision, saved.Revision);
        var exception = Assert.Single(plan.Plan.ExceptionsFor(MilestoneRef.Parse("2")));
        Assert.Equal("Waiting for NHSE sign-off.", exception.Reason);
        Assert.Equal(new DateOnly(2020, 2, 28), exception.ProposedRevisedDate.Date);
        Assert.Equal(1, plan.Summary.ExceptionCount);

        var history = Assert.Single(await _harness.Store.GetHistoryAsync("odkm", MilestoneRef.Parse("2")));
        Assert.Equal("card", history.Source);
        Assert.Equal("Sue Graham", history.By);
        Assert.Equal("Waiting for NHSE sign-off.", history.Note);
        Assert.Contains(history.Changes, c => c is { Field: "Status", Old: "OnTrack", New: "Delayed" });
        Assert.Contains(history.Changes, c => c is { Field: "RevisedDueDate", Old: null, New: "2020-02-28" });
    }

    [Fact]
    public async Task An_update_from_a_stale_read_is_refused_and_writes_nothing()
    {
        await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3));
        var first = (await _harness.Store.GetStoredMilestoneAsync("odkm", MilestoneRef.Parse("2")))!;
        var second = first;
        var note = Note(first, "Draft circulated.");
        await _harness.Store.SaveUpdateAsync(first, note.Updated!, note.History!, null);
        var versionAfterFirst = (await _harness.Store.GetSummaryAsync("odkm"))!.Version;

        var late = Delay(second, new DateOnly(2020, 3, 31), "Late again.");
        await Assert.ThrowsAsync<PlanConcurrencyException>(() => _harness.Store.SaveUpdateAsync(second, late.Updated!, late.History!, late.Exception));

        var stored = (await _harness.Store.GetPlanAsync("odkm"))!;
        Assert.Equal(versionAfterFirst, stored.Summary.Version);
        Assert.Equal(MilestoneStatus.OnTrack, stored.Plan.Find(MilestoneRef.Parse("2"))!.Status);
        Assert.Empty(stored.Plan.Exceptions);
        Assert.Single(await _harness.Store.GetHistoryAsync("odkm", MilestoneRef.Parse("2")));
    }

    [Fact]
    public async Task Of_ten_owners_saving_the_same_read_at_once_exactly_one_wins()
    {
        await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3));
        var read = (await _harness.Store.GetStoredMilestoneAsync("odkm", MilestoneRef.Parse("1")))!;

        var attempts = Enumerable.Range(1, 10).Select(async i =>
        {
            var outcome = MilestoneUpdater.Apply(read.Milestone, new MilestoneUpdate { ProgressNote = $"Update {i}" }, Today, $"owner {i}", At.AddSeconds(i), "card");
            try
            {
                await _harness.Store.SaveUpdateAsync(read, outcome.Updated!, outcome.History!, null);
                return true;
            }
            catch (PlanConcurrencyException)
            {
                return false;
            }
        }).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(won => won));
        Assert.Single(await _harness.Store.GetHistoryAsync("odkm", MilestoneRef.Parse("1")));
    }

    [Fact]
    public async Task Updates_to_different_milestones_at_once_all_land_and_all_count()
    {
        await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 8));

        await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            var read = (await _harness.Store.GetStoredMilestoneAsync("odkm", MilestoneRef.Parse(i.ToString(System.Globalization.CultureInfo.InvariantCulture))))!;
            var outcome = Delay(read, new DateOnly(2020, 6, 30), $"Reason {i}");
            await _harness.Store.SaveUpdateAsync(read, outcome.Updated!, outcome.History!, outcome.Exception);
        }));

        var stored = (await _harness.Store.GetPlanAsync("odkm"))!;
        Assert.All(stored.Plan.Milestones, m => Assert.Equal(MilestoneStatus.Delayed, m.Status));
        Assert.Equal(8, stored.Plan.Exceptions.Count);
        Assert.Equal(8, stored.Summary.ExceptionCount);
    }

    [Fact]
    public async Task An_import_previewed_before_an_update_must_be_redone()
    {
        var imported = await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3));
        var read = (await _harness.Store.GetStoredMilestoneAsync("odkm", MilestoneRef.Parse("3")))!;
        var note = Note(read, "Now with the board.");
        await _harness.Store.SaveUpdateAsync(read, note.Updated!, note.History!, null);

        await Assert.ThrowsAsync<PlanConcurrencyException>(() => _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3), imported.Version));
    }

    [Fact]
    public async Task A_card_read_before_a_reimport_cannot_overwrite_the_imported_milestone()
    {
        var imported = await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3));
        var read = (await _harness.Store.GetStoredMilestoneAsync("odkm", MilestoneRef.Parse("1")))!;
        await _harness.ImportAsync(TestPlans.Small("odkm", milestones: 3, titlePrefix: "Renamed"), imported.Version);

        var note = Note(read, "Old card.");
        await Assert.ThrowsAsync<PlanConcurrencyException>(() => _harness.Store.SaveUpdateAsync(read, note.Updated!, note.History!, null));
        Assert.Equal("Renamed 1", (await _harness.Store.GetPlanAsync("odkm"))!.Plan.Find(MilestoneRef.Parse("1"))!.Title);
    }

    [Fact]
    public async Task A_milestone_is_read_with_its_latest_exception_entry_the_trackers_newest_then_an_update_after_it()
    {
        var two = MilestoneRef.Parse("2");
        var plan = TestPlans.Small("odkm", milestones: 3);
        await _harness.ImportAsync(plan with
        {
            Exceptions =
            [
                // The tracker lists its newest report first, as the seed does.
                new ExceptionReportEntry { MilestoneRefText = "2", Refs = [two], Reason = "January's reason.", Source = new SourceLocation("odkm.txt", null, 70) },
                new ExceptionReportEntry { MilestoneRefText = "2", Refs = [two], Reason = "Quarter 2's reason.", Source = new SourceLocation("odkm.txt", null, 90) },
            ],
        });

        var read = (await _harness.Store.GetStoredMilestoneAsync("odkm", two))!;
        Assert.Equal("January's reason.", read.LatestException!.Reason);
        Assert.Null((await _harness.Store.GetStoredMilestoneAsync("odkm", MilestoneRef.Parse("3")))!.LatestException);

        var delay = Delay(read, new DateOnly(2020, 2, 28), "Waiting for NHSE sign-off.");
        var saved = await _harness.Store.SaveUpdateAsync(read, delay.Updated!, delay.History!, delay.Exception);

        Assert.Equal("Waiting for NHSE sign-off.", saved.LatestException!.Reason);
        Assert.Equal("Waiting for NHSE sign-off.", (await _harness.Store.GetStoredMilestoneAsync("odkm", two))!.LatestException!.Reason);
    }

    private static UpdateOutcome Delay(StoredMilestone read, DateOnly revised, string reason)
    {
        var outcome = MilestoneUpdater.Apply(read.Milestone,
            new MilestoneUpdate { Status = MilestoneStatus.Delayed, RevisedDue = revised, DelayReason = reason }, Today, "Sue Graham", At, "card");
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome;
    }

    private static UpdateOutcome Note(StoredMilestone read, string note)
    {
        var outcome = MilestoneUpdater.Apply(read.Milestone, new MilestoneUpdate { ProgressNote = note }, Today, "Sue Graham", At, "card");
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome;
    }
}
