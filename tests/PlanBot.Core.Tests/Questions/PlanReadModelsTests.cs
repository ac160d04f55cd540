using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;

namespace PlanBot.Core.Tests.Questions;

/// <summary>The read model cache: one index per plan version, rebuilt when the store reports a new one.</summary>
public sealed class PlanReadModelsTests
{
    [Fact]
    public async Task The_index_is_built_once_per_version()
    {
        var store = new CountingStore();
        store.Put(TestPlans.Small("odkm"), "v1");
        var models = new PlanReadModels(store, UnitSynonyms.Default);

        var first = await models.GetAsync("odkm");
        var second = await models.GetAsync("odkm");

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Equal("v1", first.Version);
        Assert.Equal(1, store.Loads);
        Assert.Equal(2, store.SummaryReads);
    }

    [Fact]
    public async Task A_new_version_reported_by_the_summary_rebuilds_the_index()
    {
        var store = new CountingStore();
        store.Put(TestPlans.Small("odkm", milestones: 3), "v1");
        var models = new PlanReadModels(store, UnitSynonyms.Default);
        var before = await models.GetAsync("odkm");

        store.Put(TestPlans.Small("odkm", milestones: 5), "v2");
        var after = await models.GetAsync("odkm");
        var again = await models.GetAsync("odkm");

        Assert.NotSame(before, after);
        Assert.Equal("v2", after!.Version);
        Assert.Equal(5, after.Milestones.Count);
        Assert.Same(after, again);
        Assert.Equal(2, store.Loads);
    }

    [Fact]
    public async Task An_unknown_plan_gives_null_without_loading()
    {
        var store = new CountingStore();
        store.Put(TestPlans.Small("odkm"), "v1");
        var models = new PlanReadModels(store, UnitSynonyms.Default);

        Assert.Null(await models.GetAsync("nope"));
        Assert.Equal(0, store.Loads);
    }

    [Fact]
    public async Task A_removed_plan_gives_null_and_is_forgotten()
    {
        var store = new CountingStore();
        store.Put(TestPlans.Small("odkm"), "v1");
        var models = new PlanReadModels(store, UnitSynonyms.Default);
        Assert.NotNull(await models.GetAsync("odkm"));

        store.Remove("odkm");
        Assert.Null(await models.GetAsync("odkm"));

        store.Put(TestPlans.Small("odkm"), "v1");
        Assert.NotNull(await models.GetAsync("odkm"));
        Assert.Equal(2, store.Loads);
    }

    [Fact]
    public async Task A_failed_load_is_not_cached()
    {
        var store = new CountingStore { FailNextLoads = 1 };
        store.Put(TestPlans.Small("odkm"), "v1");
        var models = new PlanReadModels(store, UnitSynonyms.Default);

        await Assert.ThrowsAsync<IOException>(() => models.GetAsync("odkm"));
        var index = await models.GetAsync("odkm");

        Assert.NotNull(index);
        Assert.Equal("v1", index.Version);
        Assert.Equal(2, store.Loads);
    }

    [Fact]
    public async Task A_plan_removed_between_summary_and_load_is_a_concurrency_error_and_not_cached()
    {
        var store = new CountingStore { PlanMissingOnNextLoads = 1 };
        store.Put(TestPlans.Small("odkm"), "v1");
        var models = new PlanReadModels(store, UnitSynonyms.Default);

        await Assert.ThrowsAsync<PlanConcurrencyException>(() => models.GetAsync("odkm"));

        Assert.NotNull(await models.GetAsync("odkm"));
    }

    [Fact]
    public async Task Twenty_concurrent_questions_about_one_version_load_the_plan_once()
    {
        var store = new CountingStore { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        store.Put(TestPlans.Small("odkm"), "v1");
        var models = new PlanReadModels(store, UnitSynonyms.Default);

        var asks = Enumerable.Range(0, 20).Select(_ => Task.Run(() => models.GetAsync("odkm"))).ToList();
        await store.WaitForSummaryReadsAsync(20);
        store.Gate.SetResult();
        var indexes = await Task.WhenAll(asks);

        Assert.Equal(1, store.Loads);
        Assert.All(indexes, index => Assert.Same(indexes[0], index));
    }

    [Fact]
    public async Task The_index_uses_the_synonyms_it_was_given()
    {
        var store = new CountingStore();
        var small = TestPlans.Small("odkm");
        store.Put(small with { Milestones = [.. small.Milestones.Select(m => m with { Team = "DSP" })] }, "v1");
        var synonyms = UnitSynonyms.Default.With(new Dictionary<string, string[]> { ["estates"] = ["DSP"] });
        var models = new PlanReadModels(store, synonyms);

        var index = await models.GetAsync("odkm");
        var answer = QuestionAnswerer.Ask("show all estates milestones", index!, new DateOnly(2019, 4, 1));

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(3, answer.Milestones.Count);
    }

    [Fact]
    public async Task A_cancelled_question_does_not_spoil_the_load_for_others()
    {
        var store = new CountingStore { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        store.Put(TestPlans.Small("odkm"), "v1");
        var models = new PlanReadModels(store, UnitSynonyms.Default);
        using var cancel = new CancellationTokenSource();

        var cancelled = models.GetAsync("odkm", cancel.Token);
        var waiting = models.GetAsync("odkm");
        await store.WaitForSummaryReadsAsync(2);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        store.Gate.SetResult();

        Assert.NotNull(await waiting);
        Assert.Equal(1, store.Loads);
    }

    /// <summary>
    /// An in-memory store that counts summary reads and plan loads; it can hold loads at a gate, fail them, or lose the plan.
    /// Only the two reads <see cref="PlanReadModels"/> uses are implemented.
    /// </summary>
    private sealed class CountingStore : IPlanStore
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, StoredPlan> _plans = [];
        private int _loads;
        private int _summaryReads;

        public TaskCompletionSource? Gate { get; init; }
        public int FailNextLoads { get; set; }
        public int PlanMissingOnNextLoads { get; set; }

        public int Loads => Volatile.Read(ref _loads);
        public int SummaryReads => Volatile.Read(ref _summaryReads);

        public void Put(Plan plan, string version)
        {
            var summary = new PlanSummary(plan.Id, plan.Name, plan.SourceFile, plan.Milestones.Count, plan.Exceptions.Count,
                DateTimeOffset.UnixEpoch, "test", version, 1);
            lock (_lock) _plans[plan.Id] = new StoredPlan(summary, plan);
        }

        public void Remove(string planId)
        {
            lock (_lock) _plans.Remove(planId);
        }

        public async Task WaitForSummaryReadsAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (SummaryReads < count && DateTime.UtcNow < deadline) await Task.Delay(5);
            Assert.True(SummaryReads >= count, $"only {SummaryReads} summary reads");
            // Let every reader get past its summary to the shared load.
            await Task.Delay(50);
        }

        public Task<PlanSummary?> GetSummaryAsync(string planId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _summaryReads);
            lock (_lock) return Task.FromResult(_plans.TryGetValue(planId, out var stored) ? stored.Summary : null);
        }

        public async Task<StoredPlan?> GetPlanAsync(string planId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _loads);
            if (Gate is not null) await Gate.Task;
            lock (_lock)
            {
                if (FailNextLoads > 0)
                {
                    FailNextLoads--;
                    throw new IOException("The store is unavailable.");
                }
                if (PlanMissingOnNextLoads > 0)
                {
                    PlanMissingOnNextLoads--;
                    return null;
                }
                return _plans.TryGetValue(planId, out var stored) ? stored : null;
            }
        }

        public Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Milestone?> GetMilestoneAsync(string planId, MilestoneRef reference, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<PlanSummary> CommitImportAsync(Plan plan, string? expectedVersion, string importedBy, IReadOnlyList<MilestoneHistoryEntry> history,
            IProgress<int>? progress = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<MilestoneHistoryEntry>> GetHistoryAsync(string planId, MilestoneRef reference, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
