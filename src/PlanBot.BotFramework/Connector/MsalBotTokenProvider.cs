using Microsoft.Identity.Client;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// Client-credentials tokens for a multi-tenant or single-tenant bot (app id + password). MSAL keeps the token in its
/// in-memory app cache and renews it shortly before expiry, so this type stays a thin call.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;

    public MsalBotTokenProvider(string appId, string password, string authority, string scope, IMsalHttpClientFactory httpClientFactory)
    {
        _scopes = [scope];
        // One application per provider (a singleton): MSAL's token cache lives in the application instance.
        _application = ConfidentialClientApplicationBuilder.Create(appId)
            .WithClientSecret(password)
            .WithAuthority(authority)
            .WithHttpClientFactory(httpClientFactory)
            .Build();
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }
}
