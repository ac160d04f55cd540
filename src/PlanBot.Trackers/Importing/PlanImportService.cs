using PlanBot.Core.Telemetry;
using PlanBot.Core.Plans;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>What an import would do, ready to show as a dry run or to commit.</summary>
public sealed record ImportPreview(string FilePath, TrackerImportResult Result, PlanDiff? Diff, PlanSummary? Existing)
{
    public bool CanCommit => !Result.HasErrors && Result.Plan is not null;

    /// <summary>The file merged with what changed in Teams since the last import; <see cref="Diff"/> is its diff.</summary>
    public PlanMerge? Merge { get; init; }
}

/// <summary>
/// Reads a tracker file, compares it with the stored plan, and commits it all or nothing. The commit is guarded by the
/// stored plan's version at preview time, so an update made in between is never overwritten unseen.
/// </summary>
public sealed class PlanImportService(IPlanStore store, TimeProvider time)
{
    private readonly TrackerImporter _importer = new();

    /// <exception cref="TrackerFileException">The file cannot be read at all.</exception>
    public Task<ImportPreview> PreviewAsync(string path, TrackerImportOptions options, CancellationToken cancellationToken = default) =>
        PreviewAsync(path, options, MergePreference.Teams, cancellationToken);

    /// <param name="prefer">Which side wins a field both the file and Teams changed since the last import.</param>
    /// <exception cref="TrackerFileException">The file cannot be read at all.</exception>
    public async Task<ImportPreview> PreviewAsync(string path, TrackerImportOptions options, MergePreference prefer, CancellationToken cancellationToken = default)
    {
        var workbook = TrackerFileReader.Read(path, cancellationToken);
        var result = _importer.Import(workbook, Exporting.PlanTableExport.WithOwnColumns(workbook, options));
        PlanBotTelemetry.Imported(result.HasErrors || result.Plan is null ? "refused" : "previewed");
        if (result.Plan is null) return new ImportPreview(path, result, null, null);
        var existing = await store.GetPlanAsync(options.PlanId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && result.Summary.KeptIdField is { } idField
            && KeptIdMatch.Renumber(result.Plan, existing.Plan, idField) is { Matched: > 0 } match)
        {
            var said = new ImportMessage(ImportSeverity.Info, new SourceLocation(Path.GetFileName(path), options.Sheet, 0), idField,
                $"{match.Matched} milestones matched the stored plan by their '{idField}' and keep their numbers; {match.Numbered} new ones numbered after the stored plan's last.");
            result = result with { Plan = match.Plan, Messages = [.. result.Messages, said] };
        }
        var merge = await ReimportMerge.MergeAsync(store, existing, result.Plan!, prefer, cancellationToken).ConfigureAwait(false);
        return new ImportPreview(path, result, merge.Diff, existing?.Summary) { Merge = merge };
    }

    public async Task<PlanSummary> CommitAsync(ImportPreview preview, string importedBy, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!preview.CanCommit)
            throw new InvalidOperationException("The import has errors; nothing can be committed until they are fixed.");
        var plan = preview.Merge?.Merged ?? preview.Result.Plan!;
        var sourceFile = plan.SourceFile ?? Path.GetFileName(preview.FilePath);
        var history = preview.Merge?.ToHistory(preview.Existing is not null, time.GetUtcNow(), importedBy, sourceFile)
            ?? preview.Diff!.ToHistory(preview.Existing is not null, time.GetUtcNow(), importedBy, sourceFile);
        var summary = await ((preview.Merge is { ImportBases.Count: > 0 } merge && store is IImportBaseStore bases
            ? bases.CommitImportAsync(plan, merge.ImportBases, preview.Existing?.Version, importedBy, history, progress, cancellationToken)
            : store.CommitImportAsync(plan, preview.Existing?.Version, importedBy, history, progress, cancellationToken)).ConfigureAwait(false));
        PlanBotTelemetry.Imported("committed");
        return summary;
    }
}
