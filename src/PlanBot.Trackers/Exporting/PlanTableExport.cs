using System.Globalization;
using PlanBot.Core.Plans;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;
using PlanBot.Trackers.Writing;

namespace PlanBot.Trackers.Exporting;

/// <summary>
/// The plan as a flat table, one milestone per row: CSV for other tools (ISO dates, people joined with "; ")
/// and XLSX with a second sheet for the exception report. Column names are fixed: other tools read them. The tracker's
/// unmapped columns follow, by their own headers, so an export can be edited and imported again without loss
/// (<see cref="WithOwnColumns"/>): the import reads the tracker's words (StartText, DueText, RevisedDueText, StatusText).
/// </summary>
public static class PlanTableExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Ref", "Title", "Team", "Department", "StartDate", "DueDate", "RevisedDueDate", "Status", "StatusText",
        "Rag", "DeliveryOwner", "AccountableOwner", "CriticalPath",
        "Programme", "Requirement", "CommitteeSignOff", "ProgressNote", "Trend", "Evidence", "StartText", "DueText", "RevisedDueText",
    ];

    public static readonly IReadOnlyList<string> ExceptionColumns =
        ["MilestoneNumber", "LinkedRefs", "Team", "Milestone", "DateDue", "Reason", "ProposedRevisedDate", "ProposedRevisedDateText", "Report"];

    /// <summary>How an import reads this export's own columns; the ISO date and status name columns are for other tools.</summary>
    private static readonly IReadOnlyList<ColumnMapping> OwnColumns =
    [
        new("Ref", ColumnField.Ref), new("Title", ColumnField.Title), new("Team", ColumnField.Team), new("Department", ColumnField.Department),
        new("StartDate", ColumnField.Ignore), new("DueDate", ColumnField.Ignore), new("RevisedDueDate", ColumnField.Ignore),
        new("Status", ColumnField.Ignore), new("StatusText", ColumnField.Status), new("Rag", ColumnField.Rag),
        new("DeliveryOwner", ColumnField.DeliveryOwner), new("AccountableOwner", ColumnField.AccountableOwner),
        new("CriticalPath", ColumnField.CriticalPath), new("Programme", ColumnField.Programme), new("Requirement", ColumnField.Requirement),
        new("CommitteeSignOff", ColumnField.CommitteeSignOff), new("ProgressNote", ColumnField.ProgressNote), new("Trend", ColumnField.Trend),
        new("Evidence", ColumnField.Evidence), new("StartText", ColumnField.Start), new("DueText", ColumnField.Due),
        new("RevisedDueText", ColumnField.RevisedDue),
        new("MilestoneNumber", ColumnField.Ref), new("LinkedRefs", ColumnField.Ignore), new("Milestone", ColumnField.Title),
        new("DateDue", ColumnField.Due), new("Reason", ColumnField.ExceptionReason), new("ProposedRevisedDate", ColumnField.Ignore),
        new("ProposedRevisedDateText", ColumnField.ProposedRevisedDate), new("Report", ColumnField.Ignore),
    ];

    /// <summary>
    /// <paramref name="options"/> with this export's column mapping added when <paramref name="workbook"/> is one of
    /// our exports (its first sheet's first row is our header), so that it imports again as it was written.
    /// </summary>
    public static TrackerImportOptions WithOwnColumns(TrackerWorkbook workbook, TrackerImportOptions options)
    {
        var header = workbook.Sheets.FirstOrDefault()?.Rows.FirstOrDefault(r => !r.IsBlank);
        if (header is null || header.Cells.Count < Columns.Count || !Columns.Select((c, i) => header.Text(i) == c).All(same => same)) return options;
        var explicitMap = options.ColumnMap.Select(m => HeaderKey(m.Header)).ToHashSet(StringComparer.Ordinal);
        var exceptionHeader = workbook.Sheets.Skip(1).FirstOrDefault()?.Rows.FirstOrDefault(r => !r.IsBlank);
        var present = header.Cells.Concat(exceptionHeader?.Cells ?? []).Select(c => HeaderKey(c.Text)).ToHashSet(StringComparer.Ordinal);
        return options with
        {
            ColumnMap = [.. options.ColumnMap, .. OwnColumns.Where(m => present.Contains(HeaderKey(m.Header)) && !explicitMap.Contains(HeaderKey(m.Header)))],
        };
    }

    private static string HeaderKey(string header) => HeaderVocabulary.Normalise(header);

    public static void WriteCsv(Plan plan, string path, CancellationToken cancellationToken = default)
    {
        var others = OtherColumns(plan);
        var rows = new List<IReadOnlyList<string?>> { Columns.Concat(others).ToArray() };
        rows.AddRange(plan.Milestones.Select(m => Values(m, others).Select(v => v switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }).ToArray()));
        // A text cell starting with = + - @ would run as a formula when the CSV is opened in Excel.
        CsvTableWriter.Write(path, rows, escapeFormulaText: true, cancellationToken);
    }

    public static void WriteXlsx(Plan plan, string path, CancellationToken cancellationToken = default)
    {
        var others = OtherColumns(plan);
        var milestones = new XlsxSheet("Milestones",
            new[] { XlsxRow.Header([.. Columns, .. others]) }.Concat(plan.Milestones.Select(m => XlsxRow.Body([.. Values(m, others)]))))
        { FrozenRows = 1 };
        var exceptions = new XlsxSheet("Exceptions",
            new[] { XlsxRow.Header([.. ExceptionColumns]) }.Concat(plan.Exceptions.Select(e => XlsxRow.Body(
                e.MilestoneRefText,
                string.Join("; ", e.Refs.Select(r => r.Value)),
                e.Team,
                e.Title,
                e.DateDue.Date is { } due ? due : NullIfEmpty(e.DateDue.Text),
                e.Reason,
                e.ProposedRevisedDate.Date,
                NullIfEmpty(e.ProposedRevisedDate.Text),
                e.ReportTitle))))
        { FrozenRows = 1 };
        XlsxWorkbookWriter.Write(path, [milestones, exceptions], cancellationToken);
    }

    /// <summary>The tracker's unmapped columns, in the order they first appear, skipping any that would clash with ours.</summary>
    private static List<string> OtherColumns(Plan plan) =>
        plan.Milestones.SelectMany(m => m.OtherFields.Keys)
            .Distinct(StringComparer.Ordinal)
            .Where(k => !Columns.Contains(k, StringComparer.OrdinalIgnoreCase))
            .ToList();

    private static object?[] Values(Milestone m, List<string> others) =>
    [
        m.Ref.Value,
        m.Title,
        m.Team,
        m.Department,
        m.Start.Date,
        m.Due.Date,
        m.RevisedDue.Date,
        m.Status.ToString(),
        NullIfEmpty(m.StatusText),
        m.Rag == Rag.None ? null : m.Rag.ToString(),
        string.Join("; ", m.DeliveryOwners.Select(o => o.Name)),
        string.Join("; ", m.AccountableOwners.Select(o => o.Name)),
        m.CriticalPath ? "Yes" : "No",
        m.Programme,
        m.Requirement,
        m.CommitteeSignOff,
        m.ProgressNote,
        m.Trend,
        m.Evidence,
        NullIfEmpty(m.Start.Text),
        NullIfEmpty(m.Due.Text),
        NullIfEmpty(m.RevisedDue.Text),
        .. others.Select(k => (object?)m.OtherFields.GetValueOrDefault(k)),
    ];

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
