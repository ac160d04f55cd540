using PlanBot.Core.Plans;

namespace PlanBot.Trackers.Importing;

/// <summary>A data row the importer did not turn into a milestone, and why.</summary>
public sealed record SkippedRow(SourceLocation Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}

/// <summary>
/// What became of every data row of the milestone tables: imported as a milestone, merged into one repeated from an
/// earlier table, read as a heading or parent row (the group of the rows beneath), or skipped with a reason.
/// <see cref="Read"/> is their sum, so the import report's counts always add up.
/// </summary>
public sealed record ImportSummary
{
    public const int SkippedListed = 10;

    public int Imported { get; init; }
    public int Merged { get; init; }
    public int Grouped { get; init; }
    public int Skipped { get; init; }
    public int Read => Imported + Merged + Grouped + Skipped;

    /// <summary>The first <see cref="SkippedListed"/> skipped rows with their reasons.</summary>
    public IReadOnlyList<SkippedRow> FirstSkipped { get; init; } = [];

    /// <summary>Why milestones were numbered 1..n in file order (no reference column, or one of machine ids); null when the tracker's own references were used.</summary>
    public string? GeneratedRefsReason { get; init; }

    public bool RefsGenerated => GeneratedRefsReason is not null;

    /// <summary>
    /// With generated references, the column whose machine ids each milestone keeps in its other fields ("Task ID"):
    /// a re-import matches milestones by it, not by their numbers. Null otherwise.
    /// </summary>
    public string? KeptIdField { get; init; }

    /// <summary>How columns were read where that was decided by content or corrected from the header: "'Finish' read as the due date by its content (dates…)".</summary>
    public IReadOnlyList<string> ColumnDecisions { get; init; } = [];

    /// <summary>The as-at date the file states in its title rows ("Position as at 3 March 2025", "Date of export").</summary>
    public DateOnly? ReportDate { get; init; }

    /// <summary>
    /// Which sheet of a workbook was read when no sheet was named and one clearly holds the tracker, and why:
    /// "read sheet 'Actions'; 'Issues' is a register of issues, not milestones (--sheet reads another)". Null otherwise.
    /// </summary>
    public string? SheetChoice { get; init; }

    /// <summary>What the tracker's key to its owners' role codes and initials resolved and what it could not; null when it has none.</summary>
    public OwnerKeyReport? OwnerKey { get; init; }

    /// <summary>RAG ratings read from a cell's fill colour alone, the cell holding no text.</summary>
    public int RatingsFromColour { get; init; }

    /// <summary>"42 data rows read: 38 imported, 3 heading rows grouped, 1 skipped."</summary>
    public string Line()
    {
        var parts = new List<string> { $"{Imported} imported" };
        if (Merged > 0) parts.Add($"{Merged} merged into milestones repeated from an earlier table");
        parts.Add($"{Grouped} heading or parent {(Grouped == 1 ? "row" : "rows")} read as groups");
        parts.Add($"{Skipped} skipped");
        return $"{Read} data {(Read == 1 ? "row" : "rows")} read: {string.Join(", ", parts)}.";
    }
}

/// <summary>Counts rows as the milestone tables are read.</summary>
internal sealed class ImportTally
{
    private readonly List<SkippedRow> _skipped = [];

    public int Imported { get; set; }
    public int Merged { get; set; }
    public int Grouped { get; set; }
    public int Skipped { get; private set; }
    public int RatingsFromColour { get; set; }
    public IReadOnlyList<SkippedRow> FirstSkipped => _skipped;

    /// <summary>Every reason, counted, for a zero-read or partial-read error.</summary>
    public Dictionary<string, int> ReasonCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Skipped rows that held two values or more: rows meant as milestones, not page numbers or notes.</summary>
    public int SkippedWithValues { get; private set; }

    public void Skip(SourceLocation location, string reason, string reasonKind, bool loneValue = false)
    {
        Skipped++;
        if (!loneValue) SkippedWithValues++;
        ReasonCounts[reasonKind] = ReasonCounts.GetValueOrDefault(reasonKind) + 1;
        if (_skipped.Count < ImportSummary.SkippedListed) _skipped.Add(new SkippedRow(location, reason));
    }
}
