using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Core.Users;

namespace PlanBot.Web.Bot;

/// <summary>The plan a user's question goes to (null when they must choose), and every stored plan.</summary>
public sealed record PlanSelection(PlanSummary? Plan, IReadOnlyList<PlanSummary> Plans);

/// <summary>
/// Picks the plan for a user's questions: the one they chose with "use plan …" while it exists, otherwise the only
/// plan stored. With several plans and no choice, the user is asked rather than answered from a guess.
/// </summary>
public sealed class PlanSelector(IPlanStore plans, IUserSettingsStore settings)
{
    public async Task<PlanSelection> SelectAsync(Activity activity, CancellationToken cancellationToken)
    {
        var all = await plans.ListPlansAsync(cancellationToken);
        if (all.Count == 0) return new PlanSelection(null, all);
        if (UserKey(activity) is (var tenant, var user)
            && await settings.GetDefaultPlanAsync(tenant, user, cancellationToken) is { } chosen
            && all.FirstOrDefault(p => p.Id == chosen) is { } plan)
            return new PlanSelection(plan, all);
        return new PlanSelection(all.Count == 1 ? all[0] : null, all);
    }

    /// <summary>Makes <paramref name="planId"/> the user's plan; null when there is no such plan or no user to remember it for.</summary>
    public async Task<PlanSummary?> ChooseAsync(Activity activity, string planId, CancellationToken cancellationToken)
    {
        if (!PlanId.IsValid(planId)) return null;
        var plan = await plans.GetSummaryAsync(planId, cancellationToken);
        if (plan is null || UserKey(activity) is not (var tenant, var user)) return null;
        await settings.SetDefaultPlanAsync(tenant, user, plan.Id, cancellationToken);
        return plan;
    }

    // The Agents Playground and local tests may send no tenant: they share one local one.
    private static (string Tenant, string User)? UserKey(Activity activity)
    {
        var user = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id;
        if (string.IsNullOrWhiteSpace(user)) return null;
        return (activity.TenantId is { Length: > 0 } tenant ? tenant : "local", user);
    }
}
