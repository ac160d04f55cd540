using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PlanBot.Testing.Bot;

namespace PlanBot.Testing.Graph;

/// <summary>A user the fake directory holds, with the properties PlanBot selects and filters on.</summary>
public sealed record FakeGraphUser(
    string Id,
    string DisplayName,
    string? Mail,
    string UserPrincipalName,
    string? GivenName = null,
    string? Surname = null,
    bool AccountEnabled = true);

/// <summary>One request the fake received, with its query options decoded.</summary>
public sealed record FakeGraphRequest(int CallNumber, string Method, string Path, string RawTarget, string? Filter, string? Select, string? Top,
    string? Authorization, string? ConsistencyLevel);

/// <summary>
/// A real HTTP server on loopback that plays Microsoft Graph's <c>GET /v1.0/users</c> for a configurable list of users,
/// speaking Graph's JSON (<c>{"@odata.context": …, "value": [ … ]}</c>) and its error shape
/// (<c>{"error": {"code": …, "message": …}}</c>). It understands the filters PlanBot sends — <c>property eq 'text'</c>,
/// joined with <c>and</c>, quotes inside doubled — comparing ignoring case as Graph does, honours <c>$select</c> and
/// <c>$top</c>, answers 401 without the expected bearer token, 400 for a filter it does not understand, and records
/// every request.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string DefaultToken = "fake-graph-token";

    private static readonly string[] Filterable = ["displayName", "mail", "userPrincipalName", "givenName", "surname", "id"];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeGraphRequest> _requests = new();
    private int _callCount;

    private FakeGraph(WebApplication app) => _app = app;

    /// <summary>Graph's root as PlanBot:Graph:BaseUrl takes it, e.g. http://127.0.0.1:5123/v1.0.</summary>
    public string BaseUrl { get; private set; } = null!;

    /// <summary>Requests without "Authorization: Bearer {ExpectedToken}" are answered 401.</summary>
    public string ExpectedToken { get; set; } = DefaultToken;

    public IReadOnlyList<FakeGraphUser> Users { get; set; } = [];

    /// <summary>Decides the answer to call number n (1-based) before the fake looks at it; null answers normally.</summary>
    public Func<int, FakeGraphRequest, ScriptedAnswer?>? Script { get; set; }

    public IReadOnlyList<FakeGraphRequest> Requests => [.. _requests];

    public static async Task<FakeGraph> StartAsync(params FakeGraphUser[] users)
    {
        var fake = new FakeGraph(LoopbackServer.CreateBuilder().Build()) { Users = users };
        fake._app.MapGet("/v1.0/users", fake.AnswerUsersAsync);
        fake._app.MapPost("/v1.0/users/{userId}/teamwork/installedApps", fake.AnswerInstallAsync);
        fake._app.MapFallback(http =>
        {
            fake.Record(http);
            return WriteErrorAsync(http.Response, StatusCodes.Status404NotFound, "Request_ResourceNotFound", "No such route in the fake Graph.");
        });
        fake.BaseUrl = (await LoopbackServer.StartAsync(fake._app)).AbsoluteUri.TrimEnd('/') + "/v1.0";
        return fake;
    }

    /// <summary>Refuses every call from now on with <paramref name="status"/> and Graph's error body.</summary>
    public void RefuseWith(int status, string code, string message) =>
        Script = (_, _) => new ScriptedAnswer(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The Entra object ids of users the app has been installed for, through Graph or by the test.</summary>
    public ConcurrentDictionary<string, string> InstalledFor { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raised after an install through Graph succeeds, with the user's object id (e.g. to tell a fake connector).</summary>
    public event Action<string>? Installed;

    // POST /users/{id}/teamwork/installedApps {"teamsApp@odata.bind": ".../appCatalogs/teamsApps/{appId}"}: 201 with no
    // body when installed, 409 when installed already, 404 for an unknown user, 400 without a binding.
    private async Task AnswerInstallAsync(HttpContext http, string userId)
    {
        var request = Record(http);
        if (request.Authorization != $"Bearer {ExpectedToken}")
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty or invalid.");
            return;
        }
        if (Script?.Invoke(request.CallNumber, request) is { } scripted)
        {
            http.Response.StatusCode = scripted.Status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(scripted.Body ?? "{}");
            return;
        }
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body);
        }
        catch (JsonException)
        {
            body = null;
        }
        var binding = body?["teamsApp@odata.bind"]?.GetValue<string>();
        var marker = "/appCatalogs/teamsApps/";
        if (binding is null || binding.IndexOf(marker, StringComparison.Ordinal) is var at && at < 0 || binding[(at + marker.Length)..].Length == 0)
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status400BadRequest, "BadRequest", "teamsApp@odata.bind is required.");
            return;
        }
        if (!Users.Any(u => string.Equals(u.Id, userId, StringComparison.OrdinalIgnoreCase)))
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status404NotFound, "NotFound", $"User '{userId}' was not found.");
            return;
        }
        if (!InstalledFor.TryAdd(userId, binding[(at + marker.Length)..]))
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status409Conflict, "Conflict", "App is already installed for the user.");
            return;
        }
        http.Response.StatusCode = StatusCodes.Status201Created;
        Installed?.Invoke(userId);
    }

    private async Task AnswerUsersAsync(HttpContext http)
    {
        var request = Record(http);
        if (request.Authorization != $"Bearer {ExpectedToken}")
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty or invalid.");
            return;
        }

        if (Script?.Invoke(request.CallNumber, request) is { } scripted)
        {
            http.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is { } retryAfter) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(scripted.Body ?? "{}");
            return;
        }

        IEnumerable<FakeGraphUser> users = Users;
        if (request.Filter is { } filter)
        {
            if (!TryParseFilter(filter, out var clauses))
            {
                await WriteErrorAsync(http.Response, StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", $"Unsupported or invalid query filter clause specified: {filter}");
                return;
            }

            users = users.Where(u => clauses.All(c => string.Equals(Property(u, c.Property), c.Value, StringComparison.OrdinalIgnoreCase)));
        }

        if (request.Top is { } topText && int.TryParse(topText, out var top)) users = users.Take(top);

        var select = request.Select?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            ?? ["id", "displayName", "mail", "userPrincipalName", "givenName", "surname"];
        var value = new JsonArray();
        foreach (var user in users)
        {
            var item = new JsonObject();
            foreach (var property in select)
            {
                item[property] = property == "accountEnabled" ? JsonValue.Create(user.AccountEnabled) : JsonValue.Create(Property(user, property));
            }

            value.Add(item);
        }

        var body = new JsonObject
        {
            ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users({string.Join(',', select)})",
            ["value"] = value,
        };
        http.Response.ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }

    private FakeGraphRequest Record(HttpContext http)
    {
        var query = http.Request.Query;
        var request = new FakeGraphRequest(
            CallNumber: Interlocked.Increment(ref _callCount),
            Method: http.Request.Method,
            Path: http.Request.Path.Value ?? string.Empty,
            RawTarget: http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            Filter: query.TryGetValue("$filter", out var filter) ? filter.ToString() : null,
            Select: query.TryGetValue("$select", out var select) ? select.ToString() : null,
            Top: query.TryGetValue("$top", out var top) ? top.ToString() : null,
            Authorization: http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
            ConsistencyLevel: http.Request.Headers["ConsistencyLevel"].ToString() is { Length: > 0 } level ? level : null);
        _requests.Enqueue(request);
        return request;
    }

    private static string? Property(FakeGraphUser user, string property) => property switch
    {
        "id" => user.Id,
        "displayName" => user.DisplayName,
        "mail" => user.Mail,
        "userPrincipalName" => user.UserPrincipalName,
        "givenName" => user.GivenName,
        "surname" => user.Surname,
        _ => null,
    };

    /// <summary>"displayName eq 'Siobhan O''Neill' and surname eq 'x'" → clauses; false for anything else.</summary>
    public static bool TryParseFilter(string filter, out List<(string Property, string Value)> clauses)
    {
        clauses = [];
        var i = 0;
        while (true)
        {
            SkipSpaces(filter, ref i);
            var start = i;
            while (i < filter.Length && char.IsLetter(filter[i])) i++;
            var property = filter[start..i];
            if (!Filterable.Contains(property, StringComparer.Ordinal)) return false;
            if (!Expect(filter, ref i, " eq ")) return false;
            if (i >= filter.Length || filter[i] != '\'') return false;
            var value = new StringBuilder();
            for (i++; ; i++)
            {
                if (i >= filter.Length) return false;
                if (filter[i] != '\'') value.Append(filter[i]);
                else if (i + 1 < filter.Length && filter[i + 1] == '\'') value.Append(filter[++i]);
                else break;
            }

            i++;
            clauses.Add((property, value.ToString()));
            SkipSpaces(filter, ref i);
            if (i == filter.Length) return true;
            if (!Expect(filter, ref i, "and ")) return false;
        }
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
    }

    private static bool Expect(string text, ref int i, string token)
    {
        if (!text.AsSpan(i).StartsWith(token, StringComparison.Ordinal)) return false;
        i += token.Length;
        return true;
    }

    private static Task WriteErrorAsync(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject { ["date"] = "2026-01-01T00:00:00", ["request-id"] = Guid.NewGuid().ToString() },
            },
        };
        return response.WriteAsync(error.ToJsonString());
    }
}
