namespace PlanBot.BotFramework.Authentication;

internal static class TrustedEndpoint
{
    // Signing keys fetched over plain http could be swapped in transit; loopback is allowed so tests can serve their own.
    public static bool IsHttpsOrLoopback(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
