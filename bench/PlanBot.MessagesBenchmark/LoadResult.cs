using System.Text.Json;

namespace PlanBot.MessagesBenchmark;

/// <summary>One measured load run, as printed and as written to --result-file for <see cref="ReportCommand"/>.</summary>
internal sealed record LoadResult
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string Label { get; init; }
    public required string Url { get; init; }
    public required string Expect { get; init; }
    public required bool Authenticated { get; init; }
    public required int Concurrency { get; init; }
    public required double WarmupSeconds { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required long Requests { get; init; }
    public required long Errors { get; init; }
    public required long WarmupRequests { get; init; }
    public required long WarmupErrors { get; init; }
    public string? FirstError { get; init; }
    public required double RequestsPerSecond { get; init; }
    public required double MeanMs { get; init; }
    public required double P50Ms { get; init; }
    public required double P90Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double MaxMs { get; init; }
    /// <summary>CPU time of the server process during the measured window, per request (µs); null without --server-pid.</summary>
    public double? ServerCpuMicrosecondsPerRequest { get; init; }
    /// <summary>Cores' worth of CPU the server used during the window (1.0 = one core all the time).</summary>
    public double? ServerCores { get; init; }
    /// <summary>CPU time of the storage emulator during the window, per request (µs); null without --storage-pid.</summary>
    public double? StorageCpuMicrosecondsPerRequest { get; init; }
    /// <summary>CPU time of this load generator during the window, per request (µs).</summary>
    public required double ClientCpuMicrosecondsPerRequest { get; init; }
    /// <summary>How busy the whole machine was during the window, 0-100 (all cores).</summary>
    public double? MachineBusyPercent { get; init; }

    /// <summary>The server side's CPU per request: the host plus the storage it drives (µs); null when not measured.</summary>
    public double? ServerSideCpuMicrosecondsPerRequest =>
        ServerCpuMicrosecondsPerRequest is { } server ? server + (StorageCpuMicrosecondsPerRequest ?? 0) : null;
}
