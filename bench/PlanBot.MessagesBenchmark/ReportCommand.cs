using System.Globalization;
using System.Text.Json;

namespace PlanBot.MessagesBenchmark;

/// <summary>
/// Compares load results: a row per run, then each target's figures over all its runs and its ratios to the baseline
/// (the bare endpoint). The primary measure is the server side's CPU time per request (host process plus storage),
/// which does not depend on how the two cores were shared with the load generator; the p50 latency ratio is shown next
/// to it. Fails (exit 1) when the primary target's CPU per request is more than --max-ratio times the baseline's.
/// </summary>
internal static class ReportCommand
{
    public const string Usage = "report --baseline LABEL --primary LABEL [--max-ratio 2.0] RESULT.json...";

    public static int Run(CommandArguments arguments)
    {
        var baselineLabel = arguments.Required("baseline");
        var primaryLabel = arguments.Required("primary");
        var maxRatio = arguments.Number("max-ratio", 2.0, 0.01, 1000);
        arguments.RejectUnknownOptions();
        if (arguments.Positional.Count == 0) throw new UsageException("report needs the result files of the load runs.");

        var runs = arguments.Positional
            .Select(path => JsonSerializer.Deserialize<LoadResult>(File.ReadAllText(path), LoadResult.JsonOptions)
                ?? throw new InvalidDataException($"{path} holds no load result."))
            .ToList();

        Console.WriteLine();
        Console.WriteLine($"POST /api/messages, {runs[0].Concurrency} concurrent workers, {runs.Count} runs interleaved by target. " +
            "The bare endpoint parses each activity with JsonDocument and echoes its type; the bot validates the channel token " +
            "(when sent), runs the turn and answers with its Adaptive Card (deliveryMode expectReplies).");
        Console.WriteLine();
        var runTable = new TextTable(2, "run", "target", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
            "server µs/req", "storage µs/req", "client µs/req", "machine busy");
        foreach (var (run, number) in runs.Select((run, index) => (run, index + 1)))
        {
            runTable.Add(number.ToString(CultureInfo.InvariantCulture), run.Label, Count(run.Requests), Rate(run.RequestsPerSecond),
                Ms(run.P50Ms), Ms(run.P90Ms), Ms(run.P99Ms), Ms(run.MaxMs), Micro(run.ServerCpuMicrosecondsPerRequest),
                Micro(run.StorageCpuMicrosecondsPerRequest), Micro(run.ClientCpuMicrosecondsPerRequest),
                run.MachineBusyPercent is { } busy ? busy.ToString("0", CultureInfo.InvariantCulture) + "%" : "-");
        }
        runTable.Print();

        var targets = runs.GroupBy(run => run.Label).Select(Summary.Of).ToList();
        Console.WriteLine();
        Console.WriteLine("Per target: throughput and latencies are the mean of its runs; CPU per request is all CPU over all requests.");
        var summaryTable = new TextTable(1, "target", "runs", "requests", "errors", "req/s", "p50 ms", "p99 ms", "server-side µs/req");
        foreach (var target in targets)
        {
            summaryTable.Add(target.Label, target.Runs.ToString(CultureInfo.InvariantCulture), Count(target.Requests), Count(target.Errors),
                Rate(target.RequestsPerSecond), Ms(target.P50Ms), Ms(target.P99Ms), Micro(target.ServerSideCpuMicrosecondsPerRequest));
        }
        summaryTable.Print();

        var baseline = targets.SingleOrDefault(target => target.Label == baselineLabel)
            ?? throw new UsageException($"No results for the baseline '{baselineLabel}'.");
        var primary = targets.SingleOrDefault(target => target.Label == primaryLabel)
            ?? throw new UsageException($"No results for the primary target '{primaryLabel}'.");

        Console.WriteLine();
        Console.WriteLine($"Ratios to {baseline.Label} (per-request cost: higher is worse; throughput: lower is worse):");
        var ratioTable = new TextTable(1, "target", "CPU per request", "p50 latency", "p99 latency", "throughput");
        foreach (var target in targets.Where(target => target != baseline))
        {
            ratioTable.Add(target.Label, Times(target.ServerSideCpuMicrosecondsPerRequest / baseline.ServerSideCpuMicrosecondsPerRequest),
                Times(target.P50Ms / baseline.P50Ms), Times(target.P99Ms / baseline.P99Ms), Times(target.RequestsPerSecond / baseline.RequestsPerSecond));
        }
        ratioTable.Print();

        Console.WriteLine();
        if (targets.Sum(target => target.Errors) > 0)
        {
            Console.WriteLine("FAIL: some answers were errors, so the figures do not measure the endpoints.");
            return 3;
        }
        if (primary.ServerSideCpuMicrosecondsPerRequest is not { } primaryCpu || baseline.ServerSideCpuMicrosecondsPerRequest is not { } baselineCpu)
        {
            Console.WriteLine("FAIL: the servers' CPU time was not measured (pass --server-pid to load).");
            return 3;
        }
        var ratio = primaryCpu / baselineCpu;
        var verdict = ratio <= maxRatio ? "PASS" : "FAIL";
        Console.WriteLine($"{verdict}: {primary.Label} costs {Times(ratio)} the CPU per request of {baseline.Label} " +
            $"({primaryCpu:0.0} vs {baselineCpu:0.0} µs; limit {Times(maxRatio)}); p50 latency {Times(primary.P50Ms / baseline.P50Ms)}.");
        return ratio <= maxRatio ? 0 : 1;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    private static string Rate(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    private static string Micro(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";
    private static string Times(double? value) => value is { } ratio && double.IsFinite(ratio) ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "-";

    private sealed record Summary(string Label, int Runs, long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P99Ms,
        double? ServerSideCpuMicrosecondsPerRequest)
    {
        public static Summary Of(IGrouping<string, LoadResult> runs)
        {
            var requests = runs.Sum(run => run.Requests);
            var measured = runs.All(run => run.ServerSideCpuMicrosecondsPerRequest is not null) && requests > 0;
            return new Summary(runs.Key, runs.Count(), requests, runs.Sum(run => run.Errors + run.WarmupErrors),
                runs.Average(run => run.RequestsPerSecond), runs.Average(run => run.P50Ms), runs.Average(run => run.P99Ms),
                measured ? runs.Sum(run => run.ServerSideCpuMicrosecondsPerRequest!.Value * run.Requests) / requests : null);
        }
    }
}

/// <summary>A plain-text table: the first <paramref name="labelColumns"/> columns left-aligned, the figures right-aligned.</summary>
internal sealed class TextTable(int labelColumns, params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Print()
    {
        var widths = headers.Select((_, column) => _rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in _rows)
            Console.WriteLine(string.Join("  ", row.Select((cell, column) => column < labelColumns ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))));
    }
}
