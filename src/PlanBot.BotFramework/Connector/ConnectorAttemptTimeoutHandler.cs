using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// Bounds one attempt, response body included. The client's own timeout is off because a call may legitimately wait
/// a long time in the rate limiter or between retries; only the network exchange itself is timed here.
/// </summary>
internal sealed class ConnectorAttemptTimeoutHandler(IOptions<ConnectorOptions> options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeout = options.Value.AttemptTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(attempt.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException error) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The connector did not answer {request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} within {timeout}.", error);
        }
    }
}
