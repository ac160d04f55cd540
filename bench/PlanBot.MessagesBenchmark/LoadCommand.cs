using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PlanBot.MessagesBenchmark;

/// <summary>
/// Drives POST /api/messages from this (second) process: N workers, each sending its next activity as soon as the
/// previous answer is in, over one shared HttpClient. After the warm-up, every request's latency is recorded and every
/// answer is checked; the CPU time the server process (and storage) used in the same window is read from /proc.
/// </summary>
internal static class LoadCommand
{
    public const string Usage =
        "load URL [--concurrency 16] [--duration 10] [--warmup 2] [--expect bot|bare] [--token-file PATH] [--text help] " +
        "[--app-id ID] [--service-url URL] [--server-pid PID] [--storage-pid PID] [--clock-ticks 100] [--label NAME] [--result-file PATH]";

    public const string DefaultAppId = "3f1b7c52-6a0e-4c8e-9d3a-b3e5c0ffee01";
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/emea/";

    // Room for 200,000 requests a second (far beyond what two cores serve over HTTP), up to 256 MB of latencies; a run
    // that fills the buffer fails rather than report figures for part of its requests.
    private const int LatencyCapacityPerSecond = 200_000;
    private const int MaxLatencyCapacity = 32 * 1024 * 1024;

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        if (arguments.Positional.Count != 1 || !Uri.TryCreate(arguments.Positional[0], UriKind.Absolute, out var url))
            throw new UsageException("load needs the URL of the endpoint, e.g. http://127.0.0.1:3978/api/messages.");
        var concurrency = arguments.Integer("concurrency", 16, 1, 1024);
        var duration = arguments.Number("duration", 10, 0.5, 600);
        var warmup = arguments.Number("warmup", 2, 0, 600);
        var expected = AnswerCheck.Parse(arguments.Optional("expect") ?? "bot");
        var tokenFile = arguments.Optional("token-file");
        var text = arguments.Optional("text") ?? "help";
        var appId = arguments.Optional("app-id") ?? DefaultAppId;
        var serviceUrl = arguments.Optional("service-url") ?? DefaultServiceUrl;
        var serverPid = arguments.OptionalInteger("server-pid", 1, int.MaxValue);
        var storagePid = arguments.OptionalInteger("storage-pid", 1, int.MaxValue);
        var clockTicks = arguments.Integer("clock-ticks", 100, 1, 1_000_000);
        var label = arguments.Optional("label") ?? url.Authority;
        var resultFile = arguments.Optional("result-file");
        arguments.RejectUnknownOptions();

        // Read once: the channel signs one token for the whole run, as Teams reuses a token until it nears expiry.
        var authorization = tokenFile is null ? null : "Bearer " + (await File.ReadAllTextAsync(tokenFile)).Trim();
        var bodies = Enumerable.Range(0, concurrency).Select(worker => TeamsMessage.Create(worker, appId, serviceUrl, text)).ToArray();

        using var client = new HttpClient(new SocketsHttpHandler
        {
            // One connection per worker, kept for the whole run, as a channel keeps its connections to a bot open.
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = TimeSpan.FromSeconds(30) };

        var run = new LoadRun(client, url, bodies, authorization, expected,
            capacity: (int)Math.Min(MaxLatencyCapacity, Math.Ceiling(duration * LatencyCapacityPerSecond)));
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(() => run.WorkAsync(worker))).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var before = Snapshot.Take(serverPid, storagePid);
        run.StartMeasuring(Stopwatch.GetTimestamp(), TimeSpan.FromSeconds(duration));
        await Task.WhenAll(workers);
        var after = Snapshot.Take(serverPid, storagePid);

        var result = run.Summarise(before, after, clockTicks, label, url, concurrency, warmup, authorization is not null, expected);
        Print(result);
        if (resultFile is not null)
            await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, LoadResult.JsonOptions));

        if (run.Overflowed > 0)
        {
            Console.Error.WriteLine($"load: {run.Overflowed:N0} latencies did not fit the buffer; the figures are incomplete.");
            return 4;
        }
        if (serverPid is not null && result.ServerCpuMicrosecondsPerRequest is null)
        {
            Console.Error.WriteLine($"load: could not read the CPU time of server process {serverPid}; has it exited?");
            return 4;
        }
        if (result.Errors + result.WarmupErrors > 0)
        {
            Console.Error.WriteLine($"load: {result.Errors + result.WarmupErrors:N0} answers were wrong (first: {result.FirstError}); the figures do not measure the endpoint.");
            return 3;
        }
        return 0;
    }

    private static void Print(LoadResult result)
    {
        static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"{result.Label}: {result.Url} ({result.Expect}{(result.Authenticated ? ", with channel token" : "")}), " +
            $"{result.Concurrency} workers, {result.ElapsedSeconds:0.0} s after {result.WarmupSeconds:0.#} s warm-up");
        Console.WriteLine($"  requests {result.Requests:N0}, errors {result.Errors:N0} (warm-up {result.WarmupRequests:N0}, errors {result.WarmupErrors:N0}), " +
            $"throughput {result.RequestsPerSecond:N0} req/s");
        Console.WriteLine($"  latency ms: mean {Ms(result.MeanMs)}, p50 {Ms(result.P50Ms)}, p90 {Ms(result.P90Ms)}, p99 {Ms(result.P99Ms)}, max {Ms(result.MaxMs)}");
        var server = result.ServerCpuMicrosecondsPerRequest is { } cpu
            ? $"server {cpu:0.0} µs/request ({result.ServerCores:0.00} cores)" : "server not measured";
        var storage = result.StorageCpuMicrosecondsPerRequest is { } storageCpu ? $", storage {storageCpu:0.0} µs/request" : "";
        var machine = result.MachineBusyPercent is { } busy ? $", machine {busy:0}% busy" : "";
        Console.WriteLine($"  CPU: {server}{storage}, load generator {result.ClientCpuMicrosecondsPerRequest:0.0} µs/request{machine}");
        if (result.FirstError is not null) Console.WriteLine($"  first error: {result.FirstError}");
    }
}

/// <summary>CPU counters at one moment, to subtract.</summary>
internal sealed record Snapshot(long Timestamp, long? ServerTicks, long? StorageTicks, TimeSpan ClientCpu, (long Busy, long Total)? Machine)
{
    public static Snapshot Take(int? serverPid, int? storagePid)
    {
        using var self = Process.GetCurrentProcess();
        return new Snapshot(Stopwatch.GetTimestamp(),
            serverPid is { } server ? CpuUsage.ProcessTicks(server) : null,
            storagePid is { } storage ? CpuUsage.ProcessTicks(storage) : null,
            self.TotalProcessorTime,
            CpuUsage.MachineTicks());
    }
}

/// <summary>The shared state of the workers: what to send, when the measured window is, and what was recorded in it.</summary>
internal sealed class LoadRun(HttpClient client, Uri url, byte[][] bodies, string? authorization, ExpectedAnswer expected, int capacity)
{
    private readonly long[] _latencyTicks = new long[capacity]; // preallocated so recording allocates nothing
    private long _measureStart = long.MaxValue;
    private long _measureEnd = long.MaxValue;
    private int _recorded;
    private long _errors;
    private long _warmupRequests;
    private long _warmupErrors;
    private long _overflowed;
    private string? _firstError;

    public long Overflowed => Interlocked.Read(ref _overflowed);

    /// <summary>From now, requests are recorded; after <paramref name="duration"/> the workers stop sending.</summary>
    public void StartMeasuring(long now, TimeSpan duration)
    {
        Volatile.Write(ref _measureStart, now);
        Volatile.Write(ref _measureEnd, now + (long)(duration.TotalSeconds * Stopwatch.Frequency));
    }

    public async Task WorkAsync(int worker)
    {
        var body = bodies[worker];
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= Volatile.Read(ref _measureEnd)) return;

            HttpStatusCode status = 0;
            byte[]? answer = null;
            string? failure = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
                if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                status = response.StatusCode;
                answer = await response.Content.ReadAsByteArrayAsync();
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
            {
                failure = $"{error.GetType().Name}: {error.Message}";
            }
            var end = Stopwatch.GetTimestamp();
            // Checked after the clock stops: the load generator's own parsing is not the server's latency.
            failure ??= AnswerCheck.FindProblem(expected, status, answer!);

            if (start < Volatile.Read(ref _measureStart))
            {
                Interlocked.Increment(ref _warmupRequests);
                if (failure is not null) RecordError(ref _warmupErrors, failure);
                continue;
            }
            var index = Interlocked.Increment(ref _recorded) - 1;
            if (index < _latencyTicks.Length) _latencyTicks[index] = end - start;
            else Interlocked.Increment(ref _overflowed);
            if (failure is not null) RecordError(ref _errors, failure);
        }
    }

    private void RecordError(ref long counter, string failure)
    {
        Interlocked.Increment(ref counter);
        Interlocked.CompareExchange(ref _firstError, failure, null);
    }

    public LoadResult Summarise(Snapshot before, Snapshot after, int clockTicksPerSecond, string label, Uri target, int concurrency,
        double warmupSeconds, bool authenticated, ExpectedAnswer expect)
    {
        var count = Math.Min(_recorded, _latencyTicks.Length);
        var sorted = _latencyTicks.AsSpan(0, count).ToArray();
        Array.Sort(sorted);
        double Percentile(double fraction) => count == 0 ? 0 : ToMs(sorted[Math.Clamp((int)Math.Ceiling(fraction * count) - 1, 0, count - 1)]);

        var requests = (long)_recorded;
        var elapsedSeconds = (double)(after.Timestamp - Volatile.Read(ref _measureStart)) / Stopwatch.Frequency;
        double? PerRequestMicroseconds(long? ticksBefore, long? ticksAfter) =>
            ticksBefore is { } b && ticksAfter is { } a && requests > 0 ? (a - b) * 1e6 / clockTicksPerSecond / requests : null;

        return new LoadResult
        {
            Label = label,
            Url = target.ToString(),
            Expect = expect.ToString().ToLowerInvariant(),
            Authenticated = authenticated,
            Concurrency = concurrency,
            WarmupSeconds = warmupSeconds,
            ElapsedSeconds = elapsedSeconds,
            Requests = requests,
            Errors = _errors,
            WarmupRequests = _warmupRequests,
            WarmupErrors = _warmupErrors,
            FirstError = _firstError,
            RequestsPerSecond = requests / elapsedSeconds,
            MeanMs = count == 0 ? 0 : ToMs((long)sorted.Average()),
            P50Ms = Percentile(0.50),
            P90Ms = Percentile(0.90),
            P99Ms = Percentile(0.99),
            MaxMs = count == 0 ? 0 : ToMs(sorted[^1]),
            ServerCpuMicrosecondsPerRequest = PerRequestMicroseconds(before.ServerTicks, after.ServerTicks),
            ServerCores = before.ServerTicks is { } serverBefore && after.ServerTicks is { } serverAfter
                ? (serverAfter - serverBefore) / (double)clockTicksPerSecond / elapsedSeconds : null,
            StorageCpuMicrosecondsPerRequest = PerRequestMicroseconds(before.StorageTicks, after.StorageTicks),
            ClientCpuMicrosecondsPerRequest = requests == 0 ? 0 : (after.ClientCpu - before.ClientCpu).TotalMicroseconds / requests,
            MachineBusyPercent = before.Machine is { } machineBefore && after.Machine is { } machineAfter && machineAfter.Total > machineBefore.Total
                ? 100.0 * (machineAfter.Busy - machineBefore.Busy) / (machineAfter.Total - machineBefore.Total) : null,
        };
    }

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
