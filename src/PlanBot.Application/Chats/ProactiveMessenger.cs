using System.Collections.Concurrent;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Conversations;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.People;

namespace PlanBot.Application.Chats;

public enum DeliveryOutcome
{
    /// <summary>Every message went.</summary>
    Delivered,

    /// <summary>The person cannot be messaged until something changes on their side or in setup: record it, do not retry soon.</summary>
    Unreachable,

    /// <summary>Sending failed in a way that may pass (Teams did not accept it after the connector's own retries): try later.</summary>
    Transient,
}

/// <summary>
/// What became of messages sent to someone: how many went (they go in order, and sending stops at the first that fails),
/// and for the rest why not, in words for the PMO ("they have blocked or removed PlanBot"), with the error when there was one.
/// </summary>
public sealed record Delivery(DeliveryOutcome Outcome, int Sent, string? WhyNot = null, Exception? Error = null)
{
    public bool Succeeded => Outcome == DeliveryOutcome.Delivered;
}

/// <summary>
/// Every message PlanBot sends unprompted goes through here: reminders, digests and board packs. A person is found by
/// Entra object id: the stored reference of their 1:1 chat; else a chat opened through the connector (Teams gives the
/// same chat id each time); else, when Teams says PlanBot is not installed for them and installing is permitted, PlanBot
/// is installed through Graph and the chat opened. A chat opened here is stored, so the next message goes straight to
/// it. Whatever happens is one <see cref="Delivery"/>: delivered, unreachable or transient.
/// </summary>
public sealed partial class ProactiveMessenger(
    IConversationReferenceStore references,
    CloudAdapter adapter,
    ITeamsAppInstaller installer,
    PersonalChatOptions options,
    BotAuthenticationOptions authentication,
    ILogger<ProactiveMessenger> logger)
{
    private const string Blocked = "they have blocked or removed PlanBot";

    // Opens in progress, by object id: a sweep sending several reminders to one person at once opens one chat for them.
    // Lazy, because GetOrAdd may run its factory more than once when callers race; only the stored one is started.
    private readonly ConcurrentDictionary<string, Lazy<Task<PersonalChat>>> _opening = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Teams tenant whose people are messaged: PlanBot:PersonalChats:TenantId, else MicrosoftAppTenantId; empty in local mode.</summary>
    public string TenantId { get; } = options.TenantId is { Length: > 0 } tenant ? tenant : authentication.MicrosoftAppTenantId ?? string.Empty;

    /// <summary>Sends <paramref name="messages"/> in order to the person's 1:1 chat, found or opened as above.</summary>
    /// <param name="sent">
    /// Called with each message's index as soon as Teams has it, before the next is sent, so that what went is recorded at
    /// once (a host that stops mid-way must not send it again). What it throws is not a failure to deliver: it propagates.
    /// </param>
    public async Task<Delivery> SendToPersonAsync(string aadObjectId, IReadOnlyList<Activity> messages, CancellationToken cancellationToken,
        Func<int, CancellationToken, Task>? sent = null)
    {
        var chat = await FindOrOpenAsync(aadObjectId, cancellationToken).ConfigureAwait(false);
        return chat.Reference is { } reference
            ? await SendToChatAsync(reference, messages, cancellationToken, sent).ConfigureAwait(false)
            : new Delivery(DeliveryOutcome.Unreachable, 0, chat.WhyNot);
    }

    /// <summary>Sends <paramref name="messages"/> in order to a chat PlanBot already knows (e.g. the one a file was asked for in).</summary>
    public async Task<Delivery> SendToChatAsync(ConversationReference chat, IReadOnlyList<Activity> messages, CancellationToken cancellationToken,
        Func<int, CancellationToken, Task>? sent = null)
    {
        var count = 0;
        Exception? failure = null;
        await adapter.ContinueConversationAsync(chat, async (turn, ct) =>
        {
            foreach (var message in messages)
            {
                try
                {
                    await turn.SendActivityAsync(message, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failure = e;
                    return;
                }
                if (sent is not null) await sent(count, ct).ConfigureAwait(false);
                count++;
            }
        }, cancellationToken).ConfigureAwait(false);
        return failure switch
        {
            null => new Delivery(DeliveryOutcome.Delivered, count),
            ConnectorException { IsRecipientUnreachable: true } refusal => new Delivery(DeliveryOutcome.Unreachable, count, WhyUnreachable(refusal), failure),
            _ => new Delivery(DeliveryOutcome.Transient, count, "sending failed", failure),
        };
    }

    /// <summary>Why Teams will not let PlanBot message someone, from the connector's refusal.</summary>
    private static string WhyUnreachable(ConnectorException refusal) =>
        refusal.Kind == ConnectorErrorKind.DisabledByAdmin ? "their Teams admin has disabled PlanBot" : Blocked;

    private async Task<PersonalChat> FindOrOpenAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (await references.FindPersonalAsync(TenantId, aadObjectId, cancellationToken).ConfigureAwait(false) is { } stored) return new(stored, null);
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
            return PersonalChat.Unreachable("PlanBot is not installed for them, and opening new chats is off");
        // Teams needs the tenant to open a chat; without one (local mode) asking would only fail, slowly.
        if (string.IsNullOrWhiteSpace(TenantId))
            return PersonalChat.Unreachable("no 1:1 chat with them is stored, and with no Teams tenant set PlanBot cannot open one");

        // Not bound to one caller's cancellation: others may be waiting on the same open.
        var opening = _opening.GetOrAdd(aadObjectId, id => new Lazy<Task<PersonalChat>>(() => OpenAsync(id, CancellationToken.None)));
        try
        {
            return await opening.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _opening.TryRemove(KeyValuePair.Create(aadObjectId, opening));
        }
    }

    private async Task<PersonalChat> OpenAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        // Another open may have finished between the caller's look in the store and this one starting.
        if (await references.FindPersonalAsync(TenantId, aadObjectId, cancellationToken).ConfigureAwait(false) is { } stored) return new(stored, null);
        var (opened, notInstalled, problem) = await TryOpenAsync(aadObjectId, cancellationToken).ConfigureAwait(false);
        if (opened is not null) return new(opened, null);
        if (!notInstalled) return PersonalChat.Unreachable(problem!);
        if (!installer.IsAvailable) return PersonalChat.Unreachable($"PlanBot is not installed for them, and PlanBot cannot install it: {installer.Description.TrimEnd('.')}");

        var installed = await installer.InstallForUserAsync(aadObjectId, cancellationToken).ConfigureAwait(false);
        if (!installed.Succeeded) return PersonalChat.Unreachable($"PlanBot is not installed for them and could not be installed: {installed.Problem?.TrimEnd('.')}");
        LogInstalled(logger);
        (opened, _, problem) = await TryOpenAsync(aadObjectId, cancellationToken).ConfigureAwait(false);
        return opened is not null ? new(opened, null) : PersonalChat.Unreachable($"PlanBot was installed for them but the chat could not be opened: {problem}");
    }

    private async Task<(ConversationReference? Opened, bool NotInstalled, string? Problem)> TryOpenAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            var reference = await adapter.CreatePersonalConversationAsync(options.ServiceUrl!, TenantId, aadObjectId, cancellationToken).ConfigureAwait(false);
            await references.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
            return (reference, false, null);
        }
        catch (ConnectorException e) when (e.Kind is ConnectorErrorKind.NotInstalled or ConnectorErrorKind.NotFound)
        {
            return (null, true, "PlanBot is not installed for them");
        }
        catch (ConnectorException e) when (e.IsRecipientUnreachable)
        {
            return (null, false, WhyUnreachable(e));
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            LogOpenFailed(logger, e);
            return (null, false, "the chat could not be opened (Teams did not accept the request)");
        }
    }

    /// <summary>A 1:1 chat found or opened for someone, or why there is none.</summary>
    private sealed record PersonalChat(ConversationReference? Reference, string? WhyNot)
    {
        public static PersonalChat Unreachable(string why) => new(null, why);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed PlanBot for a user who had not added it, to open a 1:1 chat")]
    private static partial void LogInstalled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a 1:1 chat with a user")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception);
}
