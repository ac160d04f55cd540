namespace PlanBot.Web.BoardPacks;

/// <summary>
/// Builds and uploads queued board packs one at a time (each workbook is built in memory) and sends each admin the file
/// card, or why not, in their 1:1 chat.
/// </summary>
public sealed partial class BoardPackUploader(BoardPackUploadQueue queue, BoardPackConversation conversation, ILogger<BoardPackUploader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        BoardPackUpload? current = null;
        try
        {
            await foreach (var upload in queue.ReadAllAsync(stoppingToken))
            {
                current = upload;
                await conversation.CompleteUploadAsync(upload, stoppingToken);
                current = null;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var left in current is null ? queue.Drain() : [current, .. queue.Drain()])
                LogDropped(logger, left.PlanId, left.Chat.Conversation?.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down: the board pack of {PlanId} queued for conversation {ConversationId} was not sent")]
    private static partial void LogDropped(ILogger logger, string planId, string? conversationId);
}
