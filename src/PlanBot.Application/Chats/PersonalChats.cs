using System.Collections.Concurrent;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Conversations;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.People;

namespace PlanBot.Application.Chats;

/// <summary>A 1:1 chat found or opened for someone, or why there is none (a sentence for the PMO).</summary>
public sealed record PersonalChat(ConversationReference? Reference, string? WhyNot)
{
    public static PersonalChat Unreachable(string why) => new(null, why);
}

/// <summary>
/// Finds the 1:1 chat PlanBot has with a person, by Entra object id, for proactive messages (reminders, digests): the
/// stored conversation reference; else a chat opened through the connector (Teams gives the same chat id each time);
/// else, when Teams says PlanBot is not installed for them and installing is permitted, install it through Graph and
/// open the chat. A chat opened here is stored, so the next message goes straight to it.
/// </summary>
public sealed partial class PersonalChats(
    IConversationReferenceStore references,
    CloudAdapter adapter,
    ITeamsAppInstaller installer,
    PersonalChatOptions options,
    string tenantId,
    ILogger<PersonalChats> logger)
{
    // Opens in progress, by object id: a sweep sending several reminders to one person at once opens one chat for them.
    // Lazy, because GetOrAdd may run its factory more than once when callers race; only the stored one is started.
    private readonly ConcurrentDictionary<string, Lazy<Task<PersonalChat>>> _opening = new(StringComparer.OrdinalIgnoreCase);

    public string TenantId => tenantId;

    public async Task<PersonalChat> FindOrOpenAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (await references.FindPersonalAsync(tenantId, aadObjectId, cancellationToken) is { } stored) return new(stored, null);
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
            return PersonalChat.Unreachable("PlanBot is not installed for them, and opening new chats is off");
        // Teams needs the tenant to open a chat; without one (local mode) asking would only fail, slowly.
        if (string.IsNullOrWhiteSpace(tenantId))
            return PersonalChat.Unreachable("no 1:1 chat with them is stored, and with no Teams tenant set PlanBot cannot open one");

        // Not bound to one caller's cancellation: others may be waiting on the same open.
        var opening = _opening.GetOrAdd(aadObjectId, id => new Lazy<Task<PersonalChat>>(() => OpenAsync(id, CancellationToken.None)));
        try
        {
            return await opening.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _opening.TryRemove(KeyValuePair.Create(aadObjectId, opening));
        }
    }

    private async Task<PersonalChat> OpenAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        // Another open may have finished between the caller's look in the store and this one starting.
        if (await references.FindPersonalAsync(tenantId, aadObjectId, cancellationToken) is { } stored) return new(stored, null);
        var (opened, notInstalled, problem) = await TryOpenAsync(aadObjectId, cancellationToken);
        if (opened is not null) return new(opened, null);
        if (!notInstalled) return PersonalChat.Unreachable(problem!);
        if (!installer.IsAvailable) return PersonalChat.Unreachable($"PlanBot is not installed for them, and PlanBot cannot install it: {installer.Description.TrimEnd('.')}");

        var installed = await installer.InstallForUserAsync(aadObjectId, cancellationToken);
        if (!installed.Succeeded) return PersonalChat.Unreachable($"PlanBot is not installed for them and could not be installed: {installed.Problem?.TrimEnd('.')}");
        LogInstalled(logger);
        (opened, _, problem) = await TryOpenAsync(aadObjectId, cancellationToken);
        return opened is not null ? new(opened, null) : PersonalChat.Unreachable($"PlanBot was installed for them but the chat could not be opened: {problem}");
    }

    private async Task<(ConversationReference? Opened, bool NotInstalled, string? Problem)> TryOpenAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            var reference = await adapter.CreatePersonalConversationAsync(options.ServiceUrl!, tenantId, aadObjectId, cancellationToken);
            await references.SaveAsync(reference, cancellationToken);
            return (reference, false, null);
        }
        catch (ConnectorException e) when (e.Kind is ConnectorErrorKind.NotInstalled or ConnectorErrorKind.NotFound)
        {
            return (null, true, "PlanBot is not installed for them");
        }
        catch (ConnectorException e) when (e.IsRecipientUnreachable)
        {
            return (null, false, e.Kind == ConnectorErrorKind.DisabledByAdmin ? "their Teams admin has disabled PlanBot" : "they have blocked or removed PlanBot");
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            LogOpenFailed(logger, e);
            return (null, false, "the chat could not be opened (Teams did not accept the request)");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed PlanBot for a user who had not added it, to open a 1:1 chat")]
    private static partial void LogInstalled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a 1:1 chat with a user")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception);
}
