using System.Diagnostics;
using PlanBot.Testing;

namespace PlanBot.Cli.Tests;

/// <summary>
/// Runs the real `planbot` as <see cref="PlanBotProcess"/> does, against the same tables, with extra environment variables
/// (the Graph settings that point it at a fake). Only what <see cref="PlanBotProcess"/> cannot yet do lives here.
/// </summary>
internal sealed class PeopleCliProcess(AzuriteFixture azurite, PlanBotProcess planbot)
{
    public async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "planbot.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Tables"] = azurite.ConnectionString;
        start.Environment["PlanBot__Storage__TablePrefix"] = planbot.TablePrefix;
        start.Environment["PlanBot__Today"] = planbot.Today;
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
