using Azure.Identity;
using Microsoft.Identity.Client;
using PlanBot.BotFramework.Authentication;

namespace PlanBot.BotFramework.Connector;

/// <summary>Picks how the bot gets its outbound token from MicrosoftAppType: none locally, MSAL with a password, or a managed identity.</summary>
internal static class BotTokenProviderFactory
{
    private const string DefaultScopeSuffix = "/.default";

    public static IBotTokenProvider Create(BotAuthenticationOptions options, IMsalHttpClientFactory msalHttpClientFactory, TimeProvider time)
    {
        if (options.IsLocalMode) return new LocalModeTokenProvider();

        if (options.Validate() is { Count: > 0 } problems)
            throw new InvalidOperationException("The bot's identity is not configured correctly: " + string.Join(" ", problems));

        var scope = ScopeFor(options.ToChannelFromBotOAuthScope);
        return options.MicrosoftAppType switch
        {
            BotAppType.UserAssignedMsi => new ManagedIdentityBotTokenProvider(
                new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId)), scope, time),
            _ => new MsalBotTokenProvider(options.MicrosoftAppId, options.MicrosoftAppPassword, options.ToChannelFromBotLoginUrl, scope, msalHttpClientFactory),
        };
    }

    /// <summary>
    /// The client-credentials scope for a resource: configuration names the resource (https://api.botframework.com), as
    /// Bot Framework settings do, and the token request needs its "/.default" scope.
    /// </summary>
    public static string ScopeFor(string resource)
    {
        var trimmed = resource.Trim();
        return trimmed.EndsWith(DefaultScopeSuffix, StringComparison.OrdinalIgnoreCase) ? trimmed : trimmed.TrimEnd('/') + DefaultScopeSuffix;
    }
}
