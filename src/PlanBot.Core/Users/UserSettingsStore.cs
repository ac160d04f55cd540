namespace PlanBot.Core.Users;

/// <summary>
/// Per-user choices that outlive a conversation, such as the plan a user's questions go to ("use plan odkm").
/// Users are keyed by tenant and Teams user id (the AAD object id when Teams gives one).
/// </summary>
public interface IUserSettingsStore
{
    /// <summary>The plan id the user chose, or null if they have not chosen one.</summary>
    Task<string?> GetDefaultPlanAsync(string tenantId, string userId, CancellationToken cancellationToken = default);

    Task SetDefaultPlanAsync(string tenantId, string userId, string planId, CancellationToken cancellationToken = default);
}
