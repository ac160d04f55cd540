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

    public static CliEnvironment Load() =>
        new(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    public IPlanStore CreateStore() => TableStorageSetup.CreatePlanStore(Configuration);

    /// <remarks>On the real clock, not <see cref="Clock"/>: generation numbers must keep rising whatever today is pinned to.</remarks>
    public IPlanSnapshotStore CreateSnapshotStore() => TableStorageSetup.CreateSnapshotStore(Configuration);

    public static string CurrentUser => $"cli:{Environment.UserName}";
}
