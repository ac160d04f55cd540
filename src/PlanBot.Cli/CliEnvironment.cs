using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PlanBot.Application;
using PlanBot.Application.Chats;
using PlanBot.Application.Reminders;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Time;
using PlanBot.People;
using PlanBot.Storage;

namespace PlanBot.Cli;

/// <summary>
/// The services a command uses, composed on a generic host from the same <c>Add…</c> extensions as the web host and
/// read from the same settings (environment variables with the same names: ConnectionStrings__Tables, PlanBot__Today,
/// PlanBot__Storage__TablePrefix, …); defaults suit a local Azurite. The host is built, never started: a command runs
/// no hosted service, and each setting is checked when the command first uses it.
/// </summary>
internal sealed class CliEnvironment : IAsyncDisposable
{
    private readonly IHost _host;

    private CliEnvironment(IHost host)
    {
        _host = host;
        Clock = Get<PlanClock>();
    }

    public PlanClock Clock { get; }

    public IPlanStore Plans => Get<IPlanStore>();

    /// <remarks>On the real clock, not <see cref="Clock"/>: generation numbers must keep rising whatever today is pinned to.</remarks>
    public IPlanSnapshotStore Snapshots => Get<IPlanSnapshotStore>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

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
        // Empty: no console logging (the commands print what matters), no command-line configuration (the commands own the arguments).
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables();
        var configuration = builder.Configuration;
        builder.Services.AddLogging();
        builder.Services.AddPlanBotPlans(configuration);
        builder.Services.AddPlanBotTableStorage(configuration);
        builder.Services.AddPlanBotPeople(configuration);
        builder.Services.AddPlanBotChats(configuration);
        builder.Services.AddPlanBotReminders();
        return new(builder.Build());
    }

    private static bool IsLocalStorage(string? connection) =>
        string.IsNullOrWhiteSpace(connection) || connection.Trim().Equals(TableStorageOptions.DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    public static string CurrentUser => $"cli:{Environment.UserName}";

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else _host.Dispose();
    }
}
