using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PlanBot.Testing.Bot;

/// <summary>
/// A real HTTP server on loopback that plays the OneDrive upload sessions Teams opens when a user accepts a file
/// consent card. It speaks the documented wire format and holds a client to its rules: byte ranges PUT in order with
/// Content-Range "bytes a-b/total" and a matching Content-Length, every range but the last a multiple of 320 KiB, the
/// same total each time, and no Authorization header (OneDrive answers 401 to one). It answers 202 with
/// nextExpectedRanges while bytes are missing, 201 with the drive item when the last byte is in, 416 for a range it
/// already has, and GET with the session's status. Every request is recorded, and a script can answer any of them.
/// </summary>
public sealed partial class FakeOneDrive : IAsyncDisposable
{
    public const int ChunkUnit = 320 * 1024;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, UploadSession> _sessions = new();
    private int _callCount;

    private FakeOneDrive(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:port/ — loopback, so the bot accepts it without https.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// Decides the answer to call number n (1-based, across all sessions); null lets the session answer. With
    /// <see cref="ScriptedUpload.KeepBytes"/> the range is stored first, as when OneDrive took it but the answer was lost.
    /// </summary>
    public Func<int, UploadRequest, ScriptedUpload?>? Script { get; set; }

    /// <summary>When set, each range is answered only once this task completes: an upload that takes its time.</summary>
    public Task? Hold { get; set; }

    public static async Task<FakeOneDrive> StartAsync()
    {
        var fake = new FakeOneDrive(LoopbackServer.CreateBuilder().Build());
        fake._app.MapPut("/up/{session}", (HttpContext http, string session) => fake.PutAsync(http, session));
        fake._app.MapGet("/up/{session}", (HttpContext http, string session) => fake.StatusAsync(http, session));
        fake.BaseAddress = await LoopbackServer.StartAsync(fake._app);
        return fake;
    }

    /// <summary>Opens a session for a file, as Teams does on accept; its <see cref="UploadSession.UploadInfo"/> goes in the invoke.</summary>
    public UploadSession CreateSession(string fileName)
    {
        var id = Guid.NewGuid().ToString("N");
        var session = new UploadSession(id, fileName, new Uri(BaseAddress, $"up/{id}?tempauth=not-a-real-token"));
        _sessions[id] = session;
        return session;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task PutAsync(HttpContext http, string id)
    {
        var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var request = new UploadRequest(
            Interlocked.Increment(ref _callCount), "PUT", http.Request.Headers.ContentRange.ToString(), http.Request.ContentLength,
            bytes.Length, http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null);
        if (!_sessions.TryGetValue(id, out var session) || session.IsComplete)
        {
            await AnswerAsync(http, StatusCodes.Status404NotFound, Error("itemNotFound", "The upload session does not exist."));
            return;
        }
        session.Record(request);
        if (Hold is { } hold) await hold;

        var scripted = Script?.Invoke(request.CallNumber, request);
        if (scripted is { KeepBytes: false })
        {
            await AnswerAsync(http, scripted.Status, Error("scripted", "Scripted answer."));
            return;
        }
        if (request.Authorization is not null)
        {
            await AnswerAsync(http, StatusCodes.Status401Unauthorized, Error("unauthenticated", "Do not send an Authorization header to an upload URL."));
            return;
        }
        if (ContentRange().Match(request.ContentRange) is not { Success: true } range)
        {
            await AnswerAsync(http, StatusCodes.Status400BadRequest, Error("invalidRange", $"Content-Range '{request.ContentRange}' is not 'bytes a-b/total'."));
            return;
        }
        var from = long.Parse(range.Groups["from"].Value, CultureInfo.InvariantCulture);
        var to = long.Parse(range.Groups["to"].Value, CultureInfo.InvariantCulture);
        var total = long.Parse(range.Groups["total"].Value, CultureInfo.InvariantCulture);
        var problem = session.Accept(from, to, total, request.ContentLength, bytes);
        if (problem is { } refused)
        {
            await AnswerAsync(http, refused.Status, Error(refused.Code, refused.Message));
            return;
        }
        if (scripted is not null)
        {
            await AnswerAsync(http, scripted.Status, Error("scripted", "Scripted answer after storing the range."));
            return;
        }
        if (session.IsComplete)
        {
            await AnswerAsync(http, StatusCodes.Status201Created, new JsonObject
            {
                ["id"] = session.UploadInfo.UniqueId,
                ["name"] = session.FileName,
                ["size"] = session.Received.Length,
                ["file"] = new JsonObject { ["mimeType"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
            });
            return;
        }
        await AnswerAsync(http, StatusCodes.Status202Accepted, session.Status());
    }

    private async Task StatusAsync(HttpContext http, string id)
    {
        if (!_sessions.TryGetValue(id, out var session) || session.IsComplete)
        {
            await AnswerAsync(http, StatusCodes.Status404NotFound, Error("itemNotFound", "The upload session does not exist."));
            return;
        }
        session.Record(new UploadRequest(Interlocked.Increment(ref _callCount), "GET", "", null, 0, null));
        await AnswerAsync(http, StatusCodes.Status200OK, session.Status());
    }

    private static Task AnswerAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString());
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    [GeneratedRegex(@"^bytes (?<from>\d+)-(?<to>\d+)/(?<total>\d+)$")]
    private static partial Regex ContentRange();
}

/// <summary>One upload session: what the bot sent to it, and the file it holds.</summary>
public sealed class UploadSession(string id, string fileName, Uri uploadUrl)
{
    private readonly Lock _gate = new();
    private readonly MemoryStream _received = new();
    private readonly List<UploadRequest> _requests = [];
    private long? _total;

    public string FileName { get; } = fileName;

    /// <summary>The uploadInfo of the fileConsent/invoke, as Teams sends it.</summary>
    public JsonObject UploadInfoJson() => new()
    {
        ["name"] = FileName,
        ["uploadUrl"] = UploadInfo.UploadUrl,
        ["contentUrl"] = UploadInfo.ContentUrl,
        ["uniqueId"] = UploadInfo.UniqueId,
        ["fileType"] = UploadInfo.FileType,
        ["etag"] = "\"{" + UploadInfo.UniqueId + "},1\"",
    };

    public (string UploadUrl, string ContentUrl, string UniqueId, string FileType) UploadInfo { get; } = (
        uploadUrl.AbsoluteUri,
        "https://contoso-my.sharepoint.com/personal/sue_contoso_com/Documents/Applications/PlanBot/" + Uri.EscapeDataString(fileName),
        "1150D938-8870-4044-9F2C-" + id[..12].ToUpperInvariant(),
        Path.GetExtension(fileName).TrimStart('.'));

    public IReadOnlyList<UploadRequest> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    public bool IsComplete
    {
        get { lock (_gate) return _total is { } total && _received.Length == total; }
    }

    /// <summary>The bytes received so far, in order.</summary>
    public byte[] Received
    {
        get { lock (_gate) return _received.ToArray(); }
    }

    internal void Record(UploadRequest request)
    {
        lock (_gate) _requests.Add(request);
    }

    internal (int Status, string Code, string Message)? Accept(long from, long to, long total, long? contentLength, byte[] bytes)
    {
        lock (_gate)
        {
            var length = to - from + 1;
            if (to < from || to >= total) return (400, "invalidRange", $"bytes {from}-{to} do not fit a file of {total}.");
            if (contentLength != length || bytes.Length != length) return (400, "invalidRange", $"Content-Length {contentLength} and {bytes.Length} bytes sent for a range of {length}.");
            if (_total is { } declared && declared != total) return (400, "invalidRange", $"The total changed from {declared} to {total}.");
            if (to + 1 < total && length % FakeOneDrive.ChunkUnit != 0) return (400, "invalidRange", $"A range of {length} bytes is not a multiple of 320 KiB.");
            if (from < _received.Length) return (416, "invalidRange", $"Bytes from {from} were already received.");
            if (from > _received.Length) return (400, "invalidRange", $"Bytes {_received.Length}-{from - 1} were skipped: ranges must be sent in order.");
            _total = total;
            _received.Write(bytes);
            return null;
        }
    }

    internal JsonObject Status()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["expirationDateTime"] = "2020-01-27T09:00:00.000Z",
                ["nextExpectedRanges"] = new JsonArray(JsonValue.Create($"{_received.Length}-")),
            };
        }
    }
}

public sealed record UploadRequest(int CallNumber, string Method, string ContentRange, long? ContentLength, int BodyLength, string? Authorization);

/// <summary>An answer a test imposes: the status, and whether the range is stored before it is given.</summary>
public sealed record ScriptedUpload(int Status, bool KeepBytes = false);
