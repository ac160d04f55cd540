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
        try
        {
            await foreach (var upload in queue.ReadAllAsync(stoppingToken))
                await conversation.CompleteUploadAsync(upload, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var left in queue.Drain()) LogDropped(logger, left.PlanId, left.Chat.Conversation?.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down: the board pack of {PlanId} queued for conversation {ConversationId} was not sent")]
    private static partial void LogDropped(ILogger logger, string planId, string? conversationId);
}
