using PlanBot.Core.Plans;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class ImportCommitTests(AzuriteFixture azurite)
{
    private readonly StoreHarness _harness = new(azurite, maxConcurrentBatches: 2);

    [Fact]
    public async Task An_import_against_a_stale_version_is_refused_and_changes_nothing()
    {
        var v1 = await _harness.ImportAsync(TestPlans.Small("odkm", 3));
        var v2 = await _harness.ImportAsync(TestPlans.Small("odkm", 4), v1.Version);
        var generationsBefore = await _harness.GenerationsAsync("odkm");

        var error = await Assert.ThrowsAsync<PlanConcurrencyException>(() =>
            _harness.ImportAsync(TestPlans.Small("odkm", 9), v1.Version, [new MilestoneHistoryEntry(MilestoneRef.Parse("1"), DateTimeOffset.UtcNow, "x", "import", [])]));

        Assert.Contains("odkm", error.Message);
        var stored = await _harness.Store.GetPlanAsync("odkm");
        Assert.Equal(v2, stored!.Summary);
        Assert.Equal(4, stored.Plan.Milestones.Count);
        Assert.Equal(generationsBefore, await _harness.GenerationsAsync("odkm"));
        Assert.Empty(await _harness.Store.GetHistoryAsync("odkm", MilestoneRef.Parse("1")));
    }

    [Fact]
    public async Task Importing_an_existing_plan_as_new_is_refused()
    {
        var v1 = await _harness.ImportAsync(TestPlans.Small("odkm"));

        await Assert.ThrowsAsync<PlanConcurrencyException>(() => _harness.ImportAsync(TestPlans.Small("odkm", 5), expectedVersion: null));

        Assert.Equal(v1, await _harness.Store.GetSummaryAsync("odkm"));
    }

    [Fact]
    public async Task Importing_with_a_version_for_a_plan_that_does_not_exist_is_refused()
    {
        await Assert.ThrowsAsync<PlanConcurrencyException>(() => _harness.ImportAsync(TestPlans.Small("ghost"), "W/\"datetime'2020-01-01T00%3A00%3A00Z'\""));

        Assert.Null(await _harness.Store.GetSummaryAsync("ghost"));
        Assert.Empty(await _harness.GenerationsAsync("ghost"));
    }

    [Fact]
    public async Task When_another_import_commits_while_one_is_writing_the_later_commit_is_refused_and_its_rows_removed()
    {
        var v1 = await _harness.ImportAsync(TestPlans.Small("odkm", 3));
        PlanSummary? winner = null;
        var progress = new InlineProgress(_ =>
        {
            // Runs on a writer thread of the first import, after its first batch: a second import commits in between.
            winner ??= _harness.ImportAsync(TestPlans.Small("odkm", 2, "Winner"), v1.Version).GetAwaiter().GetResult();
        });

        await Assert.ThrowsAsync<PlanConcurrencyException>(() => _harness.ImportAsync(TestPlans.Small("odkm", 250, "Loser"), v1.Version, progress: progress));

        var stored = await _harness.Store.GetPlanAsync("odkm");
        Assert.Equal(winner, stored!.Summary);
        Assert.All(stored.Plan.Milestones, m => Assert.StartsWith("Winner", m.Title));
        var generations = await _harness.GenerationsAsync("odkm");
        Assert.Equal([v1.Generation, winner!.Generation], generations.Select(g => g.Generation));
    }

    [Fact]
    public async Task An_import_cancelled_part_way_leaves_the_previous_plan_intact_and_readable()
    {
        var previous = TestPlans.Small("odkm", 5);
        var v1 = await _harness.ImportAsync(previous);
        using var cancel = new CancellationTokenSource();
        var reports = new List<int>();
        var progress = new InlineProgress(written =>
        {
            reports.Add(written);
            cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _harness.ImportAsync(TestPlans.Small("odkm", 1_000, "Next"), v1.Version, progress: progress, cancellationToken: cancel.Token));

        var stored = await _harness.Store.GetPlanAsync("odkm");
        Assert.Equal(v1, stored!.Summary);
        PlanAssert.Equivalent(previous, stored.Plan);
        PlanAssert.Equivalent(previous.Milestones[2], (await _harness.Store.GetMilestoneAsync("odkm", MilestoneRef.Parse("3")))!);

        // It really was interrupted part way: some batches landed in the abandoned generation, not all.
        var abandoned = Assert.Single(await _harness.GenerationsAsync("odkm"), g => g.Generation != v1.Generation);
        Assert.Equal("Writing", abandoned.State);
        var partial = await _harness.MilestoneRowsAsync("odkm", abandoned.Generation);
        Assert.InRange(partial, 100, 999);
        Assert.Equal(100, reports[0]);
    }

    [Fact]
    public async Task An_import_whose_progress_callback_fails_leaves_the_previous_plan_intact()
    {
        var v1 = await _harness.ImportAsync(TestPlans.Small("odkm", 5));
        var progress = new InlineProgress(_ => throw new IOException("console closed"));

        await Assert.ThrowsAsync<IOException>(() => _harness.ImportAsync(TestPlans.Small("odkm", 500, "Next"), v1.Version, progress: progress));

        var stored = await _harness.Store.GetPlanAsync("odkm");
        Assert.Equal(v1, stored!.Summary);
        Assert.Equal(5, stored.Plan.Milestones.Count);
        Assert.All(stored.Plan.Milestones, m => Assert.StartsWith("Milestone", m.Title));
    }

    [Fact]
    public async Task The_next_commit_deletes_abandoned_generations_and_keeps_only_the_previous_one()
    {
        var v1 = await _harness.ImportAsync(TestPlans.Small("odkm", 3));
        using (var cancel = new CancellationTokenSource())
        {
            var progress = new InlineProgress(_ => cancel.Cancel());
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                _harness.ImportAsync(TestPlans.Small("odkm", 400), v1.Version, progress: progress, cancellationToken: cancel.Token));
        }

        var abandoned = (await _harness.GenerationsAsync("odkm")).Single(g => g.State == "Writing").Generation;
        Assert.True(await _harness.MilestoneRowsAsync("odkm", abandoned) > 0);

        var v2 = await _harness.ImportAsync(TestPlans.Small("odkm", 4), v1.Version);

        Assert.Equal(0, await _harness.MilestoneRowsAsync("odkm", abandoned));
        Assert.Equal([(v1.Generation, "Committed"), (v2.Generation, "Committed")], await _harness.GenerationsAsync("odkm"));
        Assert.Equal(3, await _harness.MilestoneRowsAsync("odkm", v1.Generation));

        var v3 = await _harness.ImportAsync(TestPlans.FullyPopulated("odkm"), v2.Version);

        Assert.Equal(0, await _harness.MilestoneRowsAsync("odkm", v1.Generation));
        Assert.Equal(0, await _harness.CountRowsAsync(_harness.Names.ExceptionReports, $"odkm@{v1.Generation:D19}"));
        Assert.Equal(4, await _harness.MilestoneRowsAsync("odkm", v2.Generation));
        Assert.Equal([v2.Generation, v3.Generation], (await _harness.GenerationsAsync("odkm")).Select(g => g.Generation));
        Assert.Equal(2, await _harness.CountRowsAsync(_harness.Names.ExceptionReports, $"odkm@{v3.Generation:D19}"));
    }

    [Fact]
    public async Task A_2500_milestone_plan_commits_in_batches_and_reads_back_whole_and_in_order()
    {
        var plan = TestPlans.Small("big", 2_500);
        var reports = new List<int>();
        var progress = new InlineProgress(reports.Add);

        var summary = await _harness.ImportAsync(plan, progress: progress);
        var stored = await _harness.Store.GetPlanAsync("big");

        Assert.Equal(2_500, summary.MilestoneCount);
        PlanAssert.Equivalent(plan, stored!.Plan);
        Assert.Equal(25, reports.Count);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => i * 100), reports);
        PlanAssert.Equivalent(plan.Milestones[1_733], (await _harness.Store.GetMilestoneAsync("big", MilestoneRef.Parse("1734")))!);
    }

    [Fact]
    public async Task Text_longer_than_a_table_column_holds_is_refused_naming_the_plan_milestone_and_field()
    {
        var plan = TestPlans.FullyPopulated("odkm");
        var tooLong = plan with
        {
            Milestones = plan.Milestones.Select(m => m.Ref.Value == "6.17" ? m with { ProgressNote = new string('x', 40_000) } : m).ToList(),
        };

        var error = await Assert.ThrowsAsync<TableStorageLimitException>(() => _harness.ImportAsync(tooLong));

        Assert.Equal(("odkm", "milestone 6.17", "Progress note"), (error.PlanId, error.Item, error.Field));
        Assert.Contains("Plan 'odkm', milestone 6.17: Progress note is 40,000 characters", error.Message);
        Assert.Contains("Nothing was saved", error.Message);
        Assert.Null(await _harness.Store.GetSummaryAsync("odkm"));
        Assert.Empty(await _harness.GenerationsAsync("odkm"));
    }

    [Fact]
    public async Task Unmapped_columns_too_long_together_are_refused_naming_the_largest_column()
    {
        var v1 = await _harness.ImportAsync(TestPlans.Small("odkm"));
        var milestone = TestPlans.Milestone("2") with
        {
            OtherFields = new Dictionary<string, string> { ["Comments"] = new string('c', 20_000), ["Notes"] = new string('n', 15_000) },
        };
        var plan = TestPlans.Small("odkm") with { Milestones = [TestPlans.Milestone("1"), milestone] };

        var error = await Assert.ThrowsAsync<TableStorageLimitException>(() => _harness.ImportAsync(plan, v1.Version));

        Assert.Contains("milestone 2", error.Message);
        Assert.Contains("largest is 'Comments' at 20,000 characters", error.Message);
        Assert.Equal(v1, await _harness.Store.GetSummaryAsync("odkm"));
    }

    [Fact]
    public async Task A_milestone_too_large_for_one_table_row_is_refused_naming_its_largest_fields()
    {
        string Text(char c) => new(c, 32_000);
        var huge = TestPlans.Milestone("7") with
        {
            Title = Text('a'), Team = Text('b'), Department = Text('c'), Programme = Text('d'), Requirement = Text('e'),
            StatusText = Text('f'), RagText = Text('g'), CommitteeSignOff = Text('h'), ProgressNote = Text('i'), Trend = Text('j'),
            Evidence = Text('k'), Start = new TrackerDate(Text('l'), null, Note: Text('m')), Due = new TrackerDate(Text('n'), null, Note: Text('o')),
            RevisedDue = new TrackerDate(Text('p'), null, Note: Text('q')),
        };
        var plan = TestPlans.Small("odkm") with { Milestones = [huge] };

        var error = await Assert.ThrowsAsync<TableStorageLimitException>(() => _harness.ImportAsync(plan));

        Assert.Contains("Plan 'odkm', milestone 7", error.Message);
        Assert.Contains("1,024 KiB", error.Message);
        Assert.Contains("largest fields: " + error.Field, error.Message);
        Assert.Null(await _harness.Store.GetSummaryAsync("odkm"));
    }

    [Fact]
    public async Task Text_exactly_at_the_column_limit_is_stored_whole()
    {
        var note = string.Concat(Enumerable.Repeat("é✓", 32 * 1024 / 2));
        var plan = TestPlans.Small("odkm", 1) with { Milestones = [TestPlans.Milestone("1") with { ProgressNote = note }] };

        await _harness.ImportAsync(plan);

        Assert.Equal(note, (await _harness.Store.GetMilestoneAsync("odkm", MilestoneRef.Parse("1")))!.ProgressNote);
    }
}
