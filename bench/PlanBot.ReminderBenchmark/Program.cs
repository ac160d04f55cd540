using System.Diagnostics;
using System.Globalization;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;
using PlanBot.ReminderBenchmark;

// Reminder sweep benchmark (issue 5): "decide who is due" over every milestone of a generated plan, as the scheduler's
// sweep does before it claims and sends anything. One cold sweep, then RUNS timed sweeps; the verdict is on the slowest.
//   --milestones N [100000]   --runs N [5]   --target-ms N [2000]   --seed N [20200120]
var options = Options.Parse(args);
var invariant = CultureInfo.InvariantCulture;
var now = DateTimeOffset.Parse("2020-01-20T09:05:00Z", invariant);

// The one-off set-up a host pays on its first sweep: the 1995–2100 working-day table and the London clock changes.
var setUp = Stopwatch.StartNew();
var calendar = WorkingCalendar.EnglandAndWales;
var calendarMs = setUp.Elapsed.TotalMilliseconds;
LondonTime.DateOf(now);
var clockMs = setUp.Elapsed.TotalMilliseconds - calendarMs;

var planner = new ReminderPlanner(ReminderPolicy.Default, calendar);

Console.WriteLine(string.Create(invariant, $"Reminder sweep: {options.Milestones:N0} milestones due {now.AddDays(-183):d MMM yyyy} to {now.AddDays(183):d MMM yyyy}, ")
    + string.Create(invariant, $"as at {now:yyyy-MM-dd HH:mm}Z. {planner.Policy.Describe()}"));
var generate = Stopwatch.StartNew();
var (milestones, states) = GeneratedPlan.Create(options.Milestones, now, planner, options.Seed);
Console.WriteLine($"set-up: working-day calendar {calendarMs:F1} ms, London clock changes {clockMs:F1} ms; plan generated in {generate.ElapsedMilliseconds} ms");

var outcomes = new int[Enum.GetValues<ReminderOutcome>().Length];
var kinds = new int[Enum.GetValues<ReminderKind>().Length];
var recipients = 0;

(double Ms, long Bytes) Sweep(bool count)
{
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < milestones.Length; i++)
    {
        var decision = planner.Decide(GeneratedPlan.PlanId, milestones[i], states[i], now);
        if (!count) continue;
        outcomes[(int)decision.Outcome]++;
        foreach (var reminder in decision.All)
        {
            kinds[(int)reminder.Kind]++;
            recipients += reminder.Recipients.Count;
        }
    }
    watch.Stop();
    return (watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
}

var cold = Sweep(count: true);
Console.WriteLine("outcomes: " + string.Join(", ", Enum.GetValues<ReminderOutcome>().Select(o => $"{o} {outcomes[(int)o]:N0}")));
Console.WriteLine("due by kind: " + string.Join(", ", Enum.GetValues<ReminderKind>().Select(k => $"{k} {kinds[(int)k]:N0}")) + $"; {recipients:N0} recipients");
Console.WriteLine($"sweep 1 (cold, includes JIT): {cold.Ms:F1} ms, {Mb(cold.Bytes)} allocated");

var timed = new List<(double Ms, long Bytes)>();
for (var run = 0; run < options.Runs; run++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    timed.Add(Sweep(count: false));
}
var best = timed.Min(t => t.Ms);
var mean = timed.Average(t => t.Ms);
var worst = Math.Max(timed.Max(t => t.Ms), cold.Ms);
var bytes = timed.Average(t => t.Bytes);
Console.WriteLine($"sweeps 2-{options.Runs + 1}: best {best:F1} ms, mean {mean:F1} ms ({mean * 1_000_000 / milestones.Length:F0} ns per milestone), "
    + $"{Mb((long)bytes)} allocated per sweep ({bytes / milestones.Length:F0} bytes per milestone)");

// The calendar on its own, since every slot is a lookup in it.
var start = new DateOnly(2019, 1, 1);
var checksum = 0;
const int calls = 3_000_000;
var calendarWatch = Stopwatch.StartNew();
for (var i = 0; i < calls; i++)
{
    var day = start.AddDays(i % 700);
    checksum += calendar.IsWorkingDay(day) ? 1 : 0;
    checksum += calendar.AddWorkingDays(day, (i % 29) - 14).Day;
    checksum += calendar.WorkingDaysBetween(day, day.AddDays(i % 90));
}
calendarWatch.Stop();
Console.WriteLine($"calendar: {calendarWatch.Elapsed.TotalMilliseconds * 1_000_000 / (calls * 3.0):F1} ns per call "
    + $"(IsWorkingDay, AddWorkingDays, WorkingDaysBetween; checksum {checksum})");

var pass = worst <= options.TargetMs;
Console.WriteLine($"{(pass ? "PASS" : "FAIL")}: slowest sweep of {milestones.Length:N0} milestones took {worst:F1} ms (target ≤ {options.TargetMs} ms)");
return pass ? 0 : 1;

static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F2} MB";

internal sealed record Options(int Milestones, int Runs, int TargetMs, int Seed)
{
    public static Options Parse(string[] args)
    {
        var options = new Options(100_000, 5, 2_000, 20200120);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i++] switch
            {
                "--milestones" => options with { Milestones = value },
                "--runs" => options with { Runs = value },
                "--target-ms" => options with { TargetMs = value },
                "--seed" => options with { Seed = value },
                var other => throw new ArgumentException($"unknown option {other}; use --milestones, --runs, --target-ms or --seed"),
            };
        }
        return options;
    }
}
