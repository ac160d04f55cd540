using System.Diagnostics;
using System.Globalization;
using PlanBot.Core.Digests;
using PlanBot.Testing.Digests;
using PlanBot.Web.Cards;

// Weekly digest benchmark (issue 6): compose the chair's digest of a generated plan (last week's snapshot, exceptions,
// reminder states) and lay it out as cards, as the digest scheduler will for each subscriber. One cold run, WARMUP
// untimed runs, then ITERATIONS timed runs of each; the verdict is on the slowest timed compose + cards.
//   --milestones N [10000]   --warmup N [20]   --iterations N [200]   --target-ms N [200]   --seed N [20200120]
var options = Options.Parse(args);
var invariant = CultureInfo.InvariantCulture;

var generate = Stopwatch.StartNew();
var inputs = GeneratedDigestPlan.Create(options.Milestones, options.Seed);
generate.Stop();
Console.WriteLine(string.Create(invariant, $"Weekly digest: {inputs.Plan.Milestones.Count:N0} milestones as at {inputs.Today:d MMM yyyy} against {inputs.LastWeek.AsAt:d MMM yyyy} ")
    + string.Create(invariant, $"({inputs.LastWeek.Milestones.Count:N0} then), {inputs.Plan.Exceptions.Count:N0} exception entries, {inputs.ReminderStates.Count:N0} reminder states; generated in {generate.ElapsedMilliseconds} ms"));

var cards = new DigestCards();
var director = DigestAudience.ForAreas(GeneratedDigestPlan.Departments[0], GeneratedDigestPlan.Programmes[1], GeneratedDigestPlan.Teams[3]);
var owner = DigestAudience.ForOwner(inputs.Plan.Milestones[0].Owners.FirstOrDefault()?.Name ?? "Rachel Pilsworth");

Digest Compose(DigestAudience audience) =>
    DigestComposer.Compose(inputs.Plan, inputs.LastWeek, inputs.ReminderStates, audience, inputs.Today, inputs.Now);

var cold = Stopwatch.StartNew();
var digest = Compose(DigestAudience.WholePlan);
var coldCompose = cold.Elapsed.TotalMilliseconds;
var laidOut = cards.Cards(digest);
cold.Stop();
Console.WriteLine($"director: {director.Describe()} ({Compose(director).Now.Milestones:N0} milestones); owner: {owner.Owner} ({Compose(owner).Now.Milestones:N0})");
Console.WriteLine($"chair's digest: newly overdue {digest.NewlyOverdue.Count:N0}, newly delayed {digest.NewlyDelayed.Count:N0}, completed {digest.CompletedThisWeek.Count:N0}, "
    + $"due in two weeks {digest.DueInTwoWeeks.Count:N0}, not answering {digest.NotAnswering.Count:N0} owners, unreachable {digest.Unreachable.Count:N0} owners, "
    + $"{digest.RagByArea.Count} areas");
var sizes = laidOut.Select(c => c.MeasureSize()).ToList();
Console.WriteLine($"cards: {laidOut.Count}, {Kb(sizes.Min())}–{Kb(sizes.Max())} each ({Kb(sizes.Sum())} in all; limit {Kb(PlanBot.BotFramework.Cards.AdaptiveCard.DefaultMaxSizeBytes)})");
Console.WriteLine($"cold (includes JIT): compose {coldCompose:F1} ms, compose + cards {cold.Elapsed.TotalMilliseconds:F1} ms");

for (var i = 0; i < options.Warmup; i++) cards.Cards(Compose(DigestAudience.WholePlan));

var compose = Measure(() => Compose(DigestAudience.WholePlan));
var composeAndCards = Measure(() => cards.Cards(Compose(DigestAudience.WholePlan)));
var directorCompose = Measure(() => Compose(director));
var ownerCompose = Measure(() => Compose(owner));
Console.WriteLine($"{options.Iterations} timed runs each, after {options.Warmup} warm-up runs:");
Console.WriteLine(Latencies.Header);
Console.WriteLine(compose.Row("compose (chair, whole plan)"));
Console.WriteLine(composeAndCards.Row("compose + cards (chair)"));
Console.WriteLine(directorCompose.Row($"compose (director, {director.Areas.Count} areas)"));
Console.WriteLine(ownerCompose.Row("compose (one owner)"));

var worst = composeAndCards.Max;
var pass = worst <= options.TargetMs;
Console.WriteLine($"{(pass ? "PASS" : "FAIL")}: slowest compose + cards of {inputs.Plan.Milestones.Count:N0} milestones took {worst:F1} ms (target ≤ {options.TargetMs} ms)");
return pass ? 0 : 1;

Latencies Measure(Action run)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var times = new double[options.Iterations];
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < times.Length; i++)
    {
        var watch = Stopwatch.StartNew();
        run();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    return new Latencies(times, (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)times.Length);
}

static string Kb(int bytes) => $"{bytes / 1024.0:F1} KB";

/// <summary>One measurement's timings (ms) and the bytes it allocated per run.</summary>
internal sealed record Latencies(double[] Times, double AllocatedPerRun)
{
    public const string Header = "                                  p50 ms   p95 ms   max ms   allocated per run";

    public double Max => Times.Max();

    public string Row(string name)
    {
        var sorted = Times.Order().ToArray();
        double At(double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        return $"{name,-32}  {At(0.50),7:F2}  {At(0.95),7:F2}  {Max,7:F2}   {AllocatedPerRun / (1024 * 1024):F2} MB";
    }
}

internal sealed record Options(int Milestones, int Warmup, int Iterations, int TargetMs, int Seed)
{
    public static Options Parse(string[] args)
    {
        var options = new Options(10_000, 20, 200, 200, 20200120);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i++] switch
            {
                "--milestones" => options with { Milestones = value },
                "--warmup" => options with { Warmup = value },
                "--iterations" => options with { Iterations = Math.Max(1, value) },
                "--target-ms" => options with { TargetMs = value },
                "--seed" => options with { Seed = value },
                var other => throw new ArgumentException($"unknown option {other}; use --milestones, --warmup, --iterations, --target-ms or --seed"),
            };
        }
        return options;
    }
}
