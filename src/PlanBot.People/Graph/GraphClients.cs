using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace PlanBot.People.Graph;

/// <summary>The SDK client every Graph caller here uses: the configured root, and tokens only for that host.</summary>
internal static class GraphClients
{
    /// <summary>A client for <paramref name="options"/>, with <paramref name="credential"/> or, when null, the fixed token; also the root URL, for messages.</summary>
    public static (GraphServiceClient Client, string RootUrl) Create(GraphDirectoryOptions options, TokenCredential? credential)
    {
        if (options.Problems() is { Count: > 0 } problems)
            throw new InvalidOperationException("Microsoft Graph settings are not usable: " + string.Join(" ", problems));
        var baseUrl = new Uri(options.BaseUrl.TrimEnd('/'));
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        var tokens = new GraphAccessTokenProvider(baseUrl, options.EffectiveScope, credential, options.AccessToken);
        return (new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), root), root);
    }
}
