using PlanBot.Core.Dates;
using PlanBot.Core.Plans;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// Turns the grid of a tracker file into a plan: finds each table below its title rows, reads milestone tables,
/// then exception reports (linked to the milestones), and reports every doubt with file, sheet, row and column.
/// </summary>
public sealed class TrackerImporter
{
    public TrackerImportResult Import(TrackerWorkbook workbook, TrackerImportOptions options)
    {
        var messages = new List<ImportMessage>();
        var fileName = Path.GetFileName(workbook.FileName);

        var sheets = workbook.Sheets;
        if (options.Sheet is { } wanted)
        {
            sheets = sheets.Where(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            if (sheets.Count == 0)
            {
                var names = string.Join(", ", workbook.Sheets.Select(s => $"'{s.Name}'"));
                messages.Add(new(ImportSeverity.Error, new SourceLocation(fileName, null, 0), null,
                    $"there is no sheet named '{wanted}'. Sheets in this file: {names}."));
                return new TrackerImportResult(null, messages, []);
            }
        }

        var segments = sheets.SelectMany(s => Segment(s, options.ColumnMap)).ToList();
        var preamble = sheets.Count > 0 ? Preamble(sheets[0], options.ColumnMap) : [];
        var planName = options.PlanName ?? preamble.FirstOrDefault() ?? Path.GetFileNameWithoutExtension(fileName);
        var financialYear = options.FinancialYearStart
            ?? FinancialYear.FindInText(planName)
            ?? preamble.Select(FinancialYear.FindInText).FirstOrDefault(y => y is not null);
        var dates = new TrackerDateParser(financialYear);

        ReportUnusedMappings(options, segments, fileName, messages);

        var milestoneTables = segments.Where(s => s.Layout.Kind == TableKind.Milestones).ToList();
        if (milestoneTables.Count == 0)
        {
            var where = options.Sheet is null ? "this file" : $"sheet '{options.Sheet}'";
            messages.Add(new(ImportSeverity.Error, new SourceLocation(fileName, options.Sheet, 0), null,
                $"no milestone table found in {where}: no row names a title column (such as 'Milestone' or 'Action') " +
                "together with a reference ('No.', 'Ref') or due date ('Due Date', 'By when') column. " +
                "Name the columns with --map, e.g. --map \"Deliverable=Title\" --map \"Target=Due\"."));
            return new TrackerImportResult(null, messages, segments.Select(s => s.ToFoundTable(0)).ToList());
        }

        var reader = new MilestoneTableReader(fileName, dates, messages);
        var found = new List<FoundTable>();
        foreach (var segment in milestoneTables)
            found.Add(segment.ToFoundTable(reader.Read(segment)));
        var milestones = reader.Finish();

        var known = milestones.Select(m => m.Ref).ToHashSet();
        var exceptions = new List<ExceptionReportEntry>();
        foreach (var segment in segments.Where(s => s.Layout.Kind == TableKind.ExceptionReport))
        {
            var read = ExceptionTableReader.Read(segment, fileName, dates, known, messages);
            exceptions.AddRange(read);
            found.Add(segment.ToFoundTable(read.Count));
        }
        foreach (var segment in segments.Where(s => s.Layout.Kind == TableKind.ActionConcernReport))
        {
            found.Add(segment.ToFoundTable(0));
            messages.Add(new(ImportSeverity.Warning, segment.Location(fileName, segment.Layout.HeaderRow.Number), null,
                $"action concern report ({segment.DataRows.Count(r => !r.IsBlank)} rows) not imported: PlanBot does not read action concern reports yet."));
        }

        found.Sort((a, b) => (a.Sheet, a.HeaderRow).CompareTo((b.Sheet, b.HeaderRow)));
        if (messages.Any(m => m.Severity == ImportSeverity.Error))
            return new TrackerImportResult(null, messages, found);

        var plan = new Plan
        {
            Id = options.PlanId,
            Name = planName,
            SourceFile = fileName,
            Milestones = milestones,
            Exceptions = exceptions,
        };
        return new TrackerImportResult(plan, messages, found);
    }

    /// <summary>Splits a sheet into tables: each recognised header row starts one, running to the next header.</summary>
    private static IEnumerable<TableSegment> Segment(TrackerSheet sheet, IReadOnlyList<ColumnMapping> map)
    {
        TableSegment? current = null;
        var rows = sheet.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank) { current?.DataRows.Add(row); continue; }
            var layout = TableLayout.TryRecognise(row, map);
            if (layout is not null)
            {
                if (current is not null) yield return current;
                current = new TableSegment(sheet.Name, layout, HeadingAbove(rows, i));
                continue;
            }
            if (current is not null && TableLayout.LooksLikeOtherHeader(row))
            {
                yield return current;
                current = null;
                continue;
            }
            current?.DataRows.Add(row);
        }
        if (current is not null) yield return current;
    }

    /// <summary>The single-cell line just above a header (skipping blanks), e.g. "2 Financial Management and Recovery".</summary>
    private static string? HeadingAbove(IReadOnlyList<TrackerRow> rows, int headerIndex)
    {
        for (var i = headerIndex - 1; i >= 0 && i >= headerIndex - 4; i--)
        {
            var cells = rows[i].Cells.Where(c => !c.IsBlank).ToList();
            if (cells.Count == 0) continue;
            if (cells.Count > 1) return null;
            var text = CellText.Clean(cells[0].Text).Trim('#', '*', ' ');
            return text.Length is > 0 and <= 160 ? text : null;
        }
        return null;
    }

    /// <summary>Short text lines before the first table: the plan's title and dating lines.</summary>
    private static List<string> Preamble(TrackerSheet sheet, IReadOnlyList<ColumnMapping> map)
    {
        var lines = new List<string>();
        foreach (var row in sheet.Rows)
        {
            if (TableLayout.TryRecognise(row, map) is not null) break;
            var cells = row.Cells.Where(c => !c.IsBlank).ToList();
            if (cells.Count != 1) continue;
            var text = CellText.Clean(cells[0].Text).Trim('#', '*', ' ');
            if (text.Length is > 0 and <= 200) lines.Add(text);
            if (lines.Count >= 15) break;
        }
        return lines;
    }

    private static void ReportUnusedMappings(TrackerImportOptions options, List<TableSegment> segments, string fileName, List<ImportMessage> messages)
    {
        foreach (var mapping in options.ColumnMap)
        {
            var wanted = HeaderVocabulary.Normalise(mapping.Header);
            var used = segments.Any(s => s.Layout.HeaderTexts.Any(h => HeaderVocabulary.Normalise(h) == wanted));
            if (!used)
                messages.Add(new(ImportSeverity.Warning, new SourceLocation(fileName, options.Sheet, 0), null,
                    $"--map \"{mapping.Header}={mapping.Field}\": no header row has a column named '{mapping.Header}'."));
        }
    }
}

/// <summary>One table: its header layout, the rows under it and the heading line above it.</summary>
internal sealed class TableSegment(string? sheet, TableLayout layout, string? heading)
{
    public string? Sheet { get; } = sheet;
    public TableLayout Layout { get; } = layout;
    public string? Heading { get; } = heading;
    public List<TrackerRow> DataRows { get; } = [];

    public SourceLocation Location(string file, int row, int? column = null) => new(file, Sheet, row, column);

    public FoundTable ToFoundTable(int records) => new(Layout.Kind, Sheet, Layout.HeaderRow.Number, records);
}
