using System.Net.Http.Headers;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// Adds the bot's bearer token, but only for trusted service URLs, and refuses the request before anything is sent
/// otherwise. Without a token (local mode) only loopback URLs are allowed, so a forged activity cannot turn the bot
/// into a proxy for requests elsewhere either.
/// </summary>
internal sealed class ConnectorAuthorizationHandler(IBotTokenProvider tokens, TrustedServiceUrls trustedServiceUrls) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri ?? throw new InvalidOperationException("A connector request needs an absolute URL.");
        var trusted = trustedServiceUrls.IsTrusted(url);
        if (!trusted && !url.IsLoopback) throw new UntrustedServiceUrlException(url.GetLeftPart(UriPartial.Authority));

        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            if (!trusted) throw new UntrustedServiceUrlException(url.GetLeftPart(UriPartial.Authority));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
