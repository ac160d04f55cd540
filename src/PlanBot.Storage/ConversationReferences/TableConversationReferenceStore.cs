using Azure;
using Azure.Data.Tables;
using PlanBot.BotFramework.Conversations;
using PlanBot.BotFramework.Schema;

namespace PlanBot.Storage.ConversationReferences;

/// <summary>Conversation references in Azure Table storage; see <see cref="ConversationReferenceEntity"/> for the keys.</summary>
public sealed class TableConversationReferenceStore : IConversationReferenceStore
{
    private readonly PlanBotTables _tables;
    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public TableConversationReferenceStore(PlanBotTables tables, TimeProvider time)
    {
        _tables = tables;
        _table = _tables.ConversationReferences;
        _time = time;
    }

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var key = ConversationKey.For(reference)
            ?? throw new ArgumentException("The conversation reference has no tenant, or a personal chat has no user object id.", nameof(reference));
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // Last writer wins: a reference only ever gets fresher, and Teams sends the same one again on every message.
        await _table.UpsertEntityAsync(ConversationReferenceEntity.From(key, reference, _time.GetUtcNow()), TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<ConversationReference?> FindPersonalAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rowKey = ConversationReferenceEntity.RowKeyFor(new ConversationKey(tenantId, ConversationKey.Personal, aadObjectId));
        var found = await _table.GetEntityIfExistsAsync<ConversationReferenceEntity>(tenantId, rowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue ? found.Value!.ToReference() : null;
    }

    public async Task RemoveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (ConversationKey.For(reference) is not { } key) return;
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _table.DeleteEntityAsync(key.TenantId, ConversationReferenceEntity.RowKeyFor(key), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            // Already gone: removing twice is fine.
        }
    }
}
