using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Authentication;

namespace PlanBot.BotFramework.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConnectorClient"/> (a typed HttpClient), <see cref="IBotTokenProvider"/>,
    /// <see cref="TrustedServiceUrls"/> and the handler pipeline: trust check and token, retries, rate limits, attempt
    /// timeout. Reads the bot identity from the root keys (MicrosoftAppType, MicrosoftAppId, ...),
    /// <c>PlanBot:Bot:TrustedServiceUrls</c> and <c>PlanBot:Bot:Connector</c>; settings are checked at start.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        // Registering the pipeline twice would stack every handler twice.
        if (services.Any(service => service.ServiceType == typeof(ConnectorRateLimiter))) return services;

        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotAuthenticationOptions(configuration);
        services.AddOptions<TrustedServiceUrlOptions>().Bind(configuration.GetSection(TrustedServiceUrlOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrustedServiceUrlOptions>, TrustedServiceUrlOptionsValidator>());
        services.TryAddSingleton(sp => new TrustedServiceUrls(sp.GetRequiredService<IOptions<TrustedServiceUrlOptions>>().Value.Prefixes()));
        services.TryAddSingleton<IBotTokenProvider>(sp => BotTokenProviderFactory.Create(
            sp.GetRequiredService<BotAuthenticationOptions>(),
            new MsalHttpClientFactory(sp.GetRequiredService<IHttpClientFactory>()),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ConnectorSendBudget>();
        services.AddSingleton<ConnectorRateLimiter>();

        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.AddTransient<ConnectorAuthorizationHandler>();
        services.AddTransient<ConnectorRetryHandler>();
        services.AddTransient<ConnectorRateLimitHandler>();
        services.AddTransient<ConnectorAttemptTimeoutHandler>();
        services.AddHttpClient<ConnectorClient>(client =>
            {
                // Calls may wait in the rate limiter or between retries for longer than any fixed timeout; each
                // attempt is bounded by ConnectorAttemptTimeoutHandler instead.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // The token is attached for the service URL that was checked; a redirect must not carry it elsewhere.
                AllowAutoRedirect = false,
                // Recycling connections picks up DNS changes, so the one pipeline can live as long as the app.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Outermost first: the trust check runs before any waiting, and the token is copied into every retry.
            .AddHttpMessageHandler<ConnectorAuthorizationHandler>()
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<ConnectorRateLimitHandler>()
            .AddHttpMessageHandler<ConnectorAttemptTimeoutHandler>();
        return services;
    }
}
