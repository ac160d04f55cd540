using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Authentication;

public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BotAuthenticationOptions"/> (<see cref="AddBotAuthenticationOptions"/>), the
    /// <see cref="OpenIdSigningKeys"/> cache and <see cref="IBotTokenValidator"/>.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotAuthenticationOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);

        // The key cache is a singleton that keeps its client, so the handler recycles pooled connections itself
        // (DNS changes are picked up) instead of relying on the factory's handler rotation.
        services.AddHttpClient(OpenIdSigningKeys.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) });
        services.TryAddSingleton(sp => new OpenIdSigningKeys(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenIdSigningKeys.HttpClientName),
            sp.GetRequiredService<BotAuthenticationOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OpenIdSigningKeys>>()));
        services.TryAddSingleton<IBotTokenValidator, BotTokenValidator>();
        return services;
    }

    /// <summary>
    /// The bot's identity, read from the root of <paramref name="configuration"/> (MicrosoftAppType, MicrosoftAppId, …)
    /// and checked at start; registered once however many parts need it (inbound tokens, the connector, Graph).
    /// </summary>
    public static IServiceCollection AddBotAuthenticationOptions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(service => service.ServiceType == typeof(IValidateOptions<BotAuthenticationOptions>))) return services;
        services.AddOptions<BotAuthenticationOptions>()
            .Configure(options => options.ReadFrom(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);
        return services;
    }
}

internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options) =>
        options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
