using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// The Bot Framework connector REST API (v3) at a conversation's service URL: send, reply, update, create conversation.
/// Authentication, trust checks, retries and pacing happen in the HttpClient's handler pipeline (see
/// <see cref="ConnectorServiceCollectionExtensions.AddBotConnector"/>); failures surface as <see cref="ConnectorException"/>.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, TimeProvider time, ILogger<ConnectorClient> logger)
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities: a new message in the conversation.</summary>
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, ConversationUrl(serviceUrl, conversationId, "activities"), activity, conversationId, cancellationToken);

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}: a reply to an activity (threaded where the channel supports it).</summary>
    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, ActivityUrl(serviceUrl, conversationId, replyToId), activity, conversationId, cancellationToken);

    /// <summary>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}: replaces a message the bot sent, e.g. a card.</summary>
    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, ActivityUrl(serviceUrl, conversationId, activityId), activity, conversationId, cancellationToken);

    /// <summary>DELETE {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}: removes a message the bot sent, e.g. a card that has been answered.</summary>
    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var url = ActivityUrl(serviceUrl, conversationId, activityId);
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Options.Set(ConnectorRateLimiter.ConversationKey, conversationId);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return;
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        throw Failed(HttpMethod.Delete, url, response, content);
    }

    /// <summary>POST {serviceUrl}/v3/conversations: opens (or, for a 1:1 chat, finds again) a conversation and returns its id.</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // Creating a 1:1 chat counts against that chat's limits, and the chat is named by its one member.
        var pacingKey = parameters.Members is [{ Id: { Length: > 0 } member }] ? $"create:{parameters.TenantId}:{member}" : null;
        return SendAsync<ConversationResourceResponse>(HttpMethod.Post, new Uri(Base(serviceUrl) + "v3/conversations"), parameters, pacingKey, cancellationToken);
    }

    private async Task<TResult> SendAsync<TResult>(HttpMethod method, Uri url, object body, string? pacingKey, CancellationToken cancellationToken)
        where TResult : new()
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options)),
        };
        request.Content.Headers.ContentType = JsonUtf8;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (pacingKey is not null) request.Options.Set(ConnectorRateLimiter.ConversationKey, pacingKey);

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw Failed(method, url, response, content);
        // Some channels answer 200/201/202 with no body; there is then no id to return.
        return content.Length == 0 ? new TResult() : JsonSerializer.Deserialize<TResult>(content, BotJson.Options) ?? new TResult();
    }

    private ConnectorException Failed(HttpMethod method, Uri url, HttpResponseMessage response, byte[] content)
    {
        var (code, message) = ConnectorErrorBody.Read(content);
        var error = new ConnectorException(response.StatusCode, code, message, ConnectorRetryHandler.RetryAfter(response.Headers.RetryAfter, time));
        LogFailed(logger, method, url.GetLeftPart(UriPartial.Path), (int)response.StatusCode, code, error.Kind);
        return error;
    }

    private static Uri ConversationUrl(string serviceUrl, string conversationId, string rest) =>
        new(Base(serviceUrl) + "v3/conversations/" + Escape(conversationId, nameof(conversationId)) + "/" + rest);

    private static Uri ActivityUrl(string serviceUrl, string conversationId, string activityId) =>
        ConversationUrl(serviceUrl, conversationId, "activities/" + Escape(activityId, nameof(activityId)));

    // Teams ids carry ':', '@' and ';' (19:abc@thread.tacv2;messageid=1): each id is one escaped path segment.
    private static string Escape(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        return Uri.EscapeDataString(id);
    }

    /// <summary>The service URL with exactly one trailing slash; service URLs arrive both with and without it.</summary>
    private static string Base(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"'{serviceUrl}' is not an absolute http(s) service URL.", nameof(serviceUrl));
        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            throw new ArgumentException($"The service URL '{serviceUrl}' must not carry a query or fragment.", nameof(serviceUrl));
        return url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} {Url} failed with {Status} {ErrorCode} ({Kind})")]
    private static partial void LogFailed(ILogger logger, HttpMethod method, string url, int status, string? errorCode, ConnectorErrorKind kind);
}
