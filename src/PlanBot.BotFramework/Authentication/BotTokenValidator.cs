using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// Validates channel tokens the way Bot Builder's JwtTokenValidation and ChannelValidation do: a Bearer JWT signed
/// (RS256/384/512) by a key from the channel's OpenID metadata, issued by ToBotFromChannelTokenIssuer, for this bot's
/// app id, within its lifetime give or take five minutes; the key must be endorsed for the activity's channel and the
/// token's serviceurl claim must be the activity's serviceUrl, so a token for one conversation host cannot vouch for
/// another. Not used in local mode (<see cref="BotAuthenticationOptions.IsLocalMode"/>).
/// </summary>
public sealed class BotTokenValidator(BotAuthenticationOptions options, OpenIdSigningKeys signingKeys, TimeProvider time) : IBotTokenValidator
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public const string ServiceUrlClaim = "serviceurl";
    private const string BearerScheme = "Bearer";
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new();
    private readonly ValidatedTokenCache _validated = new();

    public async Task<BotAuthenticationResult> ValidateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (options.IsLocalMode)
            return BotAuthenticationResult.Unauthorized("No MicrosoftAppId is configured, so no token can be meant for this bot.");
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return BotAuthenticationResult.Unauthorized("The request has no Authorization header.");
        if (ReadBearerToken(authorizationHeader) is not { } token)
            return BotAuthenticationResult.Unauthorized("The Authorization header is not a Bearer token.");

        if (_validated.TryGet(token, out var known))
        {
            if (await StillValidAsync(known, cancellationToken).ConfigureAwait(false))
                return CheckRequest(known.Key, known.Identity.Clone(), channelId, serviceUrl);
            _validated.Remove(token);
        }

        JsonWebToken jwt;
        string? keyId;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
            keyId = jwt.Kid;
        }
        catch (Exception error) when (error is ArgumentException or SecurityTokenException)
        {
            return BotAuthenticationResult.Unauthorized("The bearer token is not a well-formed JWT.");
        }
        if (string.IsNullOrEmpty(keyId))
            return BotAuthenticationResult.Unauthorized("The token does not name its signing key (no kid header).");

        var key = await signingKeys.FindAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (key is null)
            return BotAuthenticationResult.Unauthorized(signingKeys.HasKeys
                ? "The token names a signing key the channel does not publish, even after refreshing the keys."
                : "The channel's signing keys could not be loaded (see the earlier warning), so no token can be checked.");

        TokenValidationResult validated;
        try
        {
            validated = await _handler.ValidateTokenAsync(jwt, ParametersFor(key)).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The handler reports problems in its result; anything thrown is still a refusal, not a server error.
            return BotAuthenticationResult.Unauthorized($"The token could not be validated ({error.GetType().Name}).");
        }
        if (!validated.IsValid)
            return BotAuthenticationResult.Unauthorized(Describe(validated.Exception));

        _validated.Add(token, new ValidatedTokenCache.Entry(key, validated.ClaimsIdentity.Clone(), jwt.ValidTo));
        return CheckRequest(key, validated.ClaimsIdentity, channelId, serviceUrl);
    }

    /// <summary>The checks that depend on the activity, made on every request.</summary>
    private static BotAuthenticationResult CheckRequest(EndorsedSigningKey key, System.Security.Claims.ClaimsIdentity identity, string? channelId, string? serviceUrl)
    {
        if (!key.IsEndorsedFor(channelId))
            return BotAuthenticationResult.Forbidden($"The token's signing key is not endorsed for channel '{channelId}'.");

        var claimedServiceUrl = identity.FindFirst(ServiceUrlClaim)?.Value;
        if (!SameServiceUrl(claimedServiceUrl, serviceUrl))
            return BotAuthenticationResult.Unauthorized(claimedServiceUrl is null
                ? "The token has no serviceurl claim."
                : "The token's serviceurl claim is not the activity's serviceUrl.");

        return BotAuthenticationResult.Success(identity);
    }

    /// <summary>A token validated earlier is still good while it has not expired and its key is still the one published.</summary>
    private async Task<bool> StillValidAsync(ValidatedTokenCache.Entry known, CancellationToken cancellationToken)
    {
        if (known.ExpiresUtc + ClockSkew < time.GetUtcNow().UtcDateTime) return false;
        var current = await signingKeys.FindAsync(known.Key.KeyId, cancellationToken).ConfigureAwait(false);
        return ReferenceEquals(current, known.Key);
    }

    private TokenValidationParameters ParametersFor(EndorsedSigningKey key) => new()
    {
        ValidIssuer = options.ToBotFromChannelTokenIssuer,
        ValidAudience = options.MicrosoftAppId,
        IssuerSigningKey = key.Key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        // TokenValidationParameters reads the system clock; checking the lifetime here keeps it on the injected clock.
        LifetimeValidator = (notBefore, expires, _, _) => CheckLifetime(notBefore, expires),
    };

    private bool CheckLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
            throw new SecurityTokenNoExpirationException("The token has no expiry time.");
        if (expires.Value.ToUniversalTime() + ClockSkew < now)
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        if (notBefore is { } start && start.ToUniversalTime() - ClockSkew > now)
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = start };
        return true;
    }

    private static string? ReadBearerToken(string header)
    {
        var parts = header.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && string.Equals(parts[0], BearerScheme, StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
    }

    private static bool SameServiceUrl(string? claimed, string? activity) =>
        !string.IsNullOrWhiteSpace(claimed) && !string.IsNullOrWhiteSpace(activity)
        && string.Equals(claimed.Trim().TrimEnd('/'), activity.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    // Our own wording: the library's messages can quote parts of the token.
    private string Describe(Exception? error) => error switch
    {
        SecurityTokenExpiredException => $"The token has expired (more than {ClockSkew.TotalMinutes:0} minutes ago).",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenNoExpirationException => "The token has no expiry time.",
        SecurityTokenInvalidLifetimeException => "The token's lifetime is invalid.",
        SecurityTokenInvalidAudienceException => "The token is for another audience, not this bot's MicrosoftAppId.",
        SecurityTokenInvalidIssuerException => $"The token was not issued by {options.ToBotFromChannelTokenIssuer}.",
        SecurityTokenInvalidAlgorithmException => "The token is signed with an algorithm other than RS256, RS384 or RS512.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The token's signature does not match the channel's published key.",
        SecurityTokenMalformedException => "The bearer token is not a well-formed JWT.",
        null => "The token is not valid.",
        _ => $"The token is not valid ({error.GetType().Name}).",
    };
}
