using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Hosting;

/// <summary>
/// Turns HTTP requests from the channel into turns and turns' replies into connector calls, as Bot Builder's
/// CloudAdapter does: read and authenticate the activity, run the bot, answer in the HTTP response what belongs there
/// (invoke responses, expectReplies), post the rest to the conversation. Also starts proactive turns.
/// </summary>
public sealed partial class CloudAdapter(
    BotAuthenticationOptions authentication,
    IBotTokenValidator tokenValidator,
    ConnectorClient connector,
    TrustedServiceUrls trustedServiceUrls,
    IOptions<BotAdapterOptions> options,
    TimeProvider time,
    ILogger<CloudAdapter> logger)
{
    private readonly BotAdapterOptions _options = options.Value;
    private readonly TenantFilter _tenants = new(authentication, options.Value, time, logger);
    private readonly InboundRateLimiter _rateLimiter = new(options.Value.RateLimit, time);

    /// <summary>The tenants served (for start-up checks and tests).</summary>
    public IReadOnlySet<string> AllowedTenants => _tenants.AllowedTenants;

    /// <summary>Users whose rate-limit allowance is held in memory now.</summary>
    public int RateLimitedUsers => _rateLimiter.TrackedUsers;

    /// <summary>Handles one POST /api/messages.</summary>
    public async Task ProcessAsync(HttpContext http, IBot bot, CancellationToken cancellationToken)
    {
        var (activity, problem) = await ReadActivityAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (activity is null)
        {
            await WriteProblemAsync(http.Response, problem!.Value.Status, problem.Value.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var identity = await AuthenticateAsync(http.Request, activity, cancellationToken).ConfigureAwait(false);
        if (identity.Result is { } refused)
        {
            await WriteProblemAsync(http.Response, refused, "The request is not authorised.", cancellationToken).ConfigureAwait(false);
            return;
        }

        // Before any handler: nothing from another tenant or channel is stored or answered.
        if (!_tenants.Allows(activity))
        {
            await WriteProblemAsync(http.Response, StatusCodes.Status403Forbidden, "This bot does not serve this tenant or channel.", cancellationToken).ConfigureAwait(false);
            return;
        }

        // Our own token may now be sent to this service URL: a validated channel token vouched for it, from a tenant we serve.
        if (!authentication.IsLocalMode && activity.ServiceUrl is { Length: > 0 } serviceUrl) trustedServiceUrls.Trust(serviceUrl);

        var expectReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        var replies = expectReplies ? (ITurnReplies)new BufferedReplies() : new ConnectorReplies(connector, activity);
        var turn = new TurnContext(activity, identity.Identity!, replies);

        if (InboundRateLimiter.Counts(activity) && !_rateLimiter.TryAdmit(activity, out var firstRefusal))
        {
            // In the HTTP response the explanation costs nothing; posted to the chat, once per burst is enough.
            await AnswerTooManyAsync(turn, tell: expectReplies || firstRefusal, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RunTurnAsync(turn, bot, typingIndicator: !expectReplies && activity.Type == ActivityTypes.Message, cancellationToken).ConfigureAwait(false);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = turn.InvokeResponse ?? new InvokeResponse(501);
            http.Response.StatusCode = invoke.Status;
            if (invoke.Body is not null) await WriteJsonAsync(http.Response, invoke.Body, cancellationToken).ConfigureAwait(false);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        if (replies is BufferedReplies buffered)
            await WriteJsonAsync(http.Response, new ExpectedReplies { Activities = buffered.Activities }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="callback"/> as a turn in a conversation the bot has seen before (a proactive message).</summary>
    public async Task ContinueConversationAsync(ConversationReference reference, Func<TurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        var activity = reference.ToProactiveActivity(new Activity { Type = ActivityTypes.Event, Name = "ContinueConversation" });
        activity.From = reference.User;
        activity.Recipient = reference.Bot;
        var turn = new TurnContext(activity, new ClaimsIdentity(), new ConnectorReplies(connector, activity, proactive: true));
        await callback(turn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens (or finds again: Teams returns the same id each time) the 1:1 chat between the bot and a user, known by
    /// their Entra object id, and returns the reference for it.
    /// </summary>
    public async Task<ConversationReference> CreatePersonalConversationAsync(
        string serviceUrl, string tenantId, string userAadObjectId, CancellationToken cancellationToken)
    {
        var bot = new ChannelAccount { Id = $"28:{authentication.MicrosoftAppId}" };
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = bot,
            Members = [new ChannelAccount { Id = userAadObjectId }],
            TenantId = tenantId,
            ChannelData = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tenantId } },
        };
        var created = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken).ConfigureAwait(false);
        return new ConversationReference
        {
            ChannelId = Channels.MsTeams,
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            Bot = bot,
            User = new ChannelAccount { Id = userAadObjectId, AadObjectId = userAadObjectId },
            Conversation = new ConversationAccount { Id = created.Id, TenantId = tenantId, ConversationType = "personal", IsGroup = false },
        };
    }

    private async Task RunTurnAsync(TurnContext turn, IBot bot, bool typingIndicator, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        using (typingIndicator ? new TypingIndicator(turn, _options.TypingDelay, time, logger) : null)
        {
            try
            {
                await bot.OnTurnAsync(turn, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = error;
            }
        }
        if (failure is null) return;
        // Typing has stopped by now, so the apology is the last thing the user sees.
        LogTurnFailed(logger, failure, turn.Activity.Type, turn.Activity.Id);
        await TellUserSomethingWentWrongAsync(turn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A user over their rate limit: a card action gets the reason on the card, a message a polite reply.</summary>
    private async Task AnswerTooManyAsync(TurnContext turn, bool tell, CancellationToken cancellationToken)
    {
        LogRateLimited(logger, turn.Activity.Type, turn.Activity.TenantId);
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            turn.InvokeResponse = turn.Activity.Name == ActivityHandler.AdaptiveCardActionInvoke
                ? new InvokeResponse(200, AdaptiveCardInvokeResponse.Error(429, "TooManyRequests", InboundRateLimiter.SlowDown))
                : new InvokeResponse(StatusCodes.Status429TooManyRequests, new ErrorResponse { Error = new ErrorDetail { Code = "TooManyRequests", Message = InboundRateLimiter.SlowDown } });
            return;
        }
        if (!tell) return;
        try
        {
            await turn.SendActivityAsync(InboundRateLimiter.SlowDown, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogApologyFailed(logger, error);
        }
    }

    private async Task TellUserSomethingWentWrongAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Invoke && turn.Activity.Name == ActivityHandler.AdaptiveCardActionInvoke)
        {
            turn.InvokeResponse = new InvokeResponse(200,
                AdaptiveCardInvokeResponse.Error(500, "InternalError", "Sorry, something went wrong. Please try again."));
            return;
        }
        // Other invokes (a file consent answer) have no answer body the user sees: the apology goes to the chat.
        if (turn.Activity.Type == ActivityTypes.Invoke) turn.InvokeResponse = new InvokeResponse(200);
        else if (turn.Activity.Type != ActivityTypes.Message) return;
        try
        {
            await turn.SendActivityAsync("Sorry, something went wrong on my side. Please try again in a minute.", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogApologyFailed(logger, error);
        }
    }

    private async Task<(Activity? Activity, (int Status, string Message)? Problem)> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > _options.MaxRequestBodyBytes)
            return (null, (StatusCodes.Status413PayloadTooLarge, "The activity is too large."));
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, (StatusCodes.Status415UnsupportedMediaType, "Activities must be sent as application/json."));

        using var body = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024); // pooled: a fresh 16 KB per request showed in profiles
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > _options.MaxRequestBodyBytes)
                    return (null, (StatusCodes.Status413PayloadTooLarge, "The activity is too large."));
                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body.GetBuffer().AsSpan(0, (int)body.Length), BotJson.Options);
        }
        catch (JsonException error)
        {
            return (null, (StatusCodes.Status400BadRequest, $"The body is not a valid activity: {error.Message}"));
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return (null, (StatusCodes.Status400BadRequest, "The activity has no type."));
        return (activity, null);
    }

    private async Task<(ClaimsIdentity? Identity, int? Result)> AuthenticateAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken)
    {
        if (authentication.IsLocalMode)
            return (new ClaimsIdentity(), null); // no app id: the local-run mode the Emulator and Agents Playground use

        var result = await tokenValidator.ValidateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity.ChannelId, activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            LogRefused(logger, result.StatusCode, result.FailureReason, activity.ChannelId);
            return (null, result.StatusCode);
        }
        return (result.ClaimsIdentity, null);
    }

    private static async Task WriteProblemAsync(HttpResponse response, int status, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        await WriteJsonAsync(response, new ErrorResponse { Error = new ErrorDetail { Code = ReasonPhrases(status), Message = message } }, cancellationToken).ConfigureAwait(false);
    }

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status).Replace(" ", string.Empty);

    private static Task WriteJsonAsync(HttpResponse response, object body, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), BotJson.Options, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The bot failed a {ActivityType} turn (activity {ActivityId})")]
    private static partial void LogTurnFailed(ILogger logger, Exception error, string? activityType, string? activityId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A {ActivityType} from a user in tenant {TenantId} is over their rate limit")]
    private static partial void LogRateLimited(ILogger logger, string? activityType, string? tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user that their turn failed, or to slow down")]
    private static partial void LogApologyFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity from channel {ChannelId} with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string? reason, string? channelId);
}
