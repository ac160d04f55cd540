using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Hosting;

/// <summary>
/// Limits how many messages and card actions each user may send (<see cref="InboundRateLimitOptions"/>), so that one
/// user's burst is answered with a polite "slow down" instead of taking the turns everyone else is waiting for. Users
/// are told by tenant and Entra object id (else their Teams id, else the conversation).
/// </summary>
public sealed class InboundRateLimiter(InboundRateLimitOptions options, TimeProvider time)
{
    public const string SlowDown = "You're sending me messages faster than I can answer. Please wait a few seconds, then try again.";

    private readonly KeyedTokenBuckets _buckets = new(options.Burst, options.RefillEvery, options.MaxTrackedUsers, time);

    /// <summary>Users held in memory now.</summary>
    public int TrackedUsers => _buckets.Count;

    /// <summary>Whether the activity counts against its sender's allowance: only what they send on purpose.</summary>
    public static bool Counts(Activity activity) => activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;

    /// <summary>True when the sender may go on; otherwise <paramref name="firstRefusal"/> says whether to explain.</summary>
    public bool TryAdmit(Activity activity, out bool firstRefusal) =>
        _buckets.TryTake(UserKey(activity), out _, out firstRefusal);

    public static string UserKey(Activity activity)
    {
        var user = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id is { Length: > 0 } id ? id : "conversation:" + activity.Conversation?.Id;
        return (activity.TenantId ?? string.Empty) + "|" + user;
    }
}
