using System.Collections.Concurrent;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Core.Users;

namespace PlanBot.Web.Bot;

/// <summary>
/// The plan a user's question goes to (null when they must choose) and, when it had to look, every stored plan
/// (empty when the user's chosen plan was found directly).
/// </summary>
public sealed record PlanSelection(PlanSummary? Plan, IReadOnlyList<PlanSummary> Plans);

/// <summary>
/// Picks the plan for a user's questions: the one they chose with "use plan …" while it exists, otherwise the only
/// plan stored. With several plans and no choice, the user is asked rather than answered from a guess. Each message
/// costs one storage read: users' choices are remembered here for <see cref="ChoiceCacheDuration"/> (a choice made
/// through another instance of the host shows here within that time).
/// </summary>
public sealed class PlanSelector(IPlanStore plans, IUserSettingsStore settings, TimeProvider time)
{
    public static readonly TimeSpan ChoiceCacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>Choices remembered at once; beyond it the expired ones are dropped, and if none are, all of them.</summary>
    public const int MaxCachedChoices = 10_000;

    private readonly ConcurrentDictionary<(string Tenant, string User), (string? PlanId, DateTimeOffset Expires)> _choices = new();

    public async Task<PlanSelection> SelectAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (UserKey(activity) is { } key && await ChosenPlanAsync(key, cancellationToken) is { } chosen
            && await plans.GetSummaryAsync(chosen, cancellationToken) is { } plan)
            return new PlanSelection(plan, []);
        var all = await plans.ListPlansAsync(cancellationToken);
        return new PlanSelection(all.Count == 1 ? all[0] : null, all);
    }

    /// <summary>Makes <paramref name="planId"/> the user's plan; null when there is no such plan or no user to remember it for.</summary>
    public async Task<PlanSummary?> ChooseAsync(Activity activity, string planId, CancellationToken cancellationToken)
    {
        if (!PlanId.IsValid(planId)) return null;
        var plan = await plans.GetSummaryAsync(planId, cancellationToken);
        if (plan is null || UserKey(activity) is not { } key) return null;
        await settings.SetDefaultPlanAsync(key.Tenant, key.User, plan.Id, cancellationToken);
        Remember(key, plan.Id, time.GetUtcNow());
        return plan;
    }

    private async Task<string?> ChosenPlanAsync((string Tenant, string User) key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_choices.TryGetValue(key, out var cached) && cached.Expires > now) return cached.PlanId;
        var planId = await settings.GetDefaultPlanAsync(key.Tenant, key.User, cancellationToken);
        Remember(key, planId, now);
        return planId;
    }

    /// <summary>Number of users whose choice is remembered now.</summary>
    public int CachedChoices => _choices.Count;

    private void Remember((string Tenant, string User) key, string? planId, DateTimeOffset now)
    {
        if (_choices.Count >= MaxCachedChoices && !_choices.ContainsKey(key))
        {
            foreach (var expired in _choices.Where(pair => pair.Value.Expires <= now).Select(pair => pair.Key).ToList()) _choices.TryRemove(expired, out _);
            if (_choices.Count >= MaxCachedChoices) _choices.Clear(); // all fresh: storage is the truth, the cache only saves reads
        }
        _choices[key] = (planId, now + ChoiceCacheDuration);
    }

    // The Agents Playground and local tests may send no tenant: they share one local one.
    private static (string Tenant, string User)? UserKey(Activity activity)
    {
        var user = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id;
        if (string.IsNullOrWhiteSpace(user)) return null;
        return (activity.TenantId is { Length: > 0 } tenant ? tenant : "local", user);
    }
}
