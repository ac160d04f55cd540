using System.Text.Json;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Hosting;

/// <summary>
/// Routes a turn to a method per activity type, as Bot Builder's ActivityHandler does. Bots override what they handle;
/// everything else is acknowledged and ignored, and invokes nobody handles are answered 501. Of Teams' invokes it
/// routes the two PlanBot uses, as Bot Builder's TeamsActivityHandler does: adaptiveCard/action and fileConsent/invoke.
/// </summary>
public abstract class ActivityHandler : IBot
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
    public const string FileConsentInvoke = "fileConsent/invoke";

    public virtual Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Type switch
    {
        ActivityTypes.Message => OnMessageActivityAsync(turn, cancellationToken),
        ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turn, cancellationToken),
        ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turn, cancellationToken),
        ActivityTypes.Invoke => OnInvokeActivityAsync(turn, cancellationToken),
        _ => OnUnrecognizedActivityTypeAsync(turn, cancellationToken),
    };

    protected virtual Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var added = activity.MembersAdded?.Where(m => m.Id != activity.Recipient?.Id).ToList() ?? [];
        var botAdded = activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) ?? false;
        if (added.Count > 0 || botAdded) return OnMembersAddedAsync(added, botAdded, turn, cancellationToken);
        return Task.CompletedTask;
    }

    /// <param name="members">The people added (the bot itself left out).</param>
    /// <param name="botAdded">Whether the bot was among them: it has just joined the conversation.</param>
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> members, bool botAdded, TurnContext turn, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Action switch
        {
            "add" or "add-upgrade" => OnInstallationUpdateAddAsync(turn, cancellationToken),
            "remove" or "remove-upgrade" => OnInstallationUpdateRemoveAsync(turn, cancellationToken),
            _ => Task.CompletedTask,
        };

    protected virtual Task OnInstallationUpdateAddAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateRemoveAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual async Task OnInvokeActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Name == FileConsentInvoke)
        {
            turn.InvokeResponse = await FileConsentAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (turn.Activity.Name != AdaptiveCardActionInvoke)
        {
            turn.InvokeResponse = new InvokeResponse(501);
            return;
        }
        var value = ReadValue<AdaptiveCardInvokeValue>(turn.Activity);
        if (value?.Action is null || string.IsNullOrEmpty(value.Action.Verb))
        {
            turn.InvokeResponse = new InvokeResponse(400,
                AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The card action has no verb."));
            return;
        }
        var response = await OnAdaptiveCardInvokeAsync(value, turn, cancellationToken).ConfigureAwait(false);
        turn.InvokeResponse = new InvokeResponse(200, response);
    }

    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(AdaptiveCardInvokeValue value, TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardInvokeResponse.Error(501, "NotImplemented", "This card action is not supported."));

    /// <summary>
    /// The user answered a <see cref="FileConsentCard"/>: calls <see cref="OnFileConsentAcceptAsync"/> or
    /// <see cref="OnFileConsentDeclineAsync"/> and answers 200 with no body, as Teams expects; an unknown action is 400.
    /// </summary>
    protected virtual async Task<InvokeResponse> OnFileConsentAsync(FileConsentCardResponse response, TurnContext turn, CancellationToken cancellationToken)
    {
        switch (response.Action)
        {
            case FileConsentCardResponse.Accept:
                await OnFileConsentAcceptAsync(response, turn, cancellationToken).ConfigureAwait(false);
                return new InvokeResponse(200);
            case FileConsentCardResponse.Decline:
                await OnFileConsentDeclineAsync(response, turn, cancellationToken).ConfigureAwait(false);
                return new InvokeResponse(200);
            default:
                return new InvokeResponse(400, new ErrorResponse { Error = new ErrorDetail { Code = "BadRequest", Message = "The file consent answer is neither accept nor decline." } });
        }
    }

    /// <summary>Whether the bot offers files (file consent cards); one that does not answers a file consent invoke 501.</summary>
    protected virtual bool SendsFiles => false;

    /// <summary>The user allowed the upload: PUT the file to <see cref="FileUploadInfo.UploadUrl"/>, then send a <see cref="FileInfoCard"/>.</summary>
    protected virtual Task OnFileConsentAcceptAsync(FileConsentCardResponse response, TurnContext turn, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnFileConsentDeclineAsync(FileConsentCardResponse response, TurnContext turn, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnUnrecognizedActivityTypeAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<InvokeResponse> FileConsentAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!SendsFiles) return Task.FromResult(new InvokeResponse(501));
        if (ReadValue<FileConsentCardResponse>(turn.Activity) is not { } response)
            return Task.FromResult(new InvokeResponse(400, new ErrorResponse { Error = new ErrorDetail { Code = "BadRequest", Message = "The file consent answer could not be read." } }));
        return OnFileConsentAsync(response, turn, cancellationToken);
    }

    private static T? ReadValue<T>(Activity activity) where T : class
    {
        try
        {
            return activity.Value?.Deserialize<T>(BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
