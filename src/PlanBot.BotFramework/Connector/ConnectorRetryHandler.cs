using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// Retries what Teams documents as retryable — 429, 412, 502, 503, 504 — and connections that were refused (the
/// request never left), with exponential backoff and jitter, honouring Retry-After. Every attempt sends a copy of the
/// original request with the identical body. Other failures (400, 403, 404, 413, 500 ...) are returned at once.
/// </summary>
internal sealed partial class ConnectorRetryHandler(IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorRetryHandler> logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            var copy = Copy(request, body);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(copy, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException error) when (IsConnectionRefused(error) && attempt < settings.MaxAttempts)
            {
                copy.Dispose();
                var backoff = Backoff(attempt, settings);
                LogConnectionRefused(logger, request.Method, request.RequestUri?.Host, attempt, backoff);
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch
            {
                copy.Dispose();
                throw;
            }

            if (!IsRetryable(response.StatusCode) || attempt >= settings.MaxAttempts) return response;
            var delay = DelayBeforeRetry(response, attempt, settings);
            if (delay is null) return response; // the server asked for a longer pause than we are willing to sleep: the caller decides

            LogRetrying(logger, request.Method, request.RequestUri?.Host, (int)response.StatusCode, attempt, delay.Value);
            response.Dispose();
            copy.Dispose();
            await Task.Delay(delay.Value, time, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? DelayBeforeRetry(HttpResponseMessage response, int attempt, ConnectorOptions settings)
    {
        if (RetryAfter(response.Headers.RetryAfter, time) is not { } requested) return Backoff(attempt, settings);
        if (requested > settings.MaxDelay) return null;
        // A little on top of the requested pause, so the requests throttled together do not all return in the same instant.
        var spread = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(1000, settings.BaseDelay.TotalMilliseconds));
        return requested + spread > settings.MaxDelay ? settings.MaxDelay : requested + spread;
    }

    /// <summary>The pause a Retry-After header asks for, whether given in seconds or as an HTTP date.</summary>
    internal static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time) => header switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    // "Equal jitter": half the exponential step fixed, half random, so retries spread out but still back off.
    private static TimeSpan Backoff(int attempt, ConnectorOptions settings)
    {
        var exponential = settings.BaseDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = exponential < settings.MaxDelay ? exponential : settings.MaxDelay;
        return capped / 2 + capped / 2 * Random.Shared.NextDouble();
    }

    private static bool IsConnectionRefused(HttpRequestException error) =>
        error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };
        foreach (var header in original.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        foreach (var option in original.Options) ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} to {Host} answered {Status} on attempt {Attempt}; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, HttpMethod method, string? host, int status, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} to {Host} was refused a connection on attempt {Attempt}; retrying in {Delay}")]
    private static partial void LogConnectionRefused(ILogger logger, HttpMethod method, string? host, int attempt, TimeSpan delay);
}
