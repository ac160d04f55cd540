using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace PlanBot.Testing;

/// <summary>
/// A private, in-memory Azurite Table service on a free loopback port, for one test class or collection.
/// Each test assembly declares the collection once:
/// <code>[CollectionDefinition(AzuriteFixture.Collection)] public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt;;</code>
/// and gives each test its own tables with <see cref="TestTablePrefix.New"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string Collection = "Azurite";
    public const string AccountName = "devstoreaccount1";

    // The well-known development storage key, published by Microsoft; not a secret.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private const int MaxOutputLines = 200;

    private readonly Queue<string> _output = new();
    private Process? _process;

    public int Port { get; private set; }

    public string TableEndpoint => $"http://127.0.0.1:{Port}/{AccountName}";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Path;
        var executable = await AzuriteTools.EnsureInstalledAsync(root).ConfigureAwait(false);

        // The free port can be taken between finding it and Azurite binding it; try a fresh one a few times.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            _process = Start(executable, Port);
            AppDomain.CurrentDomain.ProcessExit += KillOnExit;
            if (await WaitUntilListeningAsync(_process, Port).ConfigureAwait(false)) return;

            var output = Output();
            Stop();
            if (attempt == 3)
                throw new InvalidOperationException($"Azurite ({executable}) exited before listening on 127.0.0.1:{Port}. Its output:{Environment.NewLine}{output}");
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    private Process Start(string executable, int port)
    {
        var start = new ProcessStartInfo(executable)
        {
            // Anything Azurite writes to its working folder lands outside the repository.
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start Azurite ({executable}): {e.Message}. Is Node.js 20+ on PATH?", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> WaitUntilListeningAsync(Process process, int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited) return false;
            using var client = new TcpClient();
            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        var output = Output();
        Stop();
        throw new TimeoutException($"Azurite did not accept connections on 127.0.0.1:{port} within {StartTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{output}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > MaxOutputLines) _output.Dequeue();
        }
    }

    private string Output()
    {
        lock (_output) return _output.Count == 0 ? "(nothing)" : string.Join(Environment.NewLine, _output);
    }

    private void KillOnExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null) return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }
}
