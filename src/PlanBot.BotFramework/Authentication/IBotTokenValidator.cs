namespace PlanBot.BotFramework.Authentication;

/// <summary>Checks the bearer token on a request the channel sent to the bot (POST /api/messages).</summary>
public interface IBotTokenValidator
{
    /// <param name="authorizationHeader">The whole Authorization header value, e.g. "Bearer eyJ...".</param>
    /// <param name="channelId">The activity's channelId, which the signing key must be endorsed for.</param>
    /// <param name="serviceUrl">The activity's serviceUrl, which the token's serviceurl claim must match.</param>
    Task<BotAuthenticationResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken);
}
