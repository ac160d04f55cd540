using System.Globalization;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Trackers.Writing;
using PlanBot.Core.Questions;

namespace PlanBot.Trackers.Exporting;

/// <summary>
/// The board pack as one workbook, in the shapes the seeds' board papers use: the milestone tracker (seed 000's columns)
/// with latest statuses, RAG and trend since last report; the exception report; the action concern report (seed 002);
/// and a summary of RAG counts by area, this report against the last.
/// </summary>
public static class BoardPackExport
{
    public const string TrackerSheet = "Milestone Tracker";
    public const string ExceptionSheet = "Exception Report";
    public const string ConcernSheet = "Action Concern Report";
    public const string SummarySheet = "Summary";

    /// <summary>Used for the accountable owner column when the plan's owners carry no column name of their own.</summary>
    public const string DefaultAccountableHeader = "Accountable Owner";

    public static readonly IReadOnlyList<string> ExceptionColumns =
        ["Milestone Number", "Team", "Milestone", "Date Due", "Rationale for Delay / Recovery Plan", "Proposed Revised Date", "Reported in"];

    public static readonly IReadOnlyList<string> ConcernColumns =
        ["Action no", "Action", "Deadline", "Concern", "Current RAG", "First raised (week of)", "Times seen", "Remedial action", "Open/closed"];

    private static readonly string[] Colours = ["Red", "Amber", "Green", "Blue", "No RAG", "Total"];

    public static void Write(BoardPack pack, string path, CancellationToken cancellationToken = default) =>
        XlsxWorkbookWriter.Write(path, Sheets(pack), cancellationToken);

    /// <param name="stream">A writable, seekable stream, e.g. for a file sent in chat.</param>
    public static void Write(BoardPack pack, Stream stream, CancellationToken cancellationToken = default) =>
        XlsxWorkbookWriter.Write(stream, Sheets(pack), cancellationToken);

    public static IReadOnlyList<XlsxSheet> Sheets(BoardPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return [Tracker(pack), Exceptions(pack), Concerns(pack), Summary(pack)];
    }

    /// <summary>
    /// Seed 000's thirteen columns in its order (the accountable owner column named as the plan names it, "COT Owner"),
    /// then RAG and the trend since last report.
    /// </summary>
    public static IReadOnlyList<string> TrackerColumns(Plan plan) =>
    [
        "No.", "CP", "Team", "Milestone", "Start Date", "Due Date", "Status", "Delivery Owner", "Department", AccountableHeader(plan),
        "Committee sign off", "M Due", "Q Due", "RAG", "Trend since last report",
    ];

    private static XlsxSheet Tracker(BoardPack pack)
    {
        var rows = new List<XlsxRow>
        {
            XlsxRow.Title(pack.Plan.Name),
            XlsxRow.Title($"Board pack as at {QuestionAnswerer.Date(pack.AsAt)}: {Reports(pack)}"),
            XlsxRow.Blank,
            XlsxRow.Header([.. TrackerColumns(pack.Plan)]),
        };
        foreach (var milestone in pack.Plan.Milestones)
        {
            var now = pack.ThisReport.Find(milestone.Ref);
            var due = milestone.EffectiveDue;
            rows.Add(XlsxRow.Body(
                Reference(milestone.Ref.Value),
                milestone.CriticalPath ? "!" : null,
                milestone.Team,
                milestone.Title,
                DateCell(milestone.Start),
                DueCell(milestone),
                Blank(milestone.StatusText) ?? StatusNames.Title(milestone.Status),
                OwnerCell(milestone.DeliveryOwners),
                milestone.Department,
                OwnerCell(milestone.AccountableOwners),
                milestone.CommitteeSignOff,
                Blank(milestone.OtherFields.GetValueOrDefault("M Due")) ?? due?.ToString("MMMM", CultureInfo.InvariantCulture),
                Blank(milestone.OtherFields.GetValueOrDefault("Q Due")) ?? (due is { } d ? "Q" + Core.Dates.FinancialYear.QuarterOf(d).ToString(CultureInfo.InvariantCulture) : null),
                now is null ? null : RagName(now.Rag),
                now is null ? null : pack.TrendOf(now)));
        }
        return new XlsxSheet(TrackerSheet, rows)
        {
            FrozenRows = 4,
            ColumnWidths = [7, 4, 10, 50, 11, 22, 32, 20, 16, 20, 14, 10, 6, 8, 10],
        };
    }

    private static XlsxSheet Exceptions(BoardPack pack)
    {
        var rows = new List<XlsxRow>
        {
            XlsxRow.Title($"{pack.Plan.Name} - Exception Report as at {QuestionAnswerer.Date(pack.AsAt)}"),
            XlsxRow.Blank,
            XlsxRow.Header([.. ExceptionColumns]),
        };
        foreach (var entry in ExceptionReportOrder.NewestFirst(pack.Plan.Exceptions))
        {
            rows.Add(XlsxRow.Body(
                Reference(entry.MilestoneRefText),
                entry.Team,
                entry.Title,
                DateCell(entry.DateDue),
                entry.Reason,
                DateCell(entry.ProposedRevisedDate),
                entry.ReportTitle));
        }
        return new XlsxSheet(ExceptionSheet, rows) { FrozenRows = 3, ColumnWidths = [10, 10, 40, 14, 70, 16, 30] };
    }

    private static XlsxSheet Concerns(BoardPack pack)
    {
        var rows = new List<XlsxRow>
        {
            XlsxRow.Title($"Action Concern Report as at {QuestionAnswerer.Date(pack.AsAt)}: red, delayed and overdue milestones, now and in {Plural(pack.History.Weeks.Count, "earlier weekly snapshot")}"),
            XlsxRow.Blank,
            XlsxRow.Header([.. ConcernColumns]),
        };
        foreach (var concern in pack.Concerns)
        {
            rows.Add(XlsxRow.Body(
                Reference(concern.Ref.Value),
                concern.Title,
                concern.Deadline,
                concern.Concern,
                RagName(concern.CurrentRag),
                concern.FirstRaised,
                concern.TimesSeen,
                concern.RemedialAction,
                concern.OpenOrClosed));
        }
        return new XlsxSheet(ConcernSheet, rows) { FrozenRows = 3, ColumnWidths = [9, 45, 11, 30, 10, 12, 8, 60, 10] };
    }

    private static XlsxSheet Summary(BoardPack pack)
    {
        var kind = pack.AreaKind switch { AreaKind.Programme => "Programme", AreaKind.Department => "Department", _ => "Team" };
        var rows = new List<XlsxRow>
        {
            XlsxRow.Title($"RAG by {kind.ToLowerInvariant()}: {Reports(pack)}"),
            XlsxRow.Blank,
            XlsxRow.Header([kind, .. Colours, .. Colours.Select(c => $"{c} (last report)")]),
        };
        var areas = pack.Areas;
        foreach (var area in areas) rows.Add(CountsRow(area.Area, area.ThisReport, area.LastReport, pack.LastReport is not null));
        rows.Add(CountsRow("Total",
            areas.Aggregate(RagCounts.Zero, (sum, a) => Sum(sum, a.ThisReport)),
            areas.Aggregate(RagCounts.Zero, (sum, a) => Sum(sum, a.LastReport)),
            pack.LastReport is not null));
        return new XlsxSheet(SummarySheet, rows) { FrozenRows = 3, ColumnWidths = [30, .. Enumerable.Repeat(9.0, 2 * Colours.Length)] };
    }

    /// <summary>Without a last report its columns stay empty: a row of zeros would read as "nothing was counted".</summary>
    private static XlsxRow CountsRow(string area, RagCounts thisReport, RagCounts lastReport, bool hasLastReport)
    {
        object?[] Counts(RagCounts c) => [c.Red, c.Amber, c.Green, c.Blue, c.None, c.Total];
        return XlsxRow.Body([area, .. Counts(thisReport), .. hasLastReport ? Counts(lastReport) : new object?[Colours.Length]]);
    }

    private static RagCounts Sum(RagCounts a, RagCounts b) =>
        new(a.Red + b.Red, a.Amber + b.Amber, a.Green + b.Green, a.Blue + b.Blue, a.None + b.None);

    private static string Reports(BoardPack pack) =>
        $"this report (week of {QuestionAnswerer.Date(pack.ThisReport.WeekOf)}) against "
        + (pack.LastReport is { } last ? $"the last report (week of {QuestionAnswerer.Date(last.WeekOf)}, as at {QuestionAnswerer.Date(last.AsAt)})" : "no last report (no earlier snapshot is stored)");

    /// <summary>The accountable column as the plan's tracker names it, e.g. "COT Owner"; the most used name wins.</summary>
    private static string AccountableHeader(Plan plan) =>
        plan.Milestones.SelectMany(m => m.AccountableOwners).Select(o => o.RoleTitle).Where(t => !string.IsNullOrWhiteSpace(t))
            .GroupBy(t => t.Trim(), StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()
        ?? DefaultAccountableHeader;

    /// <summary>Owners as trackers write them: "Louis Kamfer/Jane Webster", a deputy in brackets, "Louise Mitchell (Jane Webster)".</summary>
    private static string? OwnerCell(IEnumerable<Owner> owners)
    {
        var list = owners.ToList();
        var principal = string.Join("/", list.Where(o => !o.IsDeputy).Select(o => o.Name));
        var deputies = string.Join("/", list.Where(o => o.IsDeputy).Select(o => o.Name));
        var cell = deputies.Length == 0 ? principal : principal.Length == 0 ? $"({deputies})" : $"{principal} ({deputies})";
        return cell.Length == 0 ? null : cell;
    }

    /// <summary>A plain number as a number (Excel sorts it), anything else ("6.17", "2c", "41 &amp; 44") as text.</summary>
    private static object? Reference(string? reference) =>
        int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n.ToString(CultureInfo.InvariantCulture) == reference
            ? n
            : Blank(reference);

    /// <summary>
    /// The tracker's date as a real date when the cell said just that date (01-Apr-19, 2019-04-01, 01/04/2019);
    /// otherwise its own words ("May-18", "Initial date 27-Sep-19", "To be agreed"), so nothing is put more precisely
    /// than the tracker did.
    /// </summary>
    private static object? DateCell(TrackerDate date)
    {
        if (date.Date is { } d && date.RangeStart is null && IsJustTheDate(date.Text, d)) return d;
        return Blank(date.Text);
    }

    /// <summary>Seed 000 writes a revision into the due date cell: "27-Sep-19 rev 31-Dec-19".</summary>
    private static object? DueCell(Milestone milestone)
    {
        if (milestone.RevisedDue.Date is not { } revised || revised == milestone.Due.Date) return DateCell(milestone.Due);
        var due = milestone.Due.Date is { } d ? Tracker(d) : Blank(milestone.Due.Text);
        return due is null ? revised : $"{due} rev {Tracker(revised)}";
    }

    private static bool IsJustTheDate(string text, DateOnly date)
    {
        var trimmed = text.Trim();
        return string.Equals(trimmed, Tracker(date), StringComparison.OrdinalIgnoreCase)
            || trimmed == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            || trimmed == date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            || trimmed == date.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
    }

    private static string Tracker(DateOnly date) => date.ToString("dd-MMM-yy", CultureInfo.InvariantCulture);


    private static string? RagName(Rag rag) => rag == Rag.None ? null : rag.ToString();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
