namespace PlanBot.BotFramework.Connector;

/// <summary>Holds each attempt (retries included: Teams counts them too) until the rate limits allow it.</summary>
internal sealed class ConnectorRateLimitHandler(ConnectorRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(ConnectorRateLimiter.ConversationKey, out var conversation);
        await limiter.WaitForTurnAsync(conversation, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
