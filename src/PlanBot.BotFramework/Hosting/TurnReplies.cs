using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Hosting;

/// <summary>deliveryMode expectReplies: the replies are gathered and returned in the HTTP response body.</summary>
internal sealed class BufferedReplies : ITurnReplies
{
    // Ids unique within this process's replies; a GUID each cost a read of /dev/urandom per request.
    private static readonly string IdPrefix = Guid.NewGuid().ToString("N")[..12] + "-";
    private static long _lastId;
    private readonly Lock _gate = new();

    public List<Activity> Activities { get; } = [];

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.Id ??= IdPrefix + Interlocked.Increment(ref _lastId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate) Activities.Add(activity);
        return Task.FromResult(new ResourceResponse { Id = activity.Id });
    }

    public Task UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = Activities.FindIndex(a => a.Id == activity.Id);
            if (index >= 0) Activities[index] = activity;
            else Activities.Add(activity);
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(Activity activity, CancellationToken cancellationToken)
    {
        lock (_gate) Activities.RemoveAll(a => a.Id == activity.Id);
        return Task.CompletedTask;
    }
}

/// <summary>Normal delivery: replies are posted to the conversation through the connector at the activity's service URL.</summary>
internal sealed class ConnectorReplies(ConnectorClient connector, Activity incoming, bool proactive = false) : ITurnReplies
{
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl ?? incoming.ServiceUrl ?? throw new InvalidOperationException("The activity has no service URL to reply to.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation to reply to.");
        if (proactive) activity.ReplyToId = null;
        return activity.ReplyToId is { Length: > 0 } replyTo
            ? connector.ReplyToActivityAsync(serviceUrl, conversationId, replyTo, activity, cancellationToken)
            : connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
    }

    public Task UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl ?? incoming.ServiceUrl ?? throw new InvalidOperationException("The activity has no service URL.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        var id = activity.Id ?? throw new InvalidOperationException("An update needs the id of the activity it replaces.");
        return connector.UpdateActivityAsync(serviceUrl, conversationId, id, activity, cancellationToken);
    }

    public Task DeleteAsync(Activity activity, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl ?? incoming.ServiceUrl ?? throw new InvalidOperationException("The activity has no service URL.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        var id = activity.Id ?? throw new InvalidOperationException("A delete needs the id of the activity it removes.");
        return connector.DeleteActivityAsync(serviceUrl, conversationId, id, cancellationToken);
    }
}
