using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Connector;

namespace PlanBot.BotFramework.Files;

/// <summary>How an upload ended: the drive item OneDrive created, or why there is none, in words fit for the user.</summary>
public sealed record FileUploadResult(bool Succeeded, int Requests, string? DriveItemId = null, string? Problem = null)
{
    public static FileUploadResult Failed(int requests, string problem) => new(false, requests, Problem: problem);
}

/// <summary>
/// Fills the OneDrive upload session Teams opens when a user accepts a file consent card: the bytes are PUT to the
/// session's URL in order, in ranges that are multiples of 320 KiB, each with Content-Range and Content-Length. OneDrive
/// answers 202 with the ranges it still expects while more are due, and 200 or 201 with the new drive item once the last
/// byte is in. Ranges answered 5xx or 429, or lost with the connection, are sent again with backoff; a 416 (a range it
/// already has) is resumed from the session's status. The session URL carries its own authorisation, so no token is
/// ever sent with it: the HttpClient used has no authorisation handler and follows no redirects.
/// </summary>
public sealed partial class FileUploadClient(
    IHttpClientFactory httpClients, IOptions<FileUploadOptions> options, TimeProvider time, ILogger<FileUploadClient> logger)
{
    public const string HttpClientName = "PlanBot.FileUploads";

    private readonly FileUploadOptions _options = options.Value;

    /// <summary>The upload URL as a URI when it may be used (<see cref="CheckUploadUrl(string?, IReadOnlyCollection{string}, out string?)"/>
    /// with <see cref="FileUploadOptions.AllowedHosts"/>), else null with the reason.</summary>
    public Uri? CheckUploadUrl(string? uploadUrl, out string? problem) => CheckUploadUrl(uploadUrl, _options.AllowedHosts, out problem);

    /// <summary>
    /// The upload URL as a URI when it may be used, else null with the reason. The URL is itself the credential and the
    /// file goes wherever it points, and it arrives in the invoke's body, which the channel token does not sign: so it
    /// must be absolute https on one of <paramref name="allowedHosts"/> (a host, or a domain its subdomains share:
    /// "sharepoint.com" allows "contoso-my.sharepoint.com"), OneDrive's and SharePoint's in the configured cloud. Plain
    /// http is allowed only to a loopback host listed by name ("127.0.0.1"), which is how tests stand in for OneDrive.
    /// </summary>
    public static Uri? CheckUploadUrl(string? uploadUrl, IReadOnlyCollection<string> allowedHosts, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0)
        {
            problem = "the upload address Teams gave is not a usable web address";
            return null;
        }
        var host = url.IdnHost.TrimEnd('.');
        var listed = allowedHosts.Any(allowed => allowed.Trim().TrimStart('.') is { Length: > 0 } domain
            && (string.Equals(host, domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)));
        if (url.Scheme == Uri.UriSchemeHttp && !(url.IsLoopback && allowedHosts.Any(a => string.Equals(a.Trim(), host, StringComparison.OrdinalIgnoreCase))))
        {
            problem = "the upload address Teams gave is not secure (https)";
            return null;
        }
        if (!listed)
        {
            problem = "the upload address Teams gave is not on OneDrive or SharePoint";
            return null;
        }
        return url;
    }

    public async Task<FileUploadResult> UploadAsync(Uri uploadUrl, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploadUrl);
        if (CheckUploadUrl(uploadUrl.AbsoluteUri, out var refused) is null) throw new ArgumentException(refused, nameof(uploadUrl));
        if (content.Length == 0) throw new ArgumentException("An upload session cannot take an empty file.", nameof(content));

        var http = httpClients.CreateClient(HttpClientName);
        var total = content.Length;
        var chunks = (total + _options.ChunkSize - 1) / _options.ChunkSize;
        // Enough for every range to be answered out of step once; a server that never moves on is given up on.
        var budget = 2 * chunks + 4;
        var requests = 0;
        long offset = 0;
        while (requests < budget)
        {
            var end = Math.Min(offset + _options.ChunkSize, total) - 1;
            var (response, sent) = await PutRangeAsync(http, uploadUrl, content, offset, end, cancellationToken).ConfigureAwait(false);
            requests += sent;
            if (response is null) return Failed(uploadUrl, requests, "OneDrive could not be reached");
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK or HttpStatusCode.Created:
                        LogUploaded(logger, uploadUrl.Host, total, requests);
                        return new FileUploadResult(true, requests, DriveItemId: ReadString(body, "id"));
                    case HttpStatusCode.Accepted:
                        var next = NextExpectedStart(body) ?? end + 1;
                        if (next >= total) return Failed(uploadUrl, requests, "OneDrive took every byte but did not finish the file");
                        offset = next;
                        continue;
                    case HttpStatusCode.RequestedRangeNotSatisfiable:
                        // It already has that range (a retry of a range whose answer was lost): ask where to go on from.
                        requests++;
                        if (await StatusAsync(http, uploadUrl, cancellationToken).ConfigureAwait(false) is not { } resume || resume >= total)
                            return Failed(uploadUrl, requests, "OneDrive lost track of the upload");
                        offset = resume;
                        continue;
                    case HttpStatusCode.NotFound:
                        return Failed(uploadUrl, requests, "the OneDrive upload session has expired or was cancelled");
                    default:
                        return Failed(uploadUrl, requests, $"OneDrive answered {(int)response.StatusCode} {ReasonPhrase(response)}");
                }
            }
        }
        return Failed(uploadUrl, requests, "OneDrive kept asking for the same part of the file");
    }

    /// <summary>PUTs one byte range, trying again on a transient failure; null when every try failed to get an answer.</summary>
    private async Task<(HttpResponseMessage? Response, int Requests)> PutRangeAsync(
        HttpClient http, Uri url, ReadOnlyMemory<byte> content, long from, long to, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, url)
            {
                Content = new ReadOnlyMemoryContent(content[(int)from..(int)(to + 1)]),
            };
            request.Content.Headers.ContentLength = to - from + 1;
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, content.Length);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            HttpResponseMessage? response = null;
            try
            {
                response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpRequestException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogRangeFailed(logger, url.Host, from, to, attempt, error.GetType().Name);
            }

            if (response is not null && !IsTransient(response.StatusCode)) return (response, attempt);
            if (attempt >= _options.MaxAttempts) return (response, attempt);
            var delay = Backoff(attempt, response);
            if (response is not null)
            {
                LogRetrying(logger, url.Host, from, to, (int)response.StatusCode, attempt, delay);
                response.Dispose();
            }
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>GET on the session URL: where the next range should start, from nextExpectedRanges.</summary>
    private async Task<long?> StatusAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? NextExpectedStart(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan Backoff(int attempt, HttpResponseMessage? response)
    {
        var requested = response is null ? null : ConnectorRetryHandler.RetryAfter(response.Headers.RetryAfter, time);
        var delay = requested ?? _options.BaseDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        return delay > _options.MaxDelay ? _options.MaxDelay : delay;
    }

    /// <summary>The start of the first range in {"nextExpectedRanges":["26-"]} or ["12345-55232", …].</summary>
    internal static long? NextExpectedStart(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            if (!document.RootElement.TryGetProperty("nextExpectedRanges", out var ranges) || ranges.ValueKind != JsonValueKind.Array) return null;
            foreach (var range in ranges.EnumerateArray())
            {
                var text = range.ValueKind == JsonValueKind.String ? range.GetString() : null;
                var start = text?.Split('-')[0];
                if (long.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadString(string body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ReasonPhrase(HttpResponseMessage response) =>
        response.ReasonPhrase is { Length: > 0 } phrase ? $"({phrase})" : $"({response.StatusCode})";

    private FileUploadResult Failed(Uri url, int requests, string problem)
    {
        LogUploadFailed(logger, url.Host, requests, problem);
        return FileUploadResult.Failed(requests, problem);
    }

    // The session URL's query is a credential: only its host is logged.
    [LoggerMessage(Level = LogLevel.Information, Message = "Uploaded {Bytes} bytes to {Host} in {Requests} requests")]
    private static partial void LogUploaded(ILogger logger, string host, int bytes, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload to {Host} failed after {Requests} requests: {Problem}")]
    private static partial void LogUploadFailed(ILogger logger, string host, int requests, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of bytes {From}-{To} to {Host} got {Status} on attempt {Attempt}; trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string host, long from, long to, int status, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of bytes {From}-{To} to {Host} failed on attempt {Attempt}: {Error}")]
    private static partial void LogRangeFailed(ILogger logger, string host, long from, long to, int attempt, string error);
}
