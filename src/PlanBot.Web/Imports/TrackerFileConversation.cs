using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Core.Updates;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;
using PlanBot.Web.Bot;
using PlanBot.Web.Cards;
using PlanBot.Web.People;

namespace PlanBot.Web.Imports;

/// <summary>
/// Refreshing a plan from Teams: a PMO admin attaches the tracker in the 1:1 chat (Teams sends a file.download.info
/// attachment with a short-lived download address), PlanBot reads it as <c>planbot import --dry-run</c> would, merged with
/// the updates made in Teams, and answers with a preview card. Nothing is stored until the same admin presses Import.
/// PMO admins are recognised by Entra object id only (the people file's role or PlanBot:Updates:AdminObjectIds), checked
/// again on the press. The plan is the one the message names ("odkm"), else the sender's chosen plan.
/// </summary>
public sealed partial class TrackerFileConversation(
    ChatSenders senders,
    PlanSelector planSelector,
    PlanImportService imports,
    TrackerFileDownloader downloader,
    PendingTrackerImports pending,
    ILogger<TrackerFileConversation> logger)
{
    public const string FileDownloadInfoContentType = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The answer to a message carrying <paramref name="files"/> (Teams' file.download.info attachments): a preview card, or why not.</summary>
    public async Task<Activity> AnswerAsync(Activity activity, IReadOnlyList<Attachment> files, CancellationToken cancellationToken)
    {
        var admin = await AdminAsync(activity, cancellationToken);
        if (admin is null) return CardMessages.PlainMessage("Only PMO admins can import a tracker. I haven't read or saved the file.");
        if (!string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase))
            return CardMessages.PlainMessage("Attach the tracker in our 1:1 chat and I'll import it there.");
        if (files.Count > 1)
            return CardMessages.PlainMessage($"You attached {files.Count} files; attach one tracker at a time. I haven't read any of them.");

        var planId = await PlanIdAsync(activity, cancellationToken);
        if (planId is null)
            return CardMessages.PlainMessage("Which plan is this tracker for? Attach it again with the plan's id as the message, for example \"odkm\".");

        var file = files[0];
        string fileName;
        try
        {
            fileName = TrackerFileDownloader.SafeFileName(file.Name);
        }
        catch (TrackerFileException e)
        {
            return CardMessages.PlainMessage(e.Message + " Nothing was imported.");
        }
        if (DownloadUrl(file) is not { } downloadUrl)
            return CardMessages.PlainMessage($"Teams sent '{fileName}' without a download address, so I could not read it. Attach it again.");

        string? path = null;
        try
        {
            path = await downloader.DownloadAsync(downloadUrl, fileName, cancellationToken);
            var options = new TrackerImportOptions { PlanId = planId };
            var preview = await imports.PreviewAsync(path, options, MergePreference.Teams, cancellationToken);
            var columns = ColumnsRead(path, preview.Result, options, cancellationToken);
            var token = preview.CanCommit ? pending.Add(preview, fileName, admin.Value.ObjectId, admin.Value.Name).Token : null;
            LogPreviewed(logger, planId, fileName, preview.Result.Messages.Count, token is not null);
            var card = TrackerImportCards.Preview(preview, fileName, planId, token, columns);
            return card.ToMessage(token is null
                ? $"{fileName} has errors, so nothing was imported."
                : $"Here is what importing {fileName} into {planId.ToUpperInvariant()} would do. Press Import to save it.");
        }
        catch (TrackerFileException e)
        {
            return CardMessages.PlainMessage(e.Message + " Nothing was imported.");
        }
        finally
        {
            if (path is not null) Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>Import pressed: the same admin, still an admin, commits exactly what the preview showed.</summary>
    public async Task<AdaptiveCardInvokeResponse> ImportFromCardAsync(AdaptiveCardInvokeValue value, Activity activity, CancellationToken cancellationToken)
    {
        var token = Token(value);
        var admin = await AdminAsync(activity, cancellationToken);
        if (admin is null) return Reply("Only PMO admins can import a tracker. Nothing was imported.", good: false);
        var found = pending.Find(token);
        if (found is not null && found.AdminObjectId != admin.Value.ObjectId)
            return Reply($"Only {found.AdminName}, who attached this tracker, can import it. Nothing was imported.", good: false);
        if (pending.Take(token) is not { } import)
            return Reply("This preview has expired or was already used. Attach the tracker again for a fresh one. Nothing was imported.", good: false);

        var preview = import.Preview;
        try
        {
            // Past this point the admin has asked for the save: it runs to the end even if Teams stops waiting.
            var saved = await imports.CommitAsync(preview, $"teams:{admin.Value.Name}", null, CancellationToken.None);
            var diff = preview.Diff!;
            var conflicts = preview.Merge?.Conflicts.Count ?? 0;
            LogImported(logger, saved.Id, import.FileName, saved.MilestoneCount);
            return Reply(
                $"Imported {import.FileName} into plan {saved.Id.ToUpperInvariant()}: {saved.MilestoneCount} milestones ({diff.Added.Count} added, {diff.Changed.Count} changed, {diff.Removed.Count} removed, {diff.Unchanged} unchanged)"
                + (conflicts > 0 ? $"; {conflicts} conflict(s) kept the Teams update." : "."), good: true);
        }
        catch (PlanConcurrencyException)
        {
            return Reply($"Plan {preview.Result.Plan!.Id.ToUpperInvariant()} changed after this preview (an update or another import), so nothing was imported. Attach the tracker again to see the latest comparison.", good: false);
        }
    }

    public async Task<AdaptiveCardInvokeResponse> CancelFromCardAsync(AdaptiveCardInvokeValue value, Activity activity, CancellationToken cancellationToken)
    {
        var admin = await AdminAsync(activity, cancellationToken);
        var found = pending.Find(Token(value));
        if (admin is null || (found is not null && found.AdminObjectId != admin.Value.ObjectId))
            return Reply("Only the PMO admin who attached this tracker can cancel it.", good: false);
        pending.Take(Token(value));
        return Reply("Cancelled: nothing was imported.", good: true);
    }

    /// <summary>The sender's object id and name when they are a PMO admin by object id; a name alone never is.</summary>
    private async Task<(string ObjectId, string Name)?> AdminAsync(Activity activity, CancellationToken cancellationToken)
    {
        var (sender, _) = await senders.IdentifyAsync(activity, cancellationToken);
        return sender is { IsPmoAdmin: true, AadObjectId: { } objectId } ? (objectId, sender.DisplayName ?? objectId) : null;
    }

    /// <summary>A plan id typed with the file, else the sender's chosen (or only) plan.</summary>
    private async Task<string?> PlanIdAsync(Activity activity, CancellationToken cancellationToken)
    {
        var text = MessageText.Clean(activity.Text).ToLowerInvariant();
        if (text.Length > 0 && PlanId.IsValid(text)) return text;
        return (await planSelector.SelectAsync(activity, cancellationToken)).Plan?.Id;
    }

    private static string? DownloadUrl(Attachment file)
    {
        var content = file.Content switch
        {
            JsonElement { ValueKind: JsonValueKind.Object } element => JsonNode.Parse(element.GetRawText()),
            JsonNode node => node,
            _ => null,
        };
        return content?["downloadUrl"] is JsonValue url && url.GetValueKind() == JsonValueKind.String ? url.GetValue<string>() : null;
    }

    /// <summary>Each table the import found, with the field it read each named column as ("Due Date → Due").</summary>
    private static List<string> ColumnsRead(string path, TrackerImportResult result, TrackerImportOptions options, CancellationToken cancellationToken)
    {
        if (result.Tables.Count == 0) return [];
        var workbook = TrackerFileReader.Read(path, cancellationToken);
        var lines = new List<string>();
        foreach (var table in result.Tables)
        {
            var row = workbook.Sheets.FirstOrDefault(s => s.Name == table.Sheet)?.Rows.FirstOrDefault(r => r.Number == table.HeaderRow);
            if (row is null || TableLayout.TryRecognise(row, options.ColumnMap) is not { } layout) continue;
            var mapped = Enumerable.Range(0, layout.Width)
                .Where(c => layout.FieldAt(c) is not null)
                .Select(c => $"{layout.HeaderName(c)} → {HistoryWording.Field(layout.FieldAt(c)!.Value.ToString())}");
            var where = table.Sheet is null ? string.Empty : $"sheet '{table.Sheet}', ";
            lines.Add($"{where}header row {table.HeaderRow.ToString(CultureInfo.InvariantCulture)}: {string.Join("; ", mapped)}");
        }
        return lines;
    }

    private static string? Token(AdaptiveCardInvokeValue value) =>
        value.Action?.Data?["token"] is JsonValue token && token.GetValueKind() == JsonValueKind.String ? token.GetValue<string>() : null;

    private static AdaptiveCardInvokeResponse Reply(string text, bool good) => CardMessages.InvokeReply(TrackerImportCards.Outcome(text, good));

    [LoggerMessage(Level = LogLevel.Information, Message = "Previewed tracker {FileName} for plan {PlanId}: {Messages} messages, can import {CanImport}")]
    private static partial void LogPreviewed(ILogger logger, string planId, string fileName, int messages, bool canImport);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported tracker {FileName} into plan {PlanId} from Teams: {Milestones} milestones")]
    private static partial void LogImported(ILogger logger, string planId, string fileName, int milestones);
}
