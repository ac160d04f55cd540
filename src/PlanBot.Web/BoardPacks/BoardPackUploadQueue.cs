using System.Threading.Channels;
using PlanBot.BotFramework.Schema;

namespace PlanBot.Web.BoardPacks;

/// <summary>An accepted board pack offer, checked and waiting to be built and uploaded.</summary>
/// <param name="Chat">The 1:1 chat the offer was accepted in, where the file card (or why not) goes.</param>
public sealed record BoardPackUpload(string PlanId, DateOnly AsAt, Uri UploadUrl, FileUploadInfo UploadInfo, ConversationReference Chat);

/// <summary>
/// Accepted board pack uploads waiting for <see cref="BoardPackUploader"/>. Teams gives a file consent invoke about 15
/// seconds; building and uploading a large pack can take longer, so the invoke only queues the work. The queue is
/// bounded so that a burst of accepts cannot hold many workbooks in memory at once; a full queue is refused, not waited on.
/// </summary>
public sealed class BoardPackUploadQueue
{
    public const int Capacity = 16;

    private readonly Channel<BoardPackUpload> _uploads = Channel.CreateBounded<BoardPackUpload>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    /// <summary>Queues the upload; false when the queue is full.</summary>
    public bool TryQueue(BoardPackUpload upload) => _uploads.Writer.TryWrite(upload);

    public IAsyncEnumerable<BoardPackUpload> ReadAllAsync(CancellationToken cancellationToken) => _uploads.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Uploads still queued (for the shutdown log: they are not carried over to the next start).</summary>
    public IReadOnlyList<BoardPackUpload> Drain()
    {
        var left = new List<BoardPackUpload>();
        while (_uploads.Reader.TryRead(out var upload)) left.Add(upload);
        return left;
    }
}
