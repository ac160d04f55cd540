using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace PlanBot.DigestSweepBenchmark;

/// <summary>
/// Counts the HTTP requests this process makes, by server port, from .NET's own <c>http.client.request.duration</c>
/// metric: every storage request the Azure SDK makes (retries too), without touching the storage code.
/// </summary>
internal sealed class HttpRequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<int, long> _byPort = new();

    public HttpRequestCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key != "server.port" || tag.Value is null) continue;
                _byPort.AddOrUpdate(Convert.ToInt32(tag.Value, CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                return;
            }
        });
        _listener.Start();
    }

    /// <summary>Requests completed so far to the server on <paramref name="port"/>.</summary>
    public long To(int port) => _byPort.GetValueOrDefault(port);

    public void Dispose() => _listener.Dispose();
}
