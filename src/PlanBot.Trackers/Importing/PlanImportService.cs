using PlanBot.Core.Telemetry;
using PlanBot.Core.Plans;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>What an import would do, ready to show as a dry run or to commit.</summary>
public sealed record ImportPreview(string FilePath, TrackerImportResult Result, PlanDiff? Diff, PlanSummary? Existing)
{
    public bool CanCommit => !Result.HasErrors && Result.Plan is not null;
}

/// <summary>
/// Reads a tracker file, compares it with the stored plan, and commits it all or nothing. The commit is guarded by the
/// stored plan's version at preview time, so an update made in between is never overwritten unseen.
/// </summary>
public sealed class PlanImportService(IPlanStore store, TimeProvider time)
{
    private readonly TrackerImporter _importer = new();

    /// <exception cref="TrackerFileException">The file cannot be read at all.</exception>
    public async Task<ImportPreview> PreviewAsync(string path, TrackerImportOptions options, CancellationToken cancellationToken = default)
    {
        var workbook = TrackerFileReader.Read(path, cancellationToken);
        var result = _importer.Import(workbook, options);
        PlanBotTelemetry.Imported(result.HasErrors || result.Plan is null ? "refused" : "previewed");
        if (result.Plan is null) return new ImportPreview(path, result, null, null);
        var existing = await store.GetPlanAsync(options.PlanId, cancellationToken);
        return new ImportPreview(path, result, PlanDiff.Between(existing?.Plan, result.Plan), existing?.Summary);
    }

    public async Task<PlanSummary> CommitAsync(ImportPreview preview, string importedBy, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!preview.CanCommit)
            throw new InvalidOperationException("The import has errors; nothing can be committed until they are fixed.");
        var plan = preview.Result.Plan!;
        var history = preview.Diff!.ToHistory(preview.Existing is not null, time.GetUtcNow(), importedBy, plan.SourceFile ?? Path.GetFileName(preview.FilePath));
        var summary = await store.CommitImportAsync(plan, preview.Existing?.Version, importedBy, history, progress, cancellationToken);
        PlanBotTelemetry.Imported("committed");
        return summary;
    }
}
