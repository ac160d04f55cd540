using PlanBot.BotFramework.Authentication;

namespace PlanBot.Web.Bot;

/// <summary>
/// Without a MicrosoftAppId the bot accepts activities without any token, which is what local tools (the Agents
/// Playground, the Emulator) need and what no deployed bot may do: say so loudly, and refuse to start in Production.
/// </summary>
public sealed partial class LocalModeGuard(BotAuthenticationOptions authentication, IHostEnvironment environment, ILogger<LocalModeGuard> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!authentication.IsLocalMode) return Task.CompletedTask;
        if (environment.IsProduction())
            throw new InvalidOperationException(
                "MicrosoftAppId is not set, so /api/messages would accept requests without authentication. " +
                "That is only allowed outside Production: set MicrosoftAppId (and MicrosoftAppType, MicrosoftAppPassword or a managed identity), " +
                "or set ASPNETCORE_ENVIRONMENT=Development for a local run.");
        LogLocalMode(logger, environment.EnvironmentName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "LOCAL MODE: MicrosoftAppId is not set, so /api/messages accepts activities WITHOUT authentication ({Environment}). " +
        "Use this only on a developer machine with the Agents Playground or the Emulator.")]
    private static partial void LogLocalMode(ILogger logger, string environment);
}
