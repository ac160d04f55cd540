using System.Text.Json.Nodes;

namespace PlanBot.BotFramework.Schema;

/// <summary>
/// Asks the user in a personal chat for permission to save a file to their OneDrive (Teams' file upload for bots; the
/// app manifest must say <c>supportsFiles</c>). Sent as an attachment whose name is the file's name; the user's answer
/// comes back as a fileConsent/invoke carrying the matching context, and for an accept, where to upload.
/// </summary>
public sealed class FileConsentCard
{
    public const string ContentType = "application/vnd.microsoft.teams.card.file.consent";

    /// <summary>What the file is, shown on the card.</summary>
    public string? Description { get; set; }

    /// <summary>How big the file will be, for the user to judge (Teams shows it; the upload may differ a little).</summary>
    public long SizeInBytes { get; set; }

    /// <summary>Sent back untouched when the user accepts. It comes from the client, so treat it as a claim to check.</summary>
    public JsonNode? AcceptContext { get; set; }

    /// <summary>Sent back untouched when the user declines.</summary>
    public JsonNode? DeclineContext { get; set; }

    /// <param name="fileName">The name the file will have in the user's OneDrive, e.g. "report.xlsx".</param>
    public Attachment ToAttachment(string fileName) => new() { ContentType = ContentType, Name = fileName, Content = this };
}

/// <summary>The value of a fileConsent/invoke: the user's answer to a <see cref="FileConsentCard"/>.</summary>
public sealed class FileConsentCardResponse
{
    public const string Accept = "accept";
    public const string Decline = "decline";

    /// <summary>"fileUpload".</summary>
    public string? Type { get; set; }

    /// <summary><see cref="Accept"/> or <see cref="Decline"/>.</summary>
    public string? Action { get; set; }

    /// <summary>The card's acceptContext or declineContext, as the client sent it back.</summary>
    public JsonNode? Context { get; set; }

    /// <summary>Where to put the file; present for an accept.</summary>
    public FileUploadInfo? UploadInfo { get; set; }
}

/// <summary>The OneDrive upload session Teams opened for an accepted file, and the file it will become.</summary>
public sealed class FileUploadInfo
{
    /// <summary>The file's name in OneDrive (Teams may have changed it to avoid a clash).</summary>
    public string? Name { get; set; }

    /// <summary>The upload session URL: byte ranges are PUT here, without the bot's token.</summary>
    public string? UploadUrl { get; set; }

    /// <summary>Where the file will be, for the file info card.</summary>
    public string? ContentUrl { get; set; }

    /// <summary>The OneDrive drive item id.</summary>
    public string? UniqueId { get; set; }

    /// <summary>The extension without the dot, e.g. "xlsx".</summary>
    public string? FileType { get; set; }

    public string? Etag { get; set; }
}

/// <summary>Shows a file in the user's OneDrive in the chat, to open, preview or download; sent after the upload.</summary>
public sealed class FileInfoCard
{
    public const string ContentType = "application/vnd.microsoft.teams.card.file.info";

    public string? UniqueId { get; set; }
    public string? FileType { get; set; }

    /// <summary>The card for the file an upload session has just filled.</summary>
    public static Attachment ToAttachment(FileUploadInfo upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return new Attachment
        {
            ContentType = ContentType,
            ContentUrl = upload.ContentUrl,
            Name = upload.Name,
            Content = new FileInfoCard { UniqueId = upload.UniqueId, FileType = upload.FileType },
        };
    }
}
