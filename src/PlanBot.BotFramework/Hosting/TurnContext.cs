using System.Security.Claims;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Hosting;

/// <summary>
/// One turn of a conversation: the incoming activity and the way to answer it. Replies go wherever the turn's delivery
/// mode says (posted to the connector, or gathered for the HTTP response); invokes are answered with an
/// <see cref="InvokeResponse"/>.
/// </summary>
public sealed class TurnContext
{
    private readonly ITurnReplies _replies;

    internal TurnContext(Activity activity, ClaimsIdentity identity, ITurnReplies replies)
    {
        Activity = activity;
        Identity = identity;
        _replies = replies;
    }

    public Activity Activity { get; }

    /// <summary>Who the channel says sent the activity (from the validated token); empty in local mode.</summary>
    public ClaimsIdentity Identity { get; }

    /// <summary>Set by the bot when answering an invoke; the adapter writes it as the HTTP response.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Whether the bot has sent anything this turn.</summary>
    public bool Responded { get; private set; }

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken) =>
        SendActivityAsync(Activity.CreateMessage(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Activity.AddressReply(activity);
        var sent = await _replies.SendAsync(activity, cancellationToken).ConfigureAwait(false);
        if (activity.Type != ActivityTypes.Typing) Responded = true;
        return sent;
    }

    /// <summary>Replaces an activity the bot sent earlier, e.g. a card once it has been answered.</summary>
    public Task UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Activity.AddressReply(activity);
        return _replies.UpdateAsync(activity, cancellationToken);
    }

    /// <summary>Removes an activity the bot sent earlier in this conversation, e.g. a file consent card once answered.</summary>
    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        return _replies.DeleteAsync(Activity.AddressReply(new Activity { Id = activityId }), cancellationToken);
    }
}

/// <summary>Where a turn's outgoing activities go.</summary>
internal interface ITurnReplies
{
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);
    Task UpdateAsync(Activity activity, CancellationToken cancellationToken);
    Task DeleteAsync(Activity activity, CancellationToken cancellationToken);
}
