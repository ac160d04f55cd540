using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Authentication;
using PlanBot.Core.People;
using PlanBot.People.Graph;

namespace PlanBot.People;

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
        services.AddBotAuthenticationOptions(configuration);
        services.AddOptions<GraphDirectoryOptions>()
            .Configure(options => options.ReadFrom(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphDirectoryOptions>, GraphDirectoryOptionsValidator>());
        services.AddOptions<OwnerResolverOptions>()
            .Bind(configuration.GetSection(OwnerResolverOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OwnerResolverOptions>, OwnerResolverOptionsValidator>());

        services.TryAddSingleton<IDirectorySearch>(sp =>
        {
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var directory = GraphDirectorySearch.Create(
                sp.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value, sp.GetRequiredService<BotAuthenticationOptions>(), loggers);
            LogDirectory(loggers.CreateLogger<OwnerResolver>(), directory.Description);
            return directory;
        });
        services.TryAddSingleton<ITeamsAppInstaller>(sp =>
        {
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var installer = GraphTeamsAppInstaller.Create(
                sp.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value, sp.GetRequiredService<BotAuthenticationOptions>(), loggers);
            LogInstaller(loggers.CreateLogger<OwnerResolver>(), installer.IsAvailable ? "PlanBot " + installer.Description : "PlanBot does not install itself for users: " + installer.Description);
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

internal sealed class OwnerResolverOptionsValidator : IValidateOptions<OwnerResolverOptions>
{
    public ValidateOptionsResult Validate(string? name, OwnerResolverOptions options)
    {
        var problems = new List<string>();
        if (options.CacheDuration < TimeSpan.Zero)
            problems.Add($"{OwnerResolverOptions.Section}:{nameof(options.CacheDuration)} is {options.CacheDuration}: it must not be negative.");
        if (options.MaxConcurrentLookups is < 1 or > 32)
            problems.Add($"{OwnerResolverOptions.Section}:{nameof(options.MaxConcurrentLookups)} is {options.MaxConcurrentLookups}: it must be from 1 to 32.");
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}

internal sealed class GraphDirectoryOptionsValidator : IValidateOptions<GraphDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphDirectoryOptions options) =>
        options.Enabled && options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
