using Azure.Core;
using Microsoft.Kiota.Abstractions.Authentication;

namespace PlanBot.People.Graph;

/// <summary>
/// Bearer tokens for Graph requests, from the bot's credential or a fixed token. A token is only ever attached to
/// requests for the configured Graph host (so a redirect or a next link elsewhere goes without it), and never over
/// plain http except to a loopback address. Azure.Identity's credentials cache the token until shortly before it expires.
/// </summary>
internal sealed class GraphAccessTokenProvider : IAccessTokenProvider
{
    private readonly TokenCredential? _credential;
    private readonly string? _fixedToken;
    private readonly TokenRequestContext _request;

    public GraphAccessTokenProvider(Uri baseUrl, string scope, TokenCredential? credential, string? fixedToken)
    {
        if (credential is null && string.IsNullOrEmpty(fixedToken)) throw new ArgumentException("A credential or a fixed token is needed.", nameof(credential));
        _credential = credential;
        _fixedToken = fixedToken;
        _request = new TokenRequestContext([scope]);
        AllowedHostsValidator = new AllowedHostsValidator([baseUrl.Host]);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri)) return string.Empty;
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback) return string.Empty;
        if (_credential is null) return _fixedToken!;
        var token = await _credential.GetTokenAsync(_request, cancellationToken).ConfigureAwait(false);
        return token.Token;
    }
}
