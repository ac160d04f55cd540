using System.Collections.Concurrent;
using PlanBot.BotFramework.Conversations;
using PlanBot.BotFramework.Schema;

namespace PlanBot.Web.Bot;

/// <summary>
/// Keeps the stored conversation reference of everyone who installs or writes to the bot up to date, so reminders can
/// reach them later. Writes only when the reference changed since this instance last saved it: Teams repeats the
/// same reference on every message, and a storage round trip per message would double the cost of a turn.
/// </summary>
public sealed partial class ConversationReferenceRecorder(IConversationReferenceStore store, ILogger<ConversationReferenceRecorder> logger)
{
    /// <summary>Conversations remembered at once; beyond it the memory starts again, costing one write per conversation.</summary>
    public const int MaxRemembered = 20_000;

    private readonly ConcurrentDictionary<ConversationKey, string> _saved = new();

    public async Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = activity.GetConversationReference();
        if (ConversationKey.For(reference) is not { } key) return;
        var fingerprint = string.Join('|', reference.ServiceUrl, reference.Conversation?.Id, reference.User?.Id, reference.User?.Name, reference.Bot?.Id, reference.Locale);
        if (_saved.TryGetValue(key, out var saved) && saved == fingerprint) return;
        try
        {
            await store.SaveAsync(reference, cancellationToken);
            if (_saved.Count >= MaxRemembered) _saved.Clear();
            _saved[key] = fingerprint;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The answer to the user matters more than the reference; the next message tries again.
            LogSaveFailed(logger, error, key.TenantId, key.Kind);
        }
    }

    public async Task ForgetAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = activity.GetConversationReference();
        if (ConversationKey.For(reference) is not { } key) return;
        _saved.TryRemove(key, out _);
        await store.RemoveAsync(reference, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the conversation reference ({Kind}) for tenant {TenantId}")]
    private static partial void LogSaveFailed(ILogger logger, Exception error, string tenantId, string kind);
}
