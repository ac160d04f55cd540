using PlanBot.Web.Imports;

namespace PlanBot.Web.Bot.Intents;

/// <summary>A tracker attached in chat: a preview of importing it (<see cref="TrackerFileConversation"/>), whatever the text says.</summary>
public sealed class TrackerFileIntent(TrackerFileConversation trackerFiles) : IMessageIntent
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        var files = turn.Activity.Attachments?.Where(a => a.ContentType == TrackerFileConversation.FileDownloadInfoContentType).ToList() ?? [];
        if (files.Count == 0) return false;
        await turn.ReplyAsync(await trackerFiles.AnswerAsync(turn.Activity, files, cancellationToken), cancellationToken);
        return true;
    }
}
