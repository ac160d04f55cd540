using System.Diagnostics;
using System.Globalization;
using System.Text;
using PlanBot.MessagesBenchmark;

namespace PlanBot.QuestionsBenchmark;

/// <summary>Count, mean and nearest-rank percentiles of a set of Stopwatch tick durations, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary Of(IEnumerable<long> ticks)
    {
        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        var count = sorted.Length;
        if (count == 0) return new LatencySummary(0, 0, 0, 0, 0, 0);
        // Nearest rank, as the /api/messages benchmark reports them: the smallest value with at least p of the values at or below it.
        double Percentile(double fraction) => ToMs(sorted[Math.Clamp((int)Math.Ceiling(fraction * count) - 1, 0, count - 1)]);
        return new LatencySummary(count, ToMs(sorted.Sum() / (double)count), Percentile(0.50), Percentile(0.95), Percentile(0.99), ToMs(sorted[^1]));
    }

    public static double ToMs(double ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public string Line() => $"count {Count:N0}, mean {Ms(MeanMs)} ms, p50 {Ms(P50Ms)} ms, p95 {Ms(P95Ms)} ms, p99 {Ms(P99Ms)} ms, max {Ms(MaxMs)} ms";

    public static string Ms(double value) => value.ToString(value < 1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);
}

internal static class Report
{
    /// <summary>Figures per question category (and any other grouping): count, p50, p95, p99, max, and extra columns.</summary>
    public static void ByGroup<TKey>(string heading, IReadOnlyList<TKey> keys, IReadOnlyList<long> ticks,
        Func<IEnumerable<int>, string[]>? extra = null, string[]? extraHeaders = null) where TKey : notnull
    {
        Console.WriteLine(heading);
        var table = new TextTable(1, ["group", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", .. extraHeaders ?? []]);
        foreach (var group in Enumerable.Range(0, keys.Count).GroupBy(i => keys[i]).OrderByDescending(g => g.Count()))
        {
            var summary = LatencySummary.Of(group.Select(i => ticks[i]));
            table.Add([group.Key.ToString()!, summary.Count.ToString("N0", CultureInfo.InvariantCulture), LatencySummary.Ms(summary.P50Ms),
                LatencySummary.Ms(summary.P95Ms), LatencySummary.Ms(summary.P99Ms), LatencySummary.Ms(summary.MaxMs), .. extra?.Invoke(group) ?? []]);
        }
        table.Print();
    }

    /// <summary>Appends a PASS/FAIL line to the verdict file the script prints at the end, and prints it now.</summary>
    public static void Verdict(string? verdictFile, bool pass, string text)
    {
        var line = $"{(pass ? "PASS" : "FAIL")}: {text}";
        Console.WriteLine(line);
        if (verdictFile is not null) File.AppendAllText(verdictFile, line + Environment.NewLine);
    }

    /// <summary>
    /// The machine's load average (runnable processes, 1/5/15 min) against its cores: on a shared machine other work
    /// competes with the benchmark, and the figures are only as good as the machine was quiet.
    /// </summary>
    public static string MachineLoad()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"Machine load average {fields[0]} / {fields[1]} / {fields[2]} (1/5/15 min) on {Environment.ProcessorCount} cores";
        }
        catch (IOException)
        {
            return $"Machine load average unknown ({Environment.ProcessorCount} cores)";
        }
    }

    /// <summary>A question as one printable line: control characters escaped, long text cut with its length shown.</summary>
    public static string Shown(string text, int width = 70)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > width ? text[..width] : text)
            builder.Append(char.IsControl(c) || c is '\u200b' ? $"\\u{(int)c:x4}" : c.ToString());
        if (text.Length > width) builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length:N0} chars)");
        return builder.ToString();
    }

    public static void Mix(IReadOnlyList<BenchQuestion> questions, int typos)
    {
        Console.WriteLine($"Question mix ({questions.Count:N0} questions, {typos:N0} with a one-letter typo in a name, team or title word):");
        var table = new TextTable(1, "category", "count", "share", "example");
        foreach (var (category, _) in QuestionSet.Mix)
        {
            var these = questions.Where(q => q.Category == category).ToList();
            if (these.Count == 0) continue;
            table.Add(category, these.Count.ToString("N0", CultureInfo.InvariantCulture),
                (100.0 * these.Count / questions.Count).ToString("0.0", CultureInfo.InvariantCulture) + "%", Shown(these[0].Text, 60));
        }
        table.Print();
        var longest = questions.Max(q => q.Text.Length);
        Console.WriteLine($"  longest question {longest:N0} chars; {questions.Count(q => q.Text.Length > 500):N0} over 500 chars; " +
            $"{questions.Count(q => q.Text.Any(c => c > 0x2000)):N0} with emoji or other non-Latin text; {questions.Count(q => q.Text.Contains('<')):N0} with HTML");
    }
}
