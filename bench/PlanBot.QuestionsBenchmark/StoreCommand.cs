using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.MessagesBenchmark;
using PlanBot.Storage;

namespace PlanBot.QuestionsBenchmark;

/// <summary>
/// Saves the generated plan in Table storage (ConnectionStrings__Tables, PlanBot__Storage__TablePrefix) with
/// <see cref="TablePlanStore.CommitImportAsync"/>, as an import does, for the read-model path and the web host to answer from.
/// </summary>
internal static class StoreCommand
{
    public const string Usage = "store [--milestones 10000]";

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var milestoneCount = arguments.Integer("milestones", 10_000, 1, 100_000);
        arguments.RejectUnknownOptions();

        var plan = GeneratedPlan.Create(milestoneCount);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var storage = new ServiceCollection().AddPlanBotTableStorage(configuration).BuildServiceProvider();
        var store = storage.GetRequiredService<TablePlanStore>();
        var existing = await store.GetSummaryAsync(plan.Id);
        var watch = Stopwatch.StartNew();
        var summary = await store.CommitImportAsync(plan, existing?.Version, "questions-benchmark", []);
        Console.WriteLine($"Stored plan '{summary.Id}' ({summary.MilestoneCount:N0} milestones, {summary.ExceptionCount:N0} exception rows) " +
            $"in table {store.Tables.Plans} and its siblings in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
