using System.Security.Claims;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// The outcome of checking an inbound request's token: the caller's identity, or the HTTP status to refuse it with and
/// a reason for the logs (never the token itself).
/// </summary>
public sealed class BotAuthenticationResult
{
    private BotAuthenticationResult(bool succeeded, ClaimsIdentity? claimsIdentity, int statusCode, string? failureReason)
    {
        Succeeded = succeeded;
        ClaimsIdentity = claimsIdentity;
        StatusCode = statusCode;
        FailureReason = failureReason;
    }

    public bool Succeeded { get; }
    public ClaimsIdentity? ClaimsIdentity { get; }
    /// <summary>200 on success, 401 for a missing or invalid token, 403 for a valid token not endorsed for the channel.</summary>
    public int StatusCode { get; }
    public string? FailureReason { get; }

    public static BotAuthenticationResult Success(ClaimsIdentity identity) => new(true, identity, 200, null);
    public static BotAuthenticationResult Unauthorized(string reason) => new(false, null, 401, reason);
    public static BotAuthenticationResult Forbidden(string reason) => new(false, null, 403, reason);

    public override string ToString() => Succeeded ? "Succeeded" : $"{StatusCode}: {FailureReason}";
}
