using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Hosting;

namespace PlanBot.Web.Bot;

/// <summary>
/// Refuses to start an endpoint that would serve the wrong people. Without a MicrosoftAppId the bot accepts activities
/// without any token, which is what local tools (the Agents Playground, the Emulator) need and what no deployed bot may
/// do: allowed in Development only, and said loudly. With an app id, some tenant must be allowed
/// (PlanBot:Bot:AllowedTenants, else MicrosoftAppTenantId), or every activity would be refused.
/// </summary>
public sealed partial class EndpointSecurityGuard(
    BotAuthenticationOptions authentication, CloudAdapter adapter, IHostEnvironment environment, ILogger<EndpointSecurityGuard> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!authentication.IsLocalMode)
        {
            if (adapter.AllowedTenants.Count == 0)
                throw new InvalidOperationException(
                    "No tenant is allowed to use the bot: set MicrosoftAppTenantId to your organisation's Entra tenant id, " +
                    "or list the tenants in PlanBot:Bot:AllowedTenants.");
            return Task.CompletedTask;
        }
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                "MicrosoftAppId is not set, so /api/messages would accept requests without authentication. " +
                $"That is only allowed in Development, not in {environment.EnvironmentName}: set MicrosoftAppId " +
                "(and MicrosoftAppType, MicrosoftAppPassword or a managed identity), or set ASPNETCORE_ENVIRONMENT=Development for a local run.");
        LogLocalMode(logger, environment.EnvironmentName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "LOCAL MODE: MicrosoftAppId is not set, so /api/messages accepts activities WITHOUT authentication ({Environment}). " +
        "Use this only on a developer machine with the Agents Playground or the Emulator.")]
    private static partial void LogLocalMode(ILogger logger, string environment);
}
