using Azure.Core;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// Tokens for a bot whose identity is a user-assigned managed identity. The token is kept until five minutes before it
/// expires (or half its lifetime, if it is short-lived), and concurrent callers share one renewal.
/// </summary>
internal sealed class ManagedIdentityBotTokenProvider(TokenCredential credential, string scope, TimeProvider time) : IBotTokenProvider
{
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private readonly TokenRequestContext _request = new([scope]);
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile CachedToken? _cached;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && time.GetUtcNow() < fresh.RenewAt) return fresh.Value;

        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have renewed it while this one waited.
            if (_cached is { } renewed && time.GetUtcNow() < renewed.RenewAt) return renewed.Value;

            var token = await credential.GetTokenAsync(_request, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var lifetime = token.ExpiresOn - now;
            var margin = lifetime > RenewalMargin * 2 ? RenewalMargin : lifetime / 2;
            _cached = new CachedToken(token.Token, token.ExpiresOn - margin);
            return token.Token;
        }
        finally
        {
            _renewal.Release();
        }
    }

    // A reference type so a reader never sees the value of one token with the expiry of another.
    private sealed record CachedToken(string Value, DateTimeOffset RenewAt)
    {
        public override string ToString() => $"CachedToken(RenewAt={RenewAt:O})"; // never the token itself
    }
}
