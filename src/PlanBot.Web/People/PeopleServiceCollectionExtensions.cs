using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PlanBot.Core.People;
using PlanBot.People.Graph;

namespace PlanBot.Web.People;

public static partial class PeopleServiceCollectionExtensions
{
    /// <summary>
    /// Registers owner resolution: <see cref="IDirectorySearch"/> (Microsoft Graph with the bot's credential, or none in
    /// local mode — see <see cref="GraphDirectorySearch.Create"/>) and <see cref="OwnerResolver"/>, both singletons, with
    /// <c>PlanBot:Graph</c> and <c>PlanBot:People</c> checked at start. <see cref="IPeopleStore"/> comes from
    /// <c>AddPlanBotTableStorage</c>.
    /// </summary>
    public static IServiceCollection AddPlanBotPeople(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GraphDirectoryOptions>()
            .Configure(options =>
            {
                var read = GraphDirectoryOptions.FromConfiguration(configuration);
                options.Enabled = read.Enabled;
                options.BaseUrl = read.BaseUrl;
                options.Scope = read.Scope;
                options.AccessToken = read.AccessToken;
                options.Timeout = read.Timeout;
                options.TeamsAppCatalogId = read.TeamsAppCatalogId;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphDirectoryOptions>, GraphDirectoryOptionsValidator>());
        services.AddOptions<OwnerResolverOptions>()
            .Bind(configuration.GetSection(OwnerResolverOptions.Section))
            .Validate(o => o.CacheDuration >= TimeSpan.Zero && o.MaxConcurrentLookups is >= 1 and <= 32,
                "PlanBot:People:CacheDuration must not be negative and MaxConcurrentLookups must be from 1 to 32.")
            .ValidateOnStart();

        services.TryAddSingleton<IDirectorySearch>(sp =>
        {
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var directory = GraphDirectorySearch.Create(configuration, loggers);
            LogDirectory(loggers.CreateLogger(typeof(OwnerResolver)), directory.Description);
            return directory;
        });
        services.TryAddSingleton<ITeamsAppInstaller>(sp =>
        {
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var installer = GraphTeamsAppInstaller.Create(configuration, loggers);
            LogInstaller(loggers.CreateLogger(typeof(OwnerResolver)), installer.IsAvailable ? "PlanBot " + installer.Description : "PlanBot does not install itself for users: " + installer.Description);
            return installer;
        });
        services.TryAddSingleton(sp => new OwnerResolver(
            sp.GetRequiredService<IPeopleStore>(),
            sp.GetRequiredService<IDirectorySearch>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<OwnerResolverOptions>>().Value));
        return services;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Owners without PlanBot: {Installer}")]
    private static partial void LogInstaller(ILogger logger, string installer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Owner names resolve through the people file, then: {Directory}")]
    private static partial void LogDirectory(ILogger logger, string directory);
}

internal sealed class GraphDirectoryOptionsValidator : IValidateOptions<GraphDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphDirectoryOptions options) =>
        options.Enabled && options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
