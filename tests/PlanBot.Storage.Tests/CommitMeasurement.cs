using System.Diagnostics;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.Storage.Tests;

/// <summary>Runs only when PLANBOT_MEASURE=1: times a 10,000-milestone commit and read into in-memory Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class CommitMeasurement(AzuriteFixture azurite, ITestOutputHelper output)
{
    [MeasurementFact]
    public async Task Committing_a_10000_milestone_plan_is_timed()
    {
        foreach (var concurrency in new[] { 1, 4, 6, 8 })
        {
            var harness = new StoreHarness(azurite, maxConcurrentBatches: concurrency);
            var plan = TestPlans.Small("huge", 10_000);
            await harness.ImportAsync(TestPlans.Small("warm", 200));

            var clock = Stopwatch.StartNew();
            var v1 = await harness.ImportAsync(plan);
            var commit = clock.Elapsed;
            clock.Restart();
            var stored = await harness.Store.GetPlanAsync("huge");
            var read = clock.Elapsed;
            clock.Restart();
            await harness.ImportAsync(plan, v1.Version);
            var reimport = clock.Elapsed;

            Assert.Equal(10_000, stored!.Plan.Milestones.Count);
            output.WriteLine($"{concurrency} batches in flight: commit {commit.TotalSeconds:0.00} s, read {read.TotalSeconds:0.00} s, re-import {reimport.TotalSeconds:0.00} s");
        }
    }
}

internal sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PLANBOT_MEASURE") != "1") Skip = "Measurement only: set PLANBOT_MEASURE=1 to run.";
    }
}
