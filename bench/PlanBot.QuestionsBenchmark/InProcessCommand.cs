using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Users;
using PlanBot.MessagesBenchmark;
using PlanBot.Storage;

namespace PlanBot.QuestionsBenchmark;

/// <summary>
/// The question engine in this process: builds the plan's <see cref="PlanIndex"/> once (time and memory), warms up, then
/// times every <see cref="QuestionAnswerer.Ask"/> on its own. A second pass times <see cref="QuestionReader.Read"/> and
/// <see cref="QuestionAnswerer.Answer"/> apart, to show where the time goes. With --read-models, also the per-message
/// path the bot runs: <see cref="PlanReadModels.GetAsync"/> (one version read from Table storage) + Ask, on the plan the
/// store command saved (ConnectionStrings__Tables, PlanBot__Storage__TablePrefix).
/// </summary>
internal static class InProcessCommand
{
    public const string Usage =
        "inprocess [--milestones 10000] [--questions 10000] [--seed 1] [--warmup 2000] [--target-ms 20] [--read-models no|yes] " +
        "[--slowest 10] [--verdict-file PATH]";

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var milestoneCount = arguments.Integer("milestones", 10_000, 1, 100_000);
        var questionCount = arguments.Integer("questions", 10_000, 1, 1_000_000);
        var seed = arguments.Integer("seed", 1, 0, int.MaxValue);
        var warmupCount = arguments.Integer("warmup", 2_000, 0, 1_000_000);
        var targetMs = arguments.Number("target-ms", 20, 0.001, 100_000);
        var readModels = (arguments.Optional("read-models") ?? "no") switch
        {
            "yes" => true,
            "no" => false,
            _ => throw new UsageException("Option --read-models must be yes or no."),
        };
        var slowest = arguments.Integer("slowest", 10, 0, 1_000);
        var verdictFile = arguments.Optional("verdict-file");
        arguments.RejectUnknownOptions();
        var today = GeneratedPlan.Today;

        Console.WriteLine($"== In-process: QuestionAnswerer.Ask against a generated {milestoneCount:N0}-milestone plan, today {today:yyyy-MM-dd} ==");
        var memoryBeforePlan = SettledMemory();
        var watch = Stopwatch.StartNew();
        var plan = GeneratedPlan.Create(milestoneCount);
        var generateMs = watch.Elapsed.TotalMilliseconds;
        var planBytes = SettledMemory() - memoryBeforePlan;

        // Cold: the first build includes JIT compilation, as the bot's first question after a start or an import does.
        watch.Restart();
        GC.KeepAlive(new PlanIndex(plan, "cold", UnitSynonyms.Default));
        var coldMs = watch.Elapsed.TotalMilliseconds;
        var memoryBeforeIndex = SettledMemory();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        var index = new PlanIndex(plan, "v1", UnitSynonyms.Default);
        var warmMs = watch.Elapsed.TotalMilliseconds;
        var indexAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var indexBytes = SettledMemory() - memoryBeforeIndex;
        GC.KeepAlive(index);

        Console.WriteLine($"Plan: {plan.Milestones.Count:N0} milestones ({plan.Milestones.Count(m => !m.Ref.Value.All(char.IsAsciiDigit)):N0} dotted or lettered refs), " +
            $"{index.People.Count:N0} people, {index.Units.Count(u => u.Kind == UnitKind.Team)} teams, {index.Units.Count(u => u.Kind == UnitKind.Department)} departments, " +
            $"{index.Units.Count(u => u.Kind == UnitKind.Programme)} programmes, {plan.Milestones.Count(m => m.CriticalPath):N0} on the critical path, " +
            $"{plan.Milestones.Count(m => !m.RevisedDue.IsBlank):N0} with revised dates, {plan.Exceptions.Count:N0} exception rows; " +
            $"generated in {generateMs:0} ms, {Mb(planBytes)} MB on the heap");
        Console.WriteLine($"  by status: {string.Join(", ", plan.Milestones.GroupBy(m => m.Status).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count():N0}"))}; " +
            $"overdue {plan.Milestones.Count(m => !m.IsFinished && m.EffectiveDue < today):N0}");
        Console.WriteLine($"PlanIndex build: {coldMs:0} ms cold (first build, with JIT), {warmMs:0} ms warm; " +
            $"index retains {Mb(indexBytes)} MB (allocated {Mb(indexAllocated)} MB while building)");

        var questions = QuestionSet.Generate(plan, questionCount, seed, out var typos);
        Report.Mix(questions, typos);
        Console.WriteLine(Report.MachineLoad());

        // Warm-up on a different question set of the same mix: JIT tiering and caches, without seeing the measured questions.
        var warmup = QuestionSet.Generate(plan, warmupCount, seed + 1_000_003);
        watch.Restart();
        for (var round = 0; round < 2; round++)
            foreach (var question in warmup)
                TryAsk(question, index, today, out _);
        Console.WriteLine($"Warm-up: {warmup.Count:N0} other questions twice in {watch.Elapsed.TotalSeconds:0.0} s");
        SettledMemory();
        await Task.Delay(200); // let tier-1 recompilation queued by the warm-up finish

        var ticks = new long[questions.Count];
        var allocated = new long[questions.Count];
        var kinds = new string[questions.Count];
        var found = new int[questions.Count];
        var failures = new List<(int Index, Exception Error)>();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var run = Stopwatch.StartNew();
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var answer = TryAsk(question, index, today, out var error);
            var end = Stopwatch.GetTimestamp();
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart;
            ticks[i] = end - start;
            kinds[i] = answer?.Kind.ToString() ?? "EXCEPTION";
            found[i] = answer?.Milestones.Count ?? 0;
            if (error is not null) failures.Add((i, error));
        }
        var runSeconds = run.Elapsed.TotalSeconds;
        var gcAfter = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var summary = LatencySummary.Of(ticks);

        Console.WriteLine();
        Console.WriteLine(Report.MachineLoad());
        Console.WriteLine($"QuestionAnswerer.Ask, each question timed on its own ({runSeconds:0.0} s for all, {questions.Count / runSeconds:N0} questions/s on one thread):");
        Console.WriteLine($"  {summary.Line()}");
        Console.WriteLine($"  allocated per question: mean {allocated.Average() / 1024:0.0} KB, max {allocated.Max() / 1024.0 / 1024:0.00} MB; " +
            $"GCs during the run: gen0 {gcAfter.Item1 - gcBefore.Item1}, gen1 {gcAfter.Item2 - gcBefore.Item2}, gen2 {gcAfter.Item3 - gcBefore.Item3}, " +
            $"pauses {(gcAfter.Item4 - gcBefore.Item4).TotalMilliseconds:0} ms in all");
        var kindTable = new TextTable(1, "answer kind", "count", "share");
        foreach (var group in kinds.GroupBy(k => k).OrderByDescending(g => g.Count()))
            kindTable.Add(group.Key, group.Count().ToString("N0", CultureInfo.InvariantCulture),
                (100.0 * group.Count() / kinds.Length).ToString("0.0", CultureInfo.InvariantCulture) + "%");
        Console.WriteLine("Answers by kind:");
        kindTable.Print();
        Report.ByGroup("By question category:", questions.Select(q => q.Category).ToList(), ticks,
            group => [AllocatedKb(group, allocated), TopKinds(group, kinds)], ["KB alloc", "answer kinds"]);
        Report.ByGroup("By answer kind:", kinds, ticks, group => [AllocatedKb(group, allocated), MeanFound(group, found)], ["KB alloc", "mean found"]);
        PrintSlowest(questions, ticks, kinds, found, slowest);

        // Where the time goes: reading the question and answering it (filtering, sorting, wording), timed apart.
        var readTicks = new long[questions.Count];
        var answerTicks = new long[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            QuestionReading reading;
            try
            {
                reading = QuestionReader.Read(questions[i].Text, index, today, questions[i].Asker);
            }
            catch (Exception)
            {
                readTicks[i] = Stopwatch.GetTimestamp() - start;
                continue; // reported with the first pass
            }
            var read = Stopwatch.GetTimestamp();
            QuestionAnswerer.Answer(reading, index, today);
            answerTicks[i] = Stopwatch.GetTimestamp() - read;
            readTicks[i] = read - start;
        }
        Console.WriteLine();
        Console.WriteLine("Where the time goes (a second pass, QuestionReader.Read and QuestionAnswerer.Answer timed apart):");
        Console.WriteLine($"  Read   {LatencySummary.Of(readTicks).Line()}");
        Console.WriteLine($"  Answer {LatencySummary.Of(answerTicks).Line()}");
        var sections = new TextTable(1, "category", "read p50", "read p95", "read max", "answer p50", "answer p95", "answer max");
        foreach (var group in Enumerable.Range(0, questions.Count).GroupBy(i => questions[i].Category).OrderByDescending(g => g.Count()))
        {
            var r = LatencySummary.Of(group.Select(i => readTicks[i]));
            var a = LatencySummary.Of(group.Select(i => answerTicks[i]));
            sections.Add(group.Key, LatencySummary.Ms(r.P50Ms), LatencySummary.Ms(r.P95Ms), LatencySummary.Ms(r.MaxMs),
                LatencySummary.Ms(a.P50Ms), LatencySummary.Ms(a.P95Ms), LatencySummary.Ms(a.MaxMs));
        }
        sections.Print();

        Console.WriteLine();
        var pass = summary.P95Ms < targetMs;
        Report.Verdict(verdictFile, pass,
            $"in-process QuestionAnswerer.Ask p95 {LatencySummary.Ms(summary.P95Ms)} ms (target < {targetMs:0.##} ms; p50 {LatencySummary.Ms(summary.P50Ms)}, " +
            $"p99 {LatencySummary.Ms(summary.P99Ms)}, max {LatencySummary.Ms(summary.MaxMs)} ms over {summary.Count:N0} questions)");

        if (failures.Count > 0)
        {
            Console.WriteLine($"{failures.Count:N0} QUESTIONS MADE THE ENGINE THROW (a user would get \"Sorry, something went wrong\" from the bot):");
            foreach (var group in failures.GroupBy(f => (Type: f.Error.GetType().Name, Where: Where(f.Error))))
            {
                var first = group.First();
                Console.WriteLine($"  {group.Count():N0} × {group.Key.Type} in {group.Key.Where}: {first.Error.Message}");
                foreach (var (i, _) in group.Take(5)) Console.WriteLine($"      {Report.Shown(questions[i].Text)}");
                foreach (var line in (first.Error.StackTrace ?? "").Split('\n').Take(4)) Console.WriteLine("      " + line.Trim());
            }
        }
        Report.Verdict(verdictFile, failures.Count == 0,
            $"in-process: {failures.Count:N0} of {questions.Count:N0} questions made QuestionAnswerer.Ask throw" +
            (failures.Count == 0 ? "" : $" (first: {failures[0].Error.GetType().Name} for {Report.Shown(questions[failures[0].Index].Text, 40)})"));
        if (failures.Count > 0) pass = false;

        if (readModels && !await ReadModelsAsync(plan, questions, warmup, today, targetMs, verdictFile)) pass = false;
        return pass ? 0 : 1;
    }

    /// <summary>The per-message path: PlanReadModels.GetAsync (a version check against Table storage) + Ask, sequentially.</summary>
    private static async Task<bool> ReadModelsAsync(Plan plan, List<BenchQuestion> questions, List<BenchQuestion> warmup, DateOnly today,
        double targetMs, string? verdictFile)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var storage = new ServiceCollection().AddPlanBotTableStorage(configuration).BuildServiceProvider();
        var store = storage.GetRequiredService<TablePlanStore>();
        Console.WriteLine();
        Console.WriteLine($"== In-process per-message path: PlanReadModels.GetAsync + Ask on TablePlanStore (tables {store.Tables.Plans}, …) ==");
        var readModels = new PlanReadModels(store, UnitSynonyms.Default);
        var watch = Stopwatch.StartNew();
        var first = await readModels.GetAsync(plan.Id);
        if (first is null || first.Milestones.Count != plan.Milestones.Count)
        {
            Report.Verdict(verdictFile, false, $"in-process read models: plan '{plan.Id}' is not in the store with {plan.Milestones.Count:N0} milestones " +
                $"(found {first?.Milestones.Count.ToString("N0", CultureInfo.InvariantCulture) ?? "none"}); run the store command first");
            return false;
        }
        Console.WriteLine($"First GetAsync (reads {first.Milestones.Count:N0} milestones from storage and builds the index): {watch.Elapsed.TotalMilliseconds:0} ms");

        foreach (var question in warmup.Take(500))
            TryAsk(question, (await readModels.GetAsync(plan.Id))!, today, out _);

        var ticks = new long[questions.Count];
        var getTicks = new long[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var index = await readModels.GetAsync(plan.Id);
            var got = Stopwatch.GetTimestamp();
            TryAsk(questions[i], index!, today, out _);
            var end = Stopwatch.GetTimestamp();
            ticks[i] = end - start;
            getTicks[i] = got - start;
        }
        var summary = LatencySummary.Of(ticks);
        Console.WriteLine($"GetAsync + Ask  {summary.Line()}");
        Console.WriteLine($"  GetAsync only {LatencySummary.Of(getTicks).Line()}");

        // The host makes two more storage calls per message before this path (PlanSelector: the plan list and the user's
        // chosen plan): each timed on its own here, to show what a message costs in storage round trips.
        var settings = storage.GetRequiredService<IUserSettingsStore>();
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("IPlanStore.ListPlansAsync (PlanSelector)", () => store.ListPlansAsync()),
            ("IUserSettingsStore.GetDefaultPlanAsync (PlanSelector)", () => settings.GetDefaultPlanAsync(TeamsMessage.TenantId, "b3e5c0de-0000-4000-8000-000000000000")),
            ("IPlanStore.GetSummaryAsync (PlanReadModels)", () => store.GetSummaryAsync(plan.Id)),
        };
        Console.WriteLine("Storage calls the host makes for every question, 2,000 of each timed one by one (the first 200 not counted):");
        foreach (var (name, call) in calls)
        {
            var callTicks = new long[2_000];
            for (var i = -200; i < callTicks.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await call();
                if (i >= 0) callTicks[i] = Stopwatch.GetTimestamp() - start;
            }
            Console.WriteLine($"  {name,-55} {LatencySummary.Of(callTicks).Line()}");
        }
        Report.Verdict(verdictFile, summary.P95Ms < targetMs,
            $"in-process per-message path (PlanReadModels.GetAsync on Azurite + Ask) p95 {LatencySummary.Ms(summary.P95Ms)} ms (target < {targetMs:0.##} ms; " +
            $"p50 {LatencySummary.Ms(summary.P50Ms)}, p99 {LatencySummary.Ms(summary.P99Ms)}, max {LatencySummary.Ms(summary.MaxMs)} ms)");
        return summary.P95Ms < targetMs;
    }

    /// <summary>The first frame of the exception's stack trace in PlanBot's own code.</summary>
    private static string Where(Exception error) =>
        (error.StackTrace ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at PlanBot.", StringComparison.Ordinal))?[3..] ?? "?";

    /// <summary>The answer, or null and the exception when the engine throws (counted and reported, not fatal to the run).</summary>
    private static Answer? TryAsk(BenchQuestion question, PlanIndex index, DateOnly today, out Exception? error)
    {
        try
        {
            error = null;
            return QuestionAnswerer.Ask(question.Text, index, today, question.Asker);
        }
        catch (Exception e)
        {
            error = e;
            return null;
        }
    }

    public static void PrintSlowest(IReadOnlyList<BenchQuestion> questions, long[] ticks, IReadOnlyList<string>? kinds, IReadOnlyList<int>? found, int count)
    {
        if (count == 0) return;
        Console.WriteLine($"Slowest {count}:");
        var table = new TextTable(3, "category", "kind", "question", "ms", "found");
        foreach (var i in Enumerable.Range(0, questions.Count).OrderByDescending(i => ticks[i]).Take(count))
            table.Add(questions[i].Category, kinds?[i] ?? "-", Report.Shown(questions[i].Text, 60), LatencySummary.Ms(LatencySummary.ToMs(ticks[i])),
                found?[i].ToString("N0", CultureInfo.InvariantCulture) ?? "-");
        table.Print();
    }

    private static string AllocatedKb(IEnumerable<int> group, long[] allocated) =>
        (group.Average(i => allocated[i]) / 1024).ToString("0.0", CultureInfo.InvariantCulture);

    private static string MeanFound(IEnumerable<int> group, int[] found) => group.Average(i => found[i]).ToString("0", CultureInfo.InvariantCulture);

    private static string TopKinds(IEnumerable<int> group, string[] kinds) =>
        string.Join(", ", group.GroupBy(i => kinds[i]).OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Key} {g.Count()}"));

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
