using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PlanBot.BotFramework.Schema;
using Xunit;
using Activity = PlanBot.BotFramework.Schema.Activity;

namespace PlanBot.Testing.Bot;

/// <summary>
/// A real HTTP server on loopback that plays the Teams connector (smba.trafficmanager.net): the five v3 routes the
/// bot uses. It checks the wire format the way the service would (JSON content type, a body that parses as the Bot
/// Framework schema, the bearer token when one is expected), records every request, and can be scripted to refuse
/// calls (429 with Retry-After, 503, 403 ...) before accepting them.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentQueue<ReceivedRequest> _delivered = new();
    private int _callCount;
    private int _idCount;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The service URL to give the client, with a trailing slash, e.g. http://127.0.0.1:5123/.</summary>
    public string ServiceUrl { get; private set; } = null!;

    /// <summary>When set, requests without "Authorization: Bearer {ExpectedToken}" are answered 401.</summary>
    public string? ExpectedToken { get; set; }

    /// <summary>Decides the answer to call number n (1-based); null accepts it.</summary>
    public Func<int, ReceivedRequest, ScriptedAnswer?>? Script { get; set; }

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>The time on the clock that <see cref="ReceivedRequest.ReceivedAt"/> is read from.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>
    /// When set, creating a 1:1 conversation with a user (by Entra object id) not in this set is refused as Teams does
    /// for a user without the app: 403 ForbiddenOperationException. Null lets every user through.
    /// </summary>
    public ConcurrentDictionary<string, byte>? PersonalAppInstalledFor { get; set; }

    /// <summary>The requests the fake accepted, in the order it accepted them.</summary>
    public IReadOnlyList<ReceivedRequest> Delivered => [.. _delivered];

    /// <summary>
    /// Waits for work the bot does after answering (a background upload, say) to reach the fake: returns the delivered
    /// requests once there are at least <paramref name="count"/>, and fails, listing what did arrive, after 30 s.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForDeliveredAsync(int count)
    {
        var waited = Stopwatch.StartNew();
        while (_delivered.Count < count && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
        var delivered = Delivered;
        Assert.True(delivered.Count >= count,
            $"{delivered.Count} of {count} requests arrived within 30 s: " + string.Join("; ", delivered.Select(d => $"{d.Route} {d.Text}")));
        return delivered;
    }

    public static async Task<FakeConnector> StartAsync()
    {
        var fake = new FakeConnector(LoopbackServer.CreateBuilder().Build());
        fake.MapRoutes();
        fake.ServiceUrl = (await LoopbackServer.StartAsync(fake._app)).AbsoluteUri;
        return fake;
    }

    /// <summary>Refuses the first <paramref name="count"/> calls with <paramref name="status"/> (and Retry-After, if given).</summary>
    public void RefuseFirst(int count, int status, TimeSpan? retryAfter = null) =>
        Script = (call, _) => call <= count ? new ScriptedAnswer(status, RetryAfter: retryAfter) : null;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void MapRoutes()
    {
        _app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http) => AnswerAsync(http, RouteKind.SendToConversation));
        _app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http) => AnswerAsync(http, RouteKind.ReplyToActivity));
        _app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http) => AnswerAsync(http, RouteKind.UpdateActivity));
        _app.MapPost("/v3/conversations", (HttpContext http) => AnswerAsync(http, RouteKind.CreateConversation));
        _app.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", DeleteAsync);
        _app.MapFallback((HttpContext http) =>
        {
            Record(http, RouteKind.Unknown, null, null);
            return WriteErrorAsync(http.Response, StatusCodes.Status404NotFound, "NotFound", "No such connector route.");
        });
    }

    private async Task AnswerAsync(HttpContext http, RouteKind route)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = null;
        }
        var request = Record(http, route, text, body);

        if (ExpectedToken is not null && request.Authorization != $"Bearer {ExpectedToken}")
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status401Unauthorized, "Unauthorized", "Missing or wrong bearer token.");
            return;
        }
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status415UnsupportedMediaType, "BadSyntax", "Expected application/json.");
            return;
        }
        if (body is not JsonObject || !ParsesAsSchema(route, text))
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status400BadRequest, "BadSyntax", "The body is not a valid Bot Framework object.");
            return;
        }

        if (Script?.Invoke(request.CallNumber, request) is { } refusal)
        {
            http.Response.StatusCode = refusal.Status;
            if (refusal.RetryAfter is { } retryAfter) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            if (refusal.RawRetryAfter is { } raw) http.Response.Headers.RetryAfter = raw;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(refusal.Body ?? $$$"""{"error":{"code":"Status{{{refusal.Status}}}","message":"Scripted refusal."}}""");
            return;
        }

        if (route == RouteKind.CreateConversation && PersonalAppInstalledFor is { } installed
            && !installed.ContainsKey(body["members"]?[0]?["id"]?.GetValue<string>() ?? string.Empty))
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status403Forbidden, "ForbiddenOperationException", "Bot is not installed in user's personal scope");
            return;
        }

        _delivered.Enqueue(request);
        http.Response.StatusCode = route == RouteKind.UpdateActivity ? StatusCodes.Status200OK : StatusCodes.Status201Created;
        http.Response.ContentType = "application/json; charset=utf-8";
        var id = route switch
        {
            RouteKind.CreateConversation => "a:conversation-with-" + body["members"]?[0]?["id"]?.GetValue<string>(),
            RouteKind.UpdateActivity => request.ActivityId,
            _ => "activity-" + Interlocked.Increment(ref _idCount),
        };
        await http.Response.WriteAsync(new JsonObject { ["id"] = id }.ToJsonString());
    }

    /// <summary>DELETE has no body: the service answers 200 with none.</summary>
    private async Task DeleteAsync(HttpContext http)
    {
        var request = Record(http, RouteKind.DeleteActivity, null, null);
        if (ExpectedToken is not null && request.Authorization != $"Bearer {ExpectedToken}")
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status401Unauthorized, "Unauthorized", "Missing or wrong bearer token.");
            return;
        }
        if (Script?.Invoke(request.CallNumber, request) is { } refusal)
        {
            http.Response.StatusCode = refusal.Status;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(refusal.Body ?? $$$"""{"error":{"code":"Status{{{refusal.Status}}}","message":"Scripted refusal."}}""");
            return;
        }
        _delivered.Enqueue(request);
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private ReceivedRequest Record(HttpContext http, RouteKind route, string? text, JsonNode? body)
    {
        var request = new ReceivedRequest(
            CallNumber: Interlocked.Increment(ref _callCount),
            Route: route,
            Method: http.Request.Method,
            RawTarget: http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            ConversationId: http.Request.RouteValues["conversationId"] as string,
            ActivityId: http.Request.RouteValues["activityId"] as string,
            Authorization: http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
            ContentType: http.Request.ContentType,
            RawBody: text,
            Body: body,
            ReceivedAt: _clock.Elapsed);
        _requests.Enqueue(request);
        return request;
    }

    // What the real service would do first: read the body as the schema type of the route.
    private static bool ParsesAsSchema(RouteKind route, string text)
    {
        try
        {
            return route == RouteKind.CreateConversation
                ? JsonSerializer.Deserialize<ConversationParameters>(text, BotJson.Options) is not null
                : JsonSerializer.Deserialize<Activity>(text, BotJson.Options) is { Type.Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Task WriteErrorAsync(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());
    }
}

public enum RouteKind
{
    Unknown,
    SendToConversation,
    ReplyToActivity,
    UpdateActivity,
    CreateConversation,
    DeleteActivity,
}

public sealed record ReceivedRequest(
    int CallNumber,
    RouteKind Route,
    string Method,
    string RawTarget,
    string? ConversationId,
    string? ActivityId,
    string? Authorization,
    string? ContentType,
    string? RawBody,
    JsonNode? Body,
    TimeSpan ReceivedAt)
{
    public string? Text => Body?["text"]?.GetValue<string>();
}

/// <summary>A refusal: the status, an optional Retry-After (seconds, or a raw header value), and the JSON body.</summary>
public sealed record ScriptedAnswer(int Status, string? Body = null, TimeSpan? RetryAfter = null, string? RawRetryAfter = null);
