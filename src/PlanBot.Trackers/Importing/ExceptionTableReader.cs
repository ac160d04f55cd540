using System.Text.RegularExpressions;
using PlanBot.Core.Dates;
using PlanBot.Core.Plans;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// Reads exception report tables ("Milestone Number | Team | Milestone | Date Due | Rationale for Delay / Recovery Plan |
/// Proposed Revised Date") and links each row to the milestones it names. Rows naming no milestone, or one not in the
/// plan, are kept and reported rather than dropped.
/// </summary>
internal static partial class ExceptionTableReader
{
    public static List<ExceptionReportEntry> Read(
        TableSegment segment, string file, ITrackerDateParser dates, IReadOnlySet<MilestoneRef> known, List<ImportMessage> messages)
    {
        var layout = segment.Layout;
        var entries = new List<ExceptionReportEntry>();
        foreach (var row in segment.DataRows)
        {
            if (row.IsBlank) continue;
            var location = segment.Location(file, row.Number);
            if (FormulaCells.Report(segment, file, row, messages)) continue;
            if (row.Cells.Count(c => !c.IsBlank) < 2) continue; // a title or note line

            string Field(ColumnField f) => layout.Column(f) is var c and >= 0 ? CellText.Clean(row.Text(c)) : string.Empty;
            var refText = Field(ColumnField.Ref);
            var title = Field(ColumnField.Title);
            var reason = Field(ColumnField.ExceptionReason);
            if (refText.Length == 0 && title.Length == 0 && reason.Length == 0) continue;

            var refs = ReadRefs(refText);
            var refColumn = layout.Column(ColumnField.Ref) is var rc and >= 0 ? layout.HeaderName(rc) : null;
            if (refs.Count == 0)
                messages.Add(new(ImportSeverity.Warning, location, refColumn,
                    $"exception '{MilestoneTableReader.Shorten(title)}' names no milestone ('{refText}'); kept, not linked."));
            foreach (var missing in refs.Where(r => !known.Contains(r)))
                messages.Add(new(ImportSeverity.Warning, location, refColumn,
                    $"exception for {missing.Display} names a milestone that is not in the plan; kept, not linked."));

            entries.Add(new ExceptionReportEntry
            {
                MilestoneRefText = refText,
                Refs = refs,
                Team = NullIfEmpty(Field(ColumnField.Team)),
                Title = NullIfEmpty(title),
                DateDue = dates.Parse(Field(ColumnField.Due)).Date,
                Reason = NullIfEmpty(reason),
                ProposedRevisedDate = dates.Parse(Field(ColumnField.ProposedRevisedDate)).Date,
                ReportTitle = segment.Heading,
                Source = location,
            });
        }
        return entries;
    }

    /// <summary>"36" → [36]; "41 &amp; 44" → [41, 44]; "-" → [].</summary>
    private static List<MilestoneRef> ReadRefs(string text)
    {
        var refs = new List<MilestoneRef>();
        foreach (var part in RefSeparators().Split(text))
            if (MilestoneRef.TryParse(part, out var r) && !refs.Contains(r)) refs.Add(r);
        return refs;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(@"\s*(?:&|,|;|/|\band\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RefSeparators();
}
