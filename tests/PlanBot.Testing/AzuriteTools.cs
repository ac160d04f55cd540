using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace PlanBot.Testing;

/// <summary>
/// Makes sure the repo's npm tools (Azurite) are installed, running scripts/install-tools.sh at most once at a time
/// across every test process on the machine (parallel test assemblies share one node_modules).
/// </summary>
internal static class AzuriteTools
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _failure;

    public static string ExecutablePath(string root) =>
        Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table");

    public static async Task<string> EnsureInstalledAsync(string root)
    {
        if (IsInstalled(root)) return ExecutablePath(root);

        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_failure is not null) throw new InvalidOperationException(_failure);
            if (IsInstalled(root)) return ExecutablePath(root);

            using (await AcquireMachineLockAsync(root).ConfigureAwait(false))
            {
                // Another test process may have installed while this one waited for the lock.
                if (!IsInstalled(root)) await RunInstallScriptAsync(root).ConfigureAwait(false);
            }

            if (!IsInstalled(root))
            {
                _failure = $"scripts/install-tools.sh finished but {ExecutablePath(root)} is still missing; run it by hand from {root} and check package.json.";
                throw new InvalidOperationException(_failure);
            }

            return ExecutablePath(root);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool IsInstalled(string root) =>
        File.Exists(ExecutablePath(root)) && Directory.Exists(Path.Combine(root, "node_modules", "azurite"));

    private static async Task RunInstallScriptAsync(string root)
    {
        var script = Path.Combine(root, "scripts", "install-tools.sh");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);

        var output = new StringBuilder();
        int exitCode;
        try
        {
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(InstallTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                _failure = $"Azurite is not installed and {script} did not finish within {InstallTimeout.TotalMinutes:0} minutes. Run it by hand from {root}.";
                throw new InvalidOperationException(_failure);
            }

            exitCode = process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            _failure = $"Azurite is not installed and {script} could not be started ({e.Message}); install bash and Node.js 20+, then run it from {root}.";
            throw new InvalidOperationException(_failure, e);
        }

        if (exitCode != 0)
        {
            string text;
            lock (output) text = output.ToString().Trim();
            _failure = $"Azurite is not installed and {script} failed (exit code {exitCode}). Run it by hand from {root} to see why. Its output:{Environment.NewLine}{text}";
            throw new InvalidOperationException(_failure);
        }
    }

    private static async Task<FileStream> AcquireMachineLockAsync(string root)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)), 0, 6);
        var path = Path.Combine(Path.GetTempPath(), $"planbot-install-tools-{hash}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
            }
        }
    }
}
