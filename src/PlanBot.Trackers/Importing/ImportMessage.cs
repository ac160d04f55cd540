using PlanBot.Core.Plans;

namespace PlanBot.Trackers.Importing;

public enum ImportSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// Something the importer wants the PMO to know, pinned to the file, sheet, row and column it is about.
/// Errors stop the import; warnings and notes are shown in the preview and the import still commits.
/// </summary>
public sealed record ImportMessage(ImportSeverity Severity, SourceLocation Location, string? Column, string Text)
{
    public override string ToString()
    {
        var column = Column is null ? string.Empty : $" ({Column})";
        return $"{Location}{column}: {Text}";
    }
}
