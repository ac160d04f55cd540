using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Storage;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;
using PlanBot.Trackers.Writing;

// Import benchmark: each measurement runs in a fresh process (scripts/bench-import.sh starts one per run),
// so times include start-up JIT as a PMO running `planbot import` would see them, and peak memory is the process's own.
//   generate FILE COUNT   write a tracker workbook shaped like seed 000 with COUNT milestones
//   parse FILE            read and import the workbook (no storage)
//   e2e FILE PLAN         read, import and commit into Table storage (ConnectionStrings__Tables)
var command = args.ElementAtOrDefault(0);
switch (command)
{
    case "generate":
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        XlsxWorkbookWriter.Write(args[1], [GeneratedTracker.Sheet(count)]);
        Console.WriteLine($"generated {count} milestones into {args[1]} ({new FileInfo(args[1]).Length / 1024} KiB) in {watch.ElapsedMilliseconds} ms");
        return 0;
    case "parse":
        {
            var total = Stopwatch.StartNew();
            var workbook = TrackerFileReader.Read(args[1]);
            var readMs = total.Elapsed.TotalMilliseconds;
            var result = new TrackerImporter().Import(workbook, new TrackerImportOptions { PlanId = "bench" });
            var allMs = total.Elapsed.TotalMilliseconds;
            Check(result, out var milestones);
            var warm = Stopwatch.StartNew();
            new TrackerImporter().Import(TrackerFileReader.Read(args[1]), new TrackerImportOptions { PlanId = "bench" });
            Console.WriteLine($"parse: milestones={milestones} read_ms={readMs:F0} parse_total_ms={allMs:F0} second_parse_ms={warm.Elapsed.TotalMilliseconds:F0} peak_working_set_mb={PeakMb()}");
            return 0;
        }
    case "e2e":
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            await using var storage = new ServiceCollection().AddPlanBotTableStorage(configuration).BuildServiceProvider();
            var store = storage.GetRequiredService<TablePlanStore>();
            var service = new PlanImportService(store, TimeProvider.System);
            var total = Stopwatch.StartNew();
            var preview = await service.PreviewAsync(args[1], new TrackerImportOptions { PlanId = args[2] });
            var previewMs = total.Elapsed.TotalMilliseconds;
            Check(preview.Result, out var milestones);
            var summary = await service.CommitAsync(preview, "benchmark");
            var allMs = total.Elapsed.TotalMilliseconds;
            var readBack = Stopwatch.StartNew();
            var stored = await store.GetPlanAsync(args[2]);
            if (stored?.Plan.Milestones.Count != milestones) throw new InvalidOperationException("read back a different plan");
            Console.WriteLine($"e2e: milestones={summary.MilestoneCount} preview_ms={previewMs:F0} commit_ms={allMs - previewMs:F0} end_to_end_ms={allMs:F0} read_back_ms={readBack.Elapsed.TotalMilliseconds:F0} peak_working_set_mb={PeakMb()}");
            return 0;
        }
    default:
        Console.Error.WriteLine("usage: generate FILE COUNT | parse FILE | e2e FILE PLAN");
        return 2;
}

static void Check(TrackerImportResult result, out int milestones)
{
    if (result.HasErrors) throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors.Take(5)));
    milestones = result.Plan!.Milestones.Count;
}

static long PeakMb()
{
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    return self.PeakWorkingSet64 / (1024 * 1024);
}
