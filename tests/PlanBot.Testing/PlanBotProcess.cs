using System.Diagnostics;
using PlanBot.Core.Plans;
using PlanBot.Storage;

namespace PlanBot.Testing;

public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>
/// Runs the real `planbot` program as a separate process against the test's Azurite tables. The test project must
/// reference src/PlanBot.Cli so that planbot.dll sits beside the tests.
/// </summary>
public sealed class PlanBotProcess(AzuriteFixture azurite, string? tablePrefix = null)
{
    private readonly string _prefix = tablePrefix ?? TestTablePrefix.New();

    public string TablePrefix => _prefix;

    /// <summary>PlanBot__Today for the run; null leaves it unset, so the CLI's own configuration decides.</summary>
    public string? Today { get; init; } = "2020-01-20";

    /// <summary>The test's tables, as the program it runs reaches them.</summary>
    public PlanBotTables Tables => new(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = _prefix });

    public IPlanStore Store => new TablePlanStore(Tables, TimeProvider.System);

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables, e.g. Graph settings pointing at a fake.</summary>
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
        start.Environment["PlanBot__Storage__TablePrefix"] = _prefix;
        if (Today is not null) start.Environment["PlanBot__Today"] = Today;
        else start.Environment.Remove("PlanBot__Today");
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }

    public static string Sample(string name) => Path.Combine(RepositoryRoot.Path, "samples", name);
}
