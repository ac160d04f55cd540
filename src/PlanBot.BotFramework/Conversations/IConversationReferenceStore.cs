using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Conversations;

/// <summary>
/// Where the bot keeps the conversation references it needs to message people unprompted. A 1:1 (personal) chat is
/// found by the user's tenant and Entra object id; team and group chats by tenant and conversation id.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>Saves or replaces the reference for the conversation (and, in a personal chat, the user) it names.</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The personal chat between the bot and a user, if the bot has one.</summary>
    Task<ConversationReference?> FindPersonalAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Forgets the conversation, e.g. when the app is uninstalled there.</summary>
    Task RemoveAsync(ConversationReference reference, CancellationToken cancellationToken);
}

/// <summary>The identity a stored reference is filed under.</summary>
public sealed record ConversationKey(string TenantId, string Kind, string Id)
{
    public const string Personal = "user";
    public const string Shared = "conversation";

    /// <summary>
    /// Personal chats are filed by the user's Entra object id (how later issues find people); other conversations by
    /// their id. Null when the reference lacks what is needed to file it (no tenant, or a personal chat without the
    /// user's object id).
    /// </summary>
    public static ConversationKey? For(ConversationReference reference)
    {
        var tenant = reference.Conversation?.TenantId;
        if (string.IsNullOrEmpty(tenant)) return null;
        var isPersonal = reference.Conversation?.ConversationType is null or "personal" && reference.Conversation?.IsGroup != true;
        if (isPersonal)
            return reference.User?.AadObjectId is { Length: > 0 } user ? new(tenant, Personal, user) : null;
        return reference.Conversation?.Id is { Length: > 0 } conversation ? new(tenant, Shared, conversation) : null;
    }
}
