using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanBot.Core.Questions;
using PlanBot.MessagesBenchmark;

namespace PlanBot.QuestionsBenchmark;

/// <summary>
/// The questions through the real web host: each one POSTed to /api/messages as a Teams message activity with deliveryMode
/// expectReplies, from N workers (each its own user and chat, sending its next question when the last answer is in), over
/// loopback. Every response must be 200 with at least one message reply and no apology for a failed turn; where the
/// question is plain text (nothing the host's message cleaning would change), the reply's text must also be the answer this
/// process's own engine gives, which proves the host answered from the stored plan with the same "today".
/// </summary>
internal static class HttpCommand
{
    public const string Usage =
        "http URL [--concurrency 4] [--milestones 10000] [--questions 10000] [--seed 1] [--warmup 1000] [--target-ms 50] " +
        "[--server-pid PID] [--storage-pid PID] [--clock-ticks 100] [--label NAME] [--slowest 10] [--verdict-file PATH]";

    private const string AppId = LoadCommand.DefaultAppId;
    private const string ServiceUrl = LoadCommand.DefaultServiceUrl;
    private const string TurnFailed = "Sorry, something went wrong";

    // Commands the host answers itself before the question engine (src/PlanBot.Web/Bot/Intents/PlansIntent.cs).
    private static readonly HashSet<string> HostCommands = new(StringComparer.Ordinal) { "plans", "list plans", "which plans", "what plans" };

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        if (arguments.Positional.Count != 1 || !Uri.TryCreate(arguments.Positional[0], UriKind.Absolute, out var url))
            throw new UsageException("http needs the URL of the endpoint, e.g. http://127.0.0.1:5330/api/messages.");
        var concurrency = arguments.Integer("concurrency", 4, 1, 256);
        var milestoneCount = arguments.Integer("milestones", 10_000, 1, 100_000);
        var questionCount = arguments.Integer("questions", 10_000, 1, 1_000_000);
        var seed = arguments.Integer("seed", 1, 0, int.MaxValue);
        var warmupCount = arguments.Integer("warmup", 1_000, 0, 1_000_000);
        var targetMs = arguments.Number("target-ms", 50, 0.001, 100_000);
        var serverPid = arguments.OptionalInteger("server-pid", 1, int.MaxValue);
        var storagePid = arguments.OptionalInteger("storage-pid", 1, int.MaxValue);
        var clockTicks = arguments.Integer("clock-ticks", 100, 1, 1_000_000);
        var label = arguments.Optional("label") ?? $"{concurrency} worker{(concurrency == 1 ? "" : "s")}";
        var slowest = arguments.Integer("slowest", 10, 0, 1_000);
        var verdictFile = arguments.Optional("verdict-file");
        arguments.RejectUnknownOptions();

        var today = GeneratedPlan.Today;
        var plan = GeneratedPlan.Create(milestoneCount);
        var index = new PlanIndex(plan, "expected", UnitSynonyms.Default);
        var questions = QuestionSet.Generate(plan, questionCount, seed, out var typos);
        var warmup = QuestionSet.Generate(plan, warmupCount, seed + 1_000_003);
        Console.WriteLine($"== HTTP ({label}): POST {url} with deliveryMode expectReplies, {questions.Count:N0} questions, {concurrency} concurrent worker(s) ==");
        Report.Mix(questions, typos);
        Console.WriteLine(Report.MachineLoad());

        var watch = Stopwatch.StartNew();
        var requests = Prepare(questions, concurrency, index, today);
        var warmupRequests = Prepare(warmup, concurrency, index, today);
        Console.WriteLine($"Prepared the activities and the engine's own answers in {watch.Elapsed.TotalSeconds:0.0} s " +
            $"({requests.Count(r => r.Expected is not null):N0} of {requests.Length:N0} replies will be compared word for word)");

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            // The first question after a start loads and indexes the whole plan from storage.
            Timeout = TimeSpan.FromMinutes(2),
        };

        // First, one question whose answer shows the host reads the generated plan, not another.
        var probe = requests.FirstOrDefault(r => r.Question.Category == "owner-of-ref" && r.Expected is not null) ?? requests[0];
        watch.Restart();
        var probeResult = await SendAsync(client, url, probe);
        Console.WriteLine($"First request ({probeResult.Problem ?? "ok"}) in {watch.Elapsed.TotalMilliseconds:0} ms: {Report.Shown(probe.Question.Text)} → " +
            Report.Shown(probeResult.FirstText ?? "(no reply)", 100));
        if (probeResult.Problem is not null)
        {
            Report.Verdict(verdictFile, false, $"http ({label}): the first request failed: {probeResult.Problem}");
            return 1;
        }

        watch.Restart();
        var warm = await RunAllAsync(client, url, warmupRequests, concurrency);
        Console.WriteLine($"Warm-up: {warmupRequests.Length:N0} other questions in {watch.Elapsed.TotalSeconds:0.0} s, {warm.Failures:N0} failed" +
            (warm.FirstFailure is null ? "" : $" (first: {warm.FirstFailure})"));

        var before = Snapshot.Take(serverPid, storagePid);
        var measured = await RunAllAsync(client, url, requests, concurrency);
        var after = Snapshot.Take(serverPid, storagePid);
        var elapsed = (after.Timestamp - before.Timestamp) / (double)Stopwatch.Frequency;

        var summary = LatencySummary.Of(measured.Ticks);
        Console.WriteLine();
        Console.WriteLine(Report.MachineLoad());
        Console.WriteLine($"POST /api/messages, {concurrency} worker(s): {requests.Length:N0} requests in {elapsed:0.0} s ({requests.Length / elapsed:N0} req/s)");
        Console.WriteLine($"  latency {summary.Line()}");
        Console.WriteLine($"  responses: {requests.Length - measured.Failures:N0} good, {measured.Failures:N0} FAILED; {measured.WithCard:N0} with an Adaptive Card, " +
            $"{measured.Replies:N0} reply activities in all; {measured.Compared:N0} replies compared with the engine's answer, {measured.Mismatches:N0} different");
        var perRequest = (long? a, long? b) => a is { } x && b is { } y ? (y - x) * 1e6 / clockTicks / requests.Length : (double?)null;
        var server = perRequest(before.ServerTicks, after.ServerTicks);
        var storage = perRequest(before.StorageTicks, after.StorageTicks);
        var clientCpu = (after.ClientCpu - before.ClientCpu).TotalMicroseconds / requests.Length;
        var machine = before.Machine is { } m0 && after.Machine is { } m1 && m1.Total > m0.Total ? 100.0 * (m1.Busy - m0.Busy) / (m1.Total - m0.Total) : (double?)null;
        Console.WriteLine($"  CPU per request: web host {Micro(server)} µs, Azurite {Micro(storage)} µs, this load generator {clientCpu:0} µs; " +
            $"machine {(machine is { } busy ? busy.ToString("0", CultureInfo.InvariantCulture) + "%" : "-")} busy ({Environment.ProcessorCount} cores)");
        Report.ByGroup("By question category:", questions.Select(q => q.Category).ToList(), measured.Ticks);
        InProcessCommand.PrintSlowest(questions, measured.Ticks, null, null, slowest);
        foreach (var failure in measured.Failed.GroupBy(f => f.Kind).SelectMany(g => g.OrderBy(f => f.Index).Take(3)))
            Console.WriteLine($"  FAILED ({failure.Kind}): {Report.Shown(requests[failure.Index].Question.Text)}: {failure.Problem}");

        Console.WriteLine();
        var fast = summary.P95Ms < targetMs;
        Report.Verdict(verdictFile, fast,
            $"http /api/messages, {label}: p95 {LatencySummary.Ms(summary.P95Ms)} ms (target < {targetMs:0.##} ms; p50 {LatencySummary.Ms(summary.P50Ms)}, " +
            $"p99 {LatencySummary.Ms(summary.P99Ms)}, max {LatencySummary.Ms(summary.MaxMs)} ms over {requests.Length:N0} requests)");
        var correct = measured.Failures == 0 && warm.Failures == 0;
        var warmFailures = warm.Failures == 0 ? "" : $"; and {warm.Failures:N0} of the {warmupRequests.Length:N0} warm-up responses FAILED (first: {warm.FirstFailure})";
        Report.Verdict(verdictFile, correct, correct
            ? $"http /api/messages, {label}: all {requests.Length:N0} responses 200 with a message reply, no failed turn, " +
              $"{measured.Compared:N0} of {measured.Compared:N0} plain questions answered exactly as the engine answers them"
            : $"http /api/messages, {label}: {measured.Failures:N0} of {requests.Length:N0} RESPONSES FAILED: {measured.Count("http"):N0} not 200 with a message reply, " +
              $"{measured.Count("turn"):N0} failed turns (\"{TurnFailed}…\"), {measured.Count("answer"):N0} of {measured.Compared:N0} compared answers wrong " +
              (measured.Failures == 0 ? "" : $"(first: {Report.Shown(requests[measured.Failed.MinBy(f => f.Index).Index].Question.Text, 40)}: {measured.FirstFailure})") +
              warmFailures);
        var pass = fast && correct;
        return pass ? 0 : 1;
    }

    /// <param name="Expected">The reply texts that are right for this question; null when it is not compared.</param>
    private sealed record Request(BenchQuestion Question, int Worker, byte[] Body, string[]? Expected);

    /// <summary>The activity for each question (question i goes to worker i mod N) and, for plain text, the reply text to expect.</summary>
    private static Request[] Prepare(List<BenchQuestion> questions, int concurrency, PlanIndex index, DateOnly today) =>
        [.. questions.Select((question, i) =>
        {
            var worker = i % concurrency;
            var body = TeamsMessage.Create(worker, AppId, ServiceUrl, question.Text);
            var from = $"Bench User {worker}";
            if (question.Asker is not null)
            {
                var activity = JsonNode.Parse(body)!.AsObject();
                activity["from"]!["name"] = question.Asker;
                body = Encoding.UTF8.GetBytes(activity.ToJsonString());
                from = question.Asker;
            }
            return new Request(question, worker, body, ExpectedReply(question.Text, index, today, from));
        })];

    /// <summary>
    /// The reply text the host sends for a plain question, from this process's engine; null when not comparable. For help
    /// and questions not understood the host may word the message line itself, so either wording is right.
    /// </summary>
    private static string[]? ExpectedReply(string text, PlanIndex index, DateOnly today, string from)
    {
        if (text.Length is 0 or > 1000 || text != text.Trim() || text.Contains("  ", StringComparison.Ordinal)
            || text.Any(c => char.IsControl(c) || c is '<' or '>' or '&')
            || HostCommands.Contains(text.TrimEnd('?', '!', '.', ' ').ToLowerInvariant()))
            return null;
        Answer answer;
        try
        {
            answer = QuestionAnswerer.Ask(text, index, today, from);
        }
        catch (Exception)
        {
            return null; // the host's turn fails too, and its apology is counted as a failure
        }
        return answer.Kind switch
        {
            QuestionKind.Help => ["Here is what I can do.", answer.Text],
            QuestionKind.NotUnderstood => ["Sorry, I didn't understand that.", answer.Text],
            QuestionKind.UsePlan => null,
            _ => [answer.Text],
        };
    }

    private sealed class Run(int count)
    {
        public long[] Ticks { get; } = new long[count];
        /// <param name="Kind">"http" (not 200, no body, no message reply), "turn" (the bot apologised for a failed turn) or "answer" (wrong text).</param>
        public List<(int Index, string Kind, string Problem)> Failed { get; } = [];
        public int Count(string kind) => Failed.Count(f => f.Kind == kind);
        public int Failures => Failed.Count;
        public string? FirstFailure => Failed.Count == 0 ? null : Failed.MinBy(f => f.Index).Problem;
        public long Replies;
        public long WithCard;
        public long Compared;
        public long Mismatches;
    }

    private static async Task<Run> RunAllAsync(HttpClient client, Uri url, Request[] requests, int concurrency)
    {
        var run = new Run(requests.Length);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < requests.Length; i += concurrency)
            {
                var result = await SendAsync(client, url, requests[i]);
                run.Ticks[i] = result.Ticks;
                Interlocked.Add(ref run.Replies, result.Replies);
                if (result.HasCard) Interlocked.Increment(ref run.WithCard);
                if (result.Compared) Interlocked.Increment(ref run.Compared);
                var problem = result.Problem;
                var kind = result.TurnFailed ? "turn" : "http";
                if (problem is null && result.Compared && !requests[i].Expected!.Contains(result.FirstText))
                {
                    Interlocked.Increment(ref run.Mismatches);
                    kind = "answer";
                    problem = $"the reply differs from the engine's answer: got \"{Report.Shown(result.FirstText ?? "", 160)}\", " +
                        $"expected \"{Report.Shown(requests[i].Expected![^1], 160)}\"";
                }
                if (problem is not null)
                    lock (run.Failed) run.Failed.Add((i, kind, problem));
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return run;
    }

    private sealed record Result(long Ticks, string? Problem, string? FirstText, int Replies, bool HasCard, bool Compared, bool TurnFailed = false);

    /// <summary>Sends one activity; the clock covers the request and reading the whole response, not checking it.</summary>
    private static async Task<Result> SendAsync(HttpClient client, Uri url, Request request)
    {
        HttpStatusCode status = 0;
        byte[] body = [];
        string? failure = null;
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(request.Body) };
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync();
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            failure = $"{error.GetType().Name}: {error.Message}";
        }
        var ticks = Stopwatch.GetTimestamp() - start;
        if (failure is not null) return new Result(ticks, failure, null, 0, false, false);
        if (status != HttpStatusCode.OK) return new Result(ticks, $"HTTP {(int)status}: {Excerpt(body)}", null, 0, false, false);

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
                return new Result(ticks, $"no activities in the body: {Excerpt(body)}", null, 0, false, false);
            string? firstText = null;
            var replies = 0;
            var hasCard = false;
            foreach (var activity in activities.EnumerateArray())
            {
                if (activity.ValueKind != JsonValueKind.Object || !activity.TryGetProperty("type", out var type) || !type.ValueEquals("message")) continue;
                replies++;
                var text = activity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                firstText ??= text ?? "";
                if (text?.StartsWith(TurnFailed, StringComparison.Ordinal) == true)
                    return new Result(ticks, $"the bot's turn failed: \"{text}\"", text, replies, false, false, TurnFailed: true);
                if (activity.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array && attachments.GetArrayLength() > 0)
                    hasCard = true;
            }
            if (replies == 0) return new Result(ticks, $"no message among the replies: {Excerpt(body)}", null, 0, false, false);
            return new Result(ticks, null, firstText, replies, hasCard, request.Expected is not null);
        }
        catch (JsonException)
        {
            return new Result(ticks, $"the body is not JSON: {Excerpt(body)}", null, 0, false, false);
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return text.Length == 0 ? "(empty body)" : text + (body.Length > 300 ? "…" : "");
    }

    private static string Micro(double? value) => value?.ToString("0", CultureInfo.InvariantCulture) ?? "-";
}
