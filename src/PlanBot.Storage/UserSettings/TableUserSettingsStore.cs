using Azure.Data.Tables;
using PlanBot.Core.Plans;
using PlanBot.Core.Users;

namespace PlanBot.Storage.UserSettings;

/// <summary>Per-user settings in Azure Table storage; see <see cref="UserSettingsEntity"/> for the keys.</summary>
public sealed class TableUserSettingsStore : IUserSettingsStore
{
    private readonly PlanBotTables _tables;
    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public TableUserSettingsStore(PlanBotTables tables, TimeProvider time)
    {
        _tables = tables;
        _table = _tables.UserSettings;
        _time = time;
    }

    public async Task<string?> GetDefaultPlanAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        ValidateUser(tenantId, userId);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<UserSettingsEntity>(tenantId, UserSettingsEntity.RowKeyFor(userId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        // A row may exist for other settings only, and a value edited by hand may not be a plan id: both read as "not chosen".
        return found.HasValue && PlanId.IsValid(found.Value!.DefaultPlanId) ? found.Value.DefaultPlanId : null;
    }

    public async Task SetDefaultPlanAsync(string tenantId, string userId, string planId, CancellationToken cancellationToken = default)
    {
        ValidateUser(tenantId, userId);
        if (!PlanId.IsValid(planId))
            throw new ArgumentException($"'{planId}' is not a valid plan id: use 1 to 40 lower-case letters, digits or hyphens, starting with a letter or digit.", nameof(planId));
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new UserSettingsEntity
        {
            PartitionKey = tenantId,
            RowKey = UserSettingsEntity.RowKeyFor(userId),
            DefaultPlanId = planId,
            UpdatedAt = _time.GetUtcNow(),
        };
        // Merge, not Replace: columns this write does not carry (settings added later) keep their values. Last writer wins.
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private static void ValidateUser(string tenantId, string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
    }
}
