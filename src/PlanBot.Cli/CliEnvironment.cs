using Microsoft.Extensions.Configuration;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Time;
using PlanBot.Storage;

namespace PlanBot.Cli;

/// <summary>
/// Settings the CLI shares with the web host, read from environment variables with the same names
/// (ConnectionStrings__Tables, PlanBot__Today, PlanBot__Storage__TablePrefix); defaults suit a local Azurite.
/// </summary>
internal sealed class CliEnvironment
{
    private CliEnvironment(IConfiguration configuration)
    {
        Configuration = configuration;
        Clock = new PlanClock(TimeProvider.System, PlanClock.ParseToday(configuration["PlanBot:Today"]));
    }

    public IConfiguration Configuration { get; }
    public PlanClock Clock { get; }

    /// <summary>
    /// Environment variables over the web host's own settings files (copied beside the CLI), so the CLI answers from
    /// the same configuration as the host: against the local Azurite (no connection string, or development storage)
    /// that is the Development settings, which pin the sample plan's date, as <c>scripts/run.sh</c>'s bot does.
    /// <c>DOTNET_ENVIRONMENT</c> or <c>ASPNETCORE_ENVIRONMENT</c> names another environment.
    /// </summary>
    public static CliEnvironment Load()
    {
        var variables = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var environment = variables["DOTNET_ENVIRONMENT"] ?? variables["ASPNETCORE_ENVIRONMENT"]
            ?? (IsLocalStorage(variables["ConnectionStrings:Tables"]) ? "Development" : "Production");
        return new(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables()
            .Build());
    }

    private static bool IsLocalStorage(string? connection) =>
        string.IsNullOrWhiteSpace(connection) || connection.Trim().Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);

    public IPlanStore CreateStore() => TableStorageSetup.CreatePlanStore(Configuration);

    /// <remarks>On the real clock, not <see cref="Clock"/>: generation numbers must keep rising whatever today is pinned to.</remarks>
    public IPlanSnapshotStore CreateSnapshotStore() => TableStorageSetup.CreateSnapshotStore(Configuration);

    public static string CurrentUser => $"cli:{Environment.UserName}";
}
