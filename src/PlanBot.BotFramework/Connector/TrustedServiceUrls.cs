using System.Collections.Concurrent;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// The service URLs the bot may send its bearer token to: the Teams endpoints (or a configured list) plus every
/// serviceUrl that arrived in an inbound request whose channel token validated. Anything else could be a forged
/// activity fishing for the bot's token.
/// </summary>
public sealed class TrustedServiceUrls
{
    public const string ConfigurationKey = "PlanBot:Bot:TrustedServiceUrls";

    /// <summary>The Teams connector endpoints: public cloud, GCC, GCC High and DoD.</summary>
    public static IReadOnlyList<string> TeamsDefaults { get; } =
    [
        "https://smba.trafficmanager.net/",
        "https://smba.infra.gcc.teams.microsoft.com/",
        "https://smba.infra.gov.teams.microsoft.us/",
        "https://smba.infra.dod.teams.microsoft.us/",
    ];

    private readonly IReadOnlyList<Uri> _configured;
    // Grows only through Trust, which the inbound adapter calls after a channel token validated, so it cannot be
    // flooded by unauthenticated requests; a bot sees a handful of regional service URLs.
    private readonly ConcurrentDictionary<string, Uri> _learned = new(StringComparer.OrdinalIgnoreCase);
    // The service URLs exactly as they arrived, so the usual case (the same URL on every activity) skips parsing.
    private readonly ConcurrentDictionary<string, byte> _trustedAsSent = new(StringComparer.Ordinal);

    public TrustedServiceUrls(IEnumerable<string> prefixes)
    {
        _configured = prefixes.Select(prefix => Normalise(prefix)
            ?? throw new ArgumentException($"Trusted service URL '{prefix}' must be an absolute https URL (http only for loopback).", nameof(prefixes)))
            .ToList();
    }

    /// <summary>Trusts a service URL vouched for by a validated channel token. Plain-http URLs other than loopback are ignored.</summary>
    public void Trust(string serviceUrl)
    {
        if (_trustedAsSent.ContainsKey(serviceUrl)) return;
        if (Normalise(serviceUrl) is not { } url) return;
        _learned.TryAdd(url.AbsoluteUri, url);
        _trustedAsSent.TryAdd(serviceUrl, 0);
    }

    /// <summary>Whether <paramref name="url"/> (a service URL or a full connector request URL) lies under a trusted prefix.</summary>
    public bool IsTrusted(string url) => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && IsTrusted(parsed);

    public bool IsTrusted(Uri url)
    {
        if (!url.IsAbsoluteUri || !string.IsNullOrEmpty(url.UserInfo)) return false;
        return _configured.Any(prefix => IsUnder(url, prefix)) || _learned.Values.Any(prefix => IsUnder(url, prefix));
    }

    // Compares parsed parts, not strings, so "https://smba.trafficmanager.net.evil.example/" or a user-info trick
    // ("https://smba.trafficmanager.net@evil.example/") never matches.
    private static bool IsUnder(Uri url, Uri prefix) =>
        string.Equals(url.Scheme, prefix.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(url.IdnHost, prefix.IdnHost, StringComparison.OrdinalIgnoreCase)
        && url.Port == prefix.Port
        && WithTrailingSlash(url.AbsolutePath).StartsWith(prefix.AbsolutePath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="value"/> can be a trusted prefix: an absolute https URL (http only for loopback) without user info.</summary>
    internal static bool IsUsablePrefix(string value) => Normalise(value) is not null;

    private static Uri? Normalise(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.UserInfo)) return null;
        var secure = url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);
        if (!secure) return null;
        // A prefix ends at a path-segment boundary: "/amer/" must not also admit "/amer-evil/".
        return new UriBuilder(url) { Path = WithTrailingSlash(url.AbsolutePath), Query = string.Empty, Fragment = string.Empty }.Uri;
    }

    private static string WithTrailingSlash(string path) => path.EndsWith('/') ? path : path + "/";
}
