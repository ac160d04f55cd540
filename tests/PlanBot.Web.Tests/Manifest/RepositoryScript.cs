using System.Diagnostics;
using PlanBot.Testing;

namespace PlanBot.Web.Tests.Manifest;

/// <summary>Runs one of the repository's scripts from the repository root and collects what it printed.</summary>
public static class RepositoryScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <paramref name="script"/> (a path relative to the repository root) with <paramref name="arguments"/>. PLANBOT_*
    /// variables from the caller's environment are removed, so only <paramref name="environment"/> sets them.
    /// </summary>
    public static async Task<ScriptRun> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, script))
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PLANBOT_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {script}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not finish within {Timeout}");
        }
        return new ScriptRun(script, process.ExitCode, await stdout, await stderr, timer.Elapsed);
    }
}

public sealed record ScriptRun(string Script, int ExitCode, string Output, string Errors, TimeSpan Took)
{
    /// <summary>Everything the script printed, for assertion messages.</summary>
    public override string ToString() => $"{Script} exited {ExitCode} after {Took.TotalSeconds:0.0} s\n{Output}{Errors}";
}
