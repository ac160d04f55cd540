using System.Net;

namespace PlanBot.BotFramework.Connector;

/// <summary>What a failed connector call means for the caller.</summary>
public enum ConnectorErrorKind
{
    Other,
    /// <summary>The user blocked the bot or removed it from the conversation (403 MessageWritesBlocked, ConversationBlockedByUser, BotNotInConversationRoster).</summary>
    BlockedOrRemoved,
    /// <summary>A proactive message to a user who does not have the app installed in personal scope (403 ForbiddenOperationException).</summary>
    NotInstalled,
    /// <summary>The tenant admin disabled the bot (403 BotDisabledByAdmin).</summary>
    DisabledByAdmin,
    /// <summary>The message is over Teams' size limit (413 MessageSizeTooBig): make it smaller, do not retry.</summary>
    MessageSizeTooBig,
    /// <summary>The conversation or activity does not exist (404).</summary>
    NotFound,
    /// <summary>Still throttled after the retries (429); <see cref="ConnectorException.RetryAfter"/> says when to try again.</summary>
    Throttled,
    /// <summary>The connector did not accept the bot's credentials (401).</summary>
    Unauthorized,
}

/// <summary>The connector answered a call with an error: its HTTP status, the error code and message from the body, and what that means.</summary>
public sealed class ConnectorException(HttpStatusCode statusCode, string? errorCode, string? errorMessage, TimeSpan? retryAfter = null)
    : Exception($"The Bot Framework connector answered {(int)statusCode} {errorCode ?? statusCode.ToString()}{(errorMessage is null ? "" : ": " + errorMessage)}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>error.code from the body, or the Teams subCode (e.g. MessageWritesBlocked) when that is where the reason is.</summary>
    public string? ErrorCode { get; } = errorCode;

    public string? ErrorMessage { get; } = errorMessage;

    /// <summary>For 429: how long the connector asked the bot to wait.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public ConnectorErrorKind Kind { get; } = Classify(statusCode, errorCode);

    /// <summary>The recipient cannot be messaged until something changes on their side: mark them unreachable, do not retry.</summary>
    public bool IsRecipientUnreachable => Kind is ConnectorErrorKind.BlockedOrRemoved or ConnectorErrorKind.NotInstalled or ConnectorErrorKind.DisabledByAdmin;

    internal static ConnectorErrorKind Classify(HttpStatusCode status, string? code) => (status, code) switch
    {
        (_, ConnectorErrorCodes.MessageSizeTooBig) or (HttpStatusCode.RequestEntityTooLarge, _) => ConnectorErrorKind.MessageSizeTooBig,
        (HttpStatusCode.Forbidden, ConnectorErrorCodes.MessageWritesBlocked or ConnectorErrorCodes.ConversationBlockedByUser
            or ConnectorErrorCodes.BotNotInConversationRoster) => ConnectorErrorKind.BlockedOrRemoved,
        (HttpStatusCode.Forbidden, ConnectorErrorCodes.ForbiddenOperationException) => ConnectorErrorKind.NotInstalled,
        (HttpStatusCode.Forbidden, ConnectorErrorCodes.BotDisabledByAdmin) => ConnectorErrorKind.DisabledByAdmin,
        (HttpStatusCode.NotFound, _) => ConnectorErrorKind.NotFound,
        (HttpStatusCode.TooManyRequests, _) => ConnectorErrorKind.Throttled,
        (HttpStatusCode.Unauthorized, _) => ConnectorErrorKind.Unauthorized,
        _ => ConnectorErrorKind.Other,
    };
}

/// <summary>Error codes Teams documents for its bot APIs ("Status codes from bot conversational APIs").</summary>
public static class ConnectorErrorCodes
{
    public const string MessageWritesBlocked = "MessageWritesBlocked";
    public const string ConversationBlockedByUser = "ConversationBlockedByUser";
    public const string BotNotInConversationRoster = "BotNotInConversationRoster";
    public const string ForbiddenOperationException = "ForbiddenOperationException";
    public const string BotDisabledByAdmin = "BotDisabledByAdmin";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
}
