using PlanBot.Core.Plans;
using PlanBot.Trackers.Writing;

namespace PlanBot.Trackers.Exporting;

/// <summary>
/// The plan as a flat table, one milestone per row: CSV for other tools (ISO dates, people joined with "; ")
/// and XLSX with a second sheet for the exception report. Column names are fixed: other tools read them.
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

    public static void WriteCsv(Plan plan, string path, CancellationToken cancellationToken = default)
    {
        var rows = new List<IReadOnlyList<string?>> { Columns.ToArray() };
        rows.AddRange(plan.Milestones.Select(m => Values(m).Select(v => v switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd"),
            _ => v.ToString(),
        }).ToArray()));
        // A text cell starting with = + - @ would run as a formula when the CSV is opened in Excel.
        CsvTableWriter.Write(path, rows, escapeFormulaText: true, cancellationToken);
    }

    public static void WriteXlsx(Plan plan, string path, CancellationToken cancellationToken = default)
    {
        var milestones = new XlsxSheet("Milestones",
            new[] { XlsxRow.Header([.. Columns]) }.Concat(plan.Milestones.Select(m => XlsxRow.Body([.. Values(m)]))))
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

    private static object?[] Values(Milestone m) =>
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
    ];

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
