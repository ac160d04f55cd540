using PlanBot.Core.Plans;

namespace PlanBot.Trackers.Importing;

/// <summary>A table the importer found, for the preview: where it starts and how many records it gave.</summary>
public sealed record FoundTable(TableKind Kind, string? Sheet, int HeaderRow, int Records);

/// <summary>The plan read from a file, or the reasons it could not be. <see cref="Plan"/> is null when there are errors.</summary>
public sealed record TrackerImportResult(Plan? Plan, IReadOnlyList<ImportMessage> Messages, IReadOnlyList<FoundTable> Tables)
{
    /// <summary>What became of each data row, how references and columns were read, and the file's report date.</summary>
    public ImportSummary Summary { get; init; } = new();

    public bool HasErrors => Messages.Any(m => m.Severity == ImportSeverity.Error);

    public IEnumerable<ImportMessage> Errors => Messages.Where(m => m.Severity == ImportSeverity.Error);

    public IEnumerable<ImportMessage> Warnings => Messages.Where(m => m.Severity == ImportSeverity.Warning);
}
