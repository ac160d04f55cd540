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
        var sheetChoice = options.Sheet is null ? ChooseTrackerSheet(segments) : null;
        if (sheetChoice is { } chosen)
        {
            sheets = sheets.Where(s => s.Name == chosen.Sheet).ToList();
            segments = segments.Where(s => s.Sheet == chosen.Sheet).ToList();
            messages.Add(new(ImportSeverity.Info, new SourceLocation(fileName, chosen.Sheet, 0), null, chosen.Reason));
        }
        var preamble = sheets.Count > 0 ? Preamble(sheets[0], options.ColumnMap) : [];
        var planName = options.PlanName ?? preamble.FirstOrDefault() ?? Path.GetFileNameWithoutExtension(fileName);
        var financialYear = options.FinancialYearStart
            ?? FinancialYear.FindInText(planName)
            ?? preamble.Select(FinancialYear.FindInText).FirstOrDefault(y => y is not null);
        var monthFirst = MonthFirstByEvidence(segments.Count > 0 ? segments.SelectMany(s => s.DataRows) : sheets.SelectMany(s => s.Rows));
        var dates = new TrackerDateParser(financialYear, monthFirst);

        if (!segments.Any(s => s.Layout.Kind == TableKind.Milestones))
            segments.AddRange(sheets.Select(s => FindByContent(s, dates)).OfType<TableSegment>().Take(1));

        ReportUnusedMappings(options, segments, fileName, messages);

        var milestoneTables = segments.Where(s => s.Layout.Kind == TableKind.Milestones).ToList();
        if (milestoneTables.Count == 0)
        {
            var where = options.Sheet is null ? "this file" : $"sheet '{options.Sheet}'";
            messages.Add(new(ImportSeverity.Error, new SourceLocation(fileName, options.Sheet, 0), null,
                $"no milestone table found in {where}: no row names a title column (such as 'Milestone', 'Action' or 'Task Name') " +
                "together with a reference ('No.', 'Ref') or due date ('Due Date', 'By when') column, and no table's cells " +
                "read as titles with dates or references beside them. " +
                "Name the columns with --map, e.g. --map \"Deliverable=Title\" --map \"Target=Due\"."));
            return new TrackerImportResult(null, messages, segments.Select(s => s.ToFoundTable(0)).ToList());
        }

        foreach (var segment in milestoneTables) segment.Layout.Refine(segment.DataRows, dates);
        // The same header repeated under each section's title line (monday.com's groups, a board paper's sections
        // "M10 – Progress Leadership", "M10 – Progress Governance"), with no programme column of its own: each title
        // names the group of its table's rows.
        foreach (var sheetTables in milestoneTables.GroupBy(s => s.Sheet).Where(g => g.Count() > 1))
        {
            // Sub-item tables are grouped by their parent item already; a table resumed after them shares its heading.
            var tops = sheetTables.Where(t => t.Parent is null).ToList();
            foreach (var sameHeader in tops.GroupBy(t => string.Join("\u001f", t.Layout.HeaderTexts)))
            {
                var tables = sameHeader.DistinctBy(t => t.Layout).ToList();
                if (tables.Count < 2) continue;
                if (!tables.All(t => t.Heading is not null && !t.Layout.Has(ColumnField.Programme))
                    || tables.Select(t => t.Heading).Distinct(StringComparer.OrdinalIgnoreCase).Count() != tables.Count) continue;
                var names = SectionNames.Of(tables.Select(t => t.Heading!).ToList());
                foreach (var segment in sameHeader)
                {
                    segment.IsOneOfSeveral = true;
                    segment.GroupName = names[segment.Heading!];
                }
            }
        }

        var tally = new ImportTally();
        var reader = new MilestoneTableReader(fileName, dates, messages, tally);
        var found = new List<FoundTable>();
        foreach (var segment in milestoneTables)
            found.Add(segment.ToFoundTable(reader.Read(segment)));
        IReadOnlyList<Milestone> milestones = reader.Finish();
        // Owners written as role codes or initials ("AO (CG)") are given the person the paper's own key names.
        var tableRows = new HashSet<TrackerRow>(segments.SelectMany(s => s.DataRows.Append(s.Layout.HeaderRow)), ReferenceEqualityComparer.Instance);
        OwnerKeyReport? ownerKey = null;
        if (OwnerKeyTable.Find(workbook.Sheets, tableRows) is { } key)
            (milestones, ownerKey) = OwnerKeyResolution.Apply(milestones, key);

        var decisions = milestoneTables.SelectMany(s => s.Layout.Decisions).Distinct().ToList();
        var opaque = milestoneTables.Select(s => s.Layout).FirstOrDefault(l => l.OpaqueIdColumn >= 0);
        var generatedReason = !reader.HasTableWithoutRefs || milestones.Count == 0
            ? null
            : opaque is not null
                ? $"'{opaque.HeaderName(opaque.OpaqueIdColumn)}' holds machine ids, not references: milestones are numbered 1 to {milestones.Count} in file order, and each keeps its id"
                : $"the tracker has no reference column: milestones are numbered 1 to {milestones.Count} in file order";
        var summary = new ImportSummary
        {
            Imported = tally.Imported,
            Merged = tally.Merged,
            Grouped = tally.Grouped,
            Skipped = tally.Skipped,
            FirstSkipped = tally.FirstSkipped,
            GeneratedRefsReason = generatedReason,
            ColumnDecisions = decisions,
            ReportDate = FindReportDate(sheets, options.ColumnMap, dates),
            SheetChoice = sheetChoice?.Reason,
            KeptIdField = generatedReason is not null && opaque is not null ? opaque.HeaderName(opaque.OpaqueIdColumn) : null,
            OwnerKey = ownerKey,
            RatingsFromColour = tally.RatingsFromColour,
        };
        ReportIncompleteRead(summary, tally, milestoneTables, fileName, messages);

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
            return new TrackerImportResult(null, messages, found) { Summary = summary };

        var plan = new Plan
        {
            Id = options.PlanId,
            Name = planName,
            SourceFile = fileName,
            TableTitles = PlanTitles.TableTitles(milestoneTables.Select(s => (s.Heading, s.Layout))),
            RatingHeader = PlanTitles.RatingHeader(milestoneTables.Select(s => s.Layout)),
            Milestones = milestones,
            Exceptions = exceptions,
        };
        return new TrackerImportResult(plan, messages, found) { Summary = summary };
    }

    // The registers of a RAID workbook other than its action log: their rows are risks, issues and decisions, not milestones.
    private static readonly string[] RegisterSheetWordStarts = ["risk", "issue", "decision", "assumption", "dependenc", "lesson"];
    private static readonly string[] NotesSheetWords = ["cover", "guidance", "instructions", "lookup", "lookups", "readme"];

    /// <summary>
    /// A workbook with milestone-like tables on several sheets, all but one of them registers of a RAID workbook (Risks,
    /// Issues, Decisions) or its cover and key: that one sheet holds the tracker. Null when no sheet clearly does.
    /// </summary>
    private static (string Sheet, string Reason)? ChooseTrackerSheet(List<TableSegment> segments)
    {
        var withTables = segments.Where(s => s.Layout.Kind == TableKind.Milestones && s.Sheet is not null)
            .Select(s => s.Sheet!).Distinct(StringComparer.Ordinal).ToList();
        if (withTables.Count < 2) return null;
        static bool IsRegister(string sheet) => sheet.Split([' ', '_', '-', '&', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => RegisterSheetWordStarts.Any(w => word.StartsWith(w, StringComparison.OrdinalIgnoreCase))
                || NotesSheetWords.Any(w => word.Equals(w, StringComparison.OrdinalIgnoreCase)));
        var trackers = withTables.Where(s => !IsRegister(s)).ToList();
        if (trackers.Count != 1) return null;
        var others = string.Join(", ", withTables.Where(s => s != trackers[0]).Select(s => $"'{s}'"));
        return (trackers[0], $"read sheet '{trackers[0]}' as the tracker; {others} {(withTables.Count > 2 ? "are registers" : "is a register")} of a RAID log, not milestones (--sheet reads another sheet).");
    }

    /// <summary>
    /// Never a silent zero: a table that gives no milestones, or loses more rows than it reads, stops the import with
    /// the reasons in words and the first rows it could not read.
    /// </summary>
    private static void ReportIncompleteRead(ImportSummary summary, ImportTally tally, List<TableSegment> tables, string fileName, List<ImportMessage> messages)
    {
        var milestonesRead = summary.Imported + summary.Merged;
        if (messages.Any(m => m.Severity == ImportSeverity.Error)) return; // already refused, with its own reasons
        // Lone values (page numbers, notes under a table) never make a partial read on their own.
        if (milestonesRead > 0 && tally.SkippedWithValues <= milestonesRead) return;

        var first = tables[0];
        var columns = string.Join(", ", first.Layout.HeaderTexts.Where(t => t.Length > 0).Take(8).Select(t => $"'{t}'"));
        var reasons = string.Join("; ", tally.ReasonCounts.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Value} {kv.Key}"));
        var examples = string.Join(" ", summary.FirstSkipped.Take(3).Select(s => $"Row {s.Location.Row}: {s.Reason}"));
        string text;
        if (milestonesRead == 0 && summary.Read == 0)
            text = $"the table with its header at row {first.Layout.HeaderRow.Number} ({columns}) has no rows under it that I could read; nothing was imported.";
        else if (milestonesRead == 0)
            text = $"found the table with its header at row {first.Layout.HeaderRow.Number} ({columns}) but read no milestones from its {summary.Read} data rows: {reasons}. {examples}";
        else
            text = $"only {milestonesRead} of {summary.Read} data rows could be read as milestones; {summary.Skipped} were skipped ({reasons}), so this would be a partial import. {examples} Fix those rows, or name the columns with --map.";
        messages.Add(new(ImportSeverity.Error, new SourceLocation(fileName, first.Sheet, first.Layout.HeaderRow.Number), null, text));
    }

    /// <summary>
    /// Whether numeric dates are month first (US): some date in the tables reads 3/14/2025 (month, then a day above 12)
    /// and none reads 14/3/2025. UK order otherwise.
    /// </summary>
    private static bool MonthFirstByEvidence(IEnumerable<TrackerRow> rows)
    {
        // One day-first date settles it, so the scan stops there.
        var monthFirst = false;
        foreach (var row in rows.Take(5000))
            foreach (var cell in row.Cells)
            {
                switch (TrackerDateParser.OrderShownBy(cell.Text))
                {
                    case DateOrder.DayFirst: return false;
                    case DateOrder.MonthFirst: monthFirst = true; break;
                }
            }
        return monthFirst;
    }

    /// <summary>
    /// A table whose header PlanBot does not know: the first row of three or more short labels above rows of values
    /// whose cells read as titles with dates or references beside them.
    /// </summary>
    private static TableSegment? FindByContent(TrackerSheet sheet, ITrackerDateParser dates)
    {
        var rows = sheet.Rows;
        for (var i = 0; i < rows.Count && i < 40; i++)
        {
            var labels = rows[i].Cells.Select(c => c.Text.Trim()).Where(t => t.Length > 0).ToList();
            if (labels.Count < 3 || labels.Any(t => t.Length > 60 || !t.Any(char.IsLetter) || ColumnContent.IsDate(t, dates))) continue;
            var data = rows.Skip(i + 1).TakeWhile(r => !TableLayout.LooksLikeOtherHeader(r)).ToList();
            if (data.Count(r => r.Cells.Count(c => !c.IsBlank) >= 2) < 3) continue;
            if (TableLayout.FromContent(rows[i], data, dates) is not { } layout) continue;
            var segment = new TableSegment(sheet.Name, layout, HeadingAbove(rows, i)?.Text);
            segment.DataRows.AddRange(data);
            return segment;
        }
        return null;
    }

    private static readonly string[] ReportDateWords =
        ["as at", "as of", "position at", "status at", "date of export", "exported on", "exported", "report date", "reporting date", "date of report",
         "last updated", "updated on", "updated", "week ending", "period ending", "month ending", "status date", "data as at", "snapshot"];

    /// <summary>The as-at date in the rows above the first table: "Position as at 3 March 2025", "Date of export | 03/03/2025".</summary>
    private static DateOnly? FindReportDate(IReadOnlyList<TrackerSheet> sheets, IReadOnlyList<ColumnMapping> map, ITrackerDateParser dates)
    {
        foreach (var sheet in sheets)
        {
            foreach (var row in sheet.Rows.Take(20))
            {
                if (TableLayout.TryRecognise(row, map) is not null) break;
                var line = string.Join(" ", row.Cells.Select(c => CellText.Clean(c.Text)).Where(t => t.Length > 0));
                if (line.Length is 0 or > 200) continue;
                var lower = line.ToLowerInvariant();
                var word = ReportDateWords.FirstOrDefault(w => lower.Contains(w, StringComparison.Ordinal));
                if (word is null) continue;
                var after = line[(lower.IndexOf(word, StringComparison.Ordinal) + word.Length)..].TrimStart(':', ' ', '-', '–');
                var parsed = dates.Parse(after).Date;
                if (parsed.Date is { } date && parsed.Problem == DateProblem.None && parsed.RangeStart is null) return date;
            }
        }
        return null;
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
            if (layout is null && current is { Parent: { } parentTable } && FirstFilled(row) < FirstFilled(current.Layout.HeaderRow))
            {
                // A row back at the parent table's left edge: the sub-items have ended and the parent table goes on.
                yield return current;
                current = new TableSegment(sheet.Name, parentTable.Layout, parentTable.Heading) { IsResumed = true };
                current.DataRows.Add(row);
                continue;
            }
            if (layout is not null && current is { Parent: null } && layout.Kind == TableKind.Milestones && current.Layout.Kind == TableKind.Milestones
                && FirstFilled(row) > FirstFilled(current.Layout.HeaderRow) && current.DataRows.LastOrDefault(r => !r.IsBlank) is { } item
                && current.Layout.Column(ColumnField.Title) is var itemTitle and >= 0 && item.Text(itemTitle).Length > 0
                && rows[i - 1] == item)
            {
                // A header indented under the row above it (monday.com's subitems): that row is the group of the rows below.
                current.DataRows.Remove(item);
                yield return current;
                current = new TableSegment(sheet.Name, layout, CellText.CleanTitle(item.Text(itemTitle))) { Parent = current, IsOneOfSeveral = true };
                continue;
            }
            if (layout is not null)
            {
                var heading = HeadingAbove(rows, i);
                if (current is not null)
                {
                    // The next table's heading (a monday.com group's name) closes this table; it is none of its rows.
                    if (heading is not null) current.DataRows.Remove(heading.Value.Row);
                    if (!current.IsEmptyResumption) yield return current;
                }
                current = new TableSegment(sheet.Name, layout, heading?.Text);
                continue;
            }
            if (current is not null && TableLayout.LooksLikeOtherHeader(row))
            {
                if (!current.IsEmptyResumption) yield return current;
                current = null;
                continue;
            }
            current?.DataRows.Add(row);
        }
        if (current is not null && !current.IsEmptyResumption) yield return current;
    }

    private static int FirstFilled(TrackerRow row)
    {
        for (var c = 0; c < row.Cells.Count; c++)
            if (!row.Cells[c].IsBlank) return c;
        return int.MaxValue;
    }

    /// <summary>The single-cell line just above a header (skipping blanks), e.g. "2 Financial Management and Recovery".</summary>
    private static (string Text, TrackerRow Row)? HeadingAbove(IReadOnlyList<TrackerRow> rows, int headerIndex)
    {
        for (var i = headerIndex - 1; i >= 0 && i >= headerIndex - 4; i--)
        {
            var cells = rows[i].Cells.Where(c => !c.IsBlank).ToList();
            if (cells.Count == 0) continue;
            if (cells.Count > 1) return null;
            var text = CellText.Clean(cells[0].Text).Trim('#', '*', ' ');
            return text.Length is > 0 and <= 160 ? (text, rows[i]) : null;
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

    /// <summary>One of several milestone tables on a sheet under the same header (monday.com's groups): its heading names its group.</summary>
    public bool IsOneOfSeveral { get; set; }

    /// <summary>The group its heading names, without the words every section title shares ("M10 – Progress").</summary>
    public string? GroupName { get; set; }

    /// <summary>For a table of sub-items indented under an item of another table: that table, which resumes after them.</summary>
    public TableSegment? Parent { get; init; }

    /// <summary>A table resumed after sub-items; one left with no rows (the next table's heading came first) is dropped.</summary>
    public bool IsResumed { get; init; }

    public bool IsEmptyResumption => IsResumed && DataRows.All(r => r.IsBlank);
    public List<TrackerRow> DataRows { get; } = [];

    public SourceLocation Location(string file, int row, int? column = null) => new(file, Sheet, row, column);

    public FoundTable ToFoundTable(int records) => new(Layout.Kind, Sheet, Layout.HeaderRow.Number, records);
}
