using PlanBot.Core.Dates;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// A recognised header row: which column holds which field. The first column for a field wins, except
/// owner columns, of which a tracker may have several (Delivery Owner and COT Owner, SRO and Ops lead).
/// Columns are named by their header first; <see cref="Refine"/> then checks them against what their cells hold and
/// names the rest by content, recording each decision so the import report can say which column became what.
/// </summary>
public sealed class TableLayout
{
    private readonly Dictionary<ColumnField, int> _primary = new();
    private readonly List<(int Column, ColumnField Field)> _owners = [];
    private readonly List<string> _decisions = [];
    private HashSet<int> _ignored = [];
    private ColumnField?[] _fieldAt = [];
    private HashSet<int> _mapped = [];

    private TableLayout(TableKind kind, TrackerRow header, IReadOnlyList<string> headerTexts)
    {
        Kind = kind;
        HeaderRow = header;
        HeaderTexts = headerTexts;
    }

    public TableKind Kind { get; }
    public TrackerRow HeaderRow { get; }
    public IReadOnlyList<string> HeaderTexts { get; }
    public int Width => HeaderTexts.Count;

    /// <summary>True when no header row was recognised and every column was named by what its cells hold.</summary>
    public bool FromContentOnly { get; private set; }

    /// <summary>A column of machine ids (Planner's or Asana's task ids) that is kept with each milestone but is no reference.</summary>
    public int OpaqueIdColumn { get; private set; } = -1;

    public IReadOnlyList<(int Column, ColumnField Field)> OwnerColumns => _owners;

    /// <summary>"'Finish' → due date (by content)": how each column was read, for the import report.</summary>
    public IReadOnlyList<string> Decisions => _decisions;

    public int Column(ColumnField field) => _primary.TryGetValue(field, out var c) ? c : -1;

    /// <summary>The field read from <paramref name="column"/>, if any (owner columns included).</summary>
    public ColumnField? FieldAt(int column) => column >= 0 && column < _fieldAt.Length ? _fieldAt[column] : null;

    public bool Has(ColumnField field) => _primary.ContainsKey(field);

    /// <summary>Columns whose values are read into a named field (the rest go to a milestone's other fields).</summary>
    public bool IsMapped(int column) => _mapped.Contains(column);

    public bool IsUnnamed(int column) => column >= Width || string.IsNullOrWhiteSpace(HeaderTexts[column]);

    public bool IsIgnored(int column) => _ignored.Contains(column);

    public string HeaderName(int column) =>
        IsUnnamed(column) ? $"column {Core.Plans.SourceLocation.ColumnLetter(column + 1)}" : HeaderTexts[column];

    /// <summary>
    /// Reads <paramref name="row"/> as a header if it names enough known columns: a title with a reference or a due date
    /// for milestones; a reason for delay for an exception report; a concern for an action concern report.
    /// </summary>
    public static TableLayout? TryRecognise(TrackerRow row, IReadOnlyList<ColumnMapping> explicitMap)
    {
        var texts = row.Cells.Select(c => c.Text.Trim()).ToList();
        while (texts.Count > 0 && texts[^1].Length == 0) texts.RemoveAt(texts.Count - 1);
        if (texts.Count < 2) return null;

        var recognised = new List<(int Column, ColumnField Field, int Strength)>();
        for (var i = 0; i < texts.Count; i++)
        {
            // Header names are short words: skip long text and numbers without normalising them.
            if (texts[i].Length == 0 || texts[i].Length > 80 || (char.IsDigit(texts[i][0]) && !texts[i].EndsWith("Complete", StringComparison.OrdinalIgnoreCase))) continue;
            var mapped = explicitMap.FirstOrDefault(m =>
                HeaderVocabulary.Normalise(m.Header) == HeaderVocabulary.Normalise(texts[i]));
            if (mapped is not null)
            {
                recognised.Add((i, mapped.Field, 3));
                continue;
            }
            var (field, strength) = HeaderVocabulary.Recognise(texts[i]);
            if (field is { } f) recognised.Add((i, f, strength));
        }

        var fields = recognised.Select(r => r.Field).Where(f => f != ColumnField.Ignore).ToHashSet();
        if (fields.Count < 3) return null;

        TableKind kind;
        if (fields.Contains(ColumnField.Concern) && (fields.Contains(ColumnField.Ref) || fields.Contains(ColumnField.Title)))
            kind = TableKind.ActionConcernReport;
        else if (fields.Contains(ColumnField.ExceptionReason) && (fields.Contains(ColumnField.Ref) || fields.Contains(ColumnField.Title)))
            kind = TableKind.ExceptionReport;
        else if (fields.Contains(ColumnField.Title) && (fields.Contains(ColumnField.Ref) || fields.Contains(ColumnField.Due)
                     || fields.Count(f => f is ColumnField.DeliveryOwner or ColumnField.AccountableOwner or ColumnField.Status
                         or ColumnField.Rag or ColumnField.Start or ColumnField.RevisedDue or ColumnField.Programme) >= 2))
            kind = TableKind.Milestones;
        else
            return null;

        var layout = new TableLayout(kind, row, texts);
        // Stronger matches claim a field first, then left to right.
        foreach (var (column, field, _) in recognised.OrderByDescending(r => r.Strength).ThenBy(r => r.Column))
        {
            if (field == ColumnField.Ignore) continue;
            if (field is ColumnField.DeliveryOwner or ColumnField.AccountableOwner)
                layout._owners.Add((column, field));
            else
                layout._primary.TryAdd(field, column);
        }
        layout._ignored = recognised.Where(r => r.Field == ColumnField.Ignore).Select(r => r.Column).ToHashSet();
        layout.BaselineAndCurrentDue(recognised.Where(r => r.Field == ColumnField.Due && r.Strength < 3).Select(r => r.Column).ToList());
        layout.Rebuild();
        return layout;
    }

    /// <summary>
    /// Two due-date columns, one the baseline ("Baseline_Finish", "Original Due Date") and one the current date
    /// ("Finish", "Target Date"), as Microsoft Project exports them: the baseline is the due date and the current one the
    /// revised due date, unless the tracker names a revised date of its own.
    /// </summary>
    private void BaselineAndCurrentDue(List<int> dueColumns)
    {
        if (dueColumns.Count < 2 || Has(ColumnField.RevisedDue)) return;
        static bool IsBaseline(string header) => HeaderVocabulary.Normalise(header) is var n
            && (n.StartsWith("baseline", StringComparison.Ordinal) || n.StartsWith("original", StringComparison.Ordinal));
        var baseline = dueColumns.FirstOrDefault(c => IsBaseline(HeaderTexts[c]), -1);
        var current = dueColumns.FirstOrDefault(c => !IsBaseline(HeaderTexts[c]), -1);
        if (baseline < 0 || current < 0) return;
        _primary[ColumnField.Due] = baseline;
        _primary[ColumnField.RevisedDue] = current;
        _decisions.Add($"'{HeaderTexts[baseline]}' read as the due date and '{HeaderTexts[current]}' as the revised due date");
    }

    /// <summary>
    /// A layout for a table whose header names no column PlanBot knows: each column named by what its cells hold.
    /// Needs a column of titles and a column of due dates or of references; null otherwise.
    /// </summary>
    internal static TableLayout? FromContent(TrackerRow header, IReadOnlyList<TrackerRow> rows, ITrackerDateParser dates)
    {
        var texts = header.Cells.Select(c => c.Text.Trim()).ToList();
        var width = Math.Max(texts.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count));
        while (texts.Count < width) texts.Add(string.Empty);
        var layout = new TableLayout(TableKind.Milestones, header, texts) { FromContentOnly = true };
        layout.Rebuild();
        var content = ColumnContent.Of(rows, width, dates);

        // The title: the column of the longest, mostly distinct words that are not dates, names or statuses.
        var title = Enumerable.Range(0, width)
            .Where(c => content[c].Filled >= Math.Max(2, rows.Count / 2) && content[c].Share(content[c].Dates) < 0.3
                && content[c].Share(content[c].Rags + content[c].StatusWords + content[c].Emails + content[c].Numbers) < 0.5
                && content[c].Distinct * 10 >= content[c].Filled * 7)
            .OrderByDescending(c => content[c].AverageLength)
            .FirstOrDefault(-1);
        if (title < 0) return null;
        layout.Assign(title, ColumnField.Title, content[title], "titles");
        layout.NameByContent(content, dates);
        return layout.Has(ColumnField.Due) || layout.Has(ColumnField.Ref) ? layout : null;
    }

    /// <summary>
    /// Checks the header's reading against the data and names unnamed or unknown columns by what they hold: a column
    /// of references that are machine ids is kept but not used as references; a "Status" or "Progress" column of
    /// sentences is the progress note; a column of dates becomes the due date when the header gave none; R/A/G values,
    /// status words, e-mail addresses, percentages and yes/no flags name their columns.
    /// </summary>
    internal void Refine(IReadOnlyList<TrackerRow> rows, ITrackerDateParser dates)
    {
        if (Kind != TableKind.Milestones || rows.Count == 0) return;
        var width = Math.Max(Width, rows.Max(r => r.Cells.Count));
        var content = ColumnContent.Of(rows, width, dates);

        // Microsoft Project: the WBS outline number is the reference a plan quotes; the ID is the row's place in the file.
        if (Column(ColumnField.Ref) is var idCol and >= 0 && HeaderVocabulary.Normalise(HeaderTexts[idCol]) is "id" or "unique id"
            && Enumerable.Range(0, Width).FirstOrDefault(c => HeaderVocabulary.Normalise(HeaderTexts[c]) == "wbs", -1) is var wbsCol and >= 0)
        {
            _primary[ColumnField.Ref] = wbsCol;
            _decisions.Add($"'{HeaderTexts[wbsCol]}' read as the reference, not '{HeaderTexts[idCol]}' (the row's place in the file)");
            Rebuild();
        }

        if (Column(ColumnField.Ref) is var refCol and >= 0 && content[refCol].Filled > 0
            && content[refCol].Share(content[refCol].OpaqueIds) >= 0.5)
        {
            _primary.Remove(ColumnField.Ref);
            OpaqueIdColumn = refCol;
            _decisions.Add($"'{HeaderName(refCol)}' holds machine ids ({string.Join(", ", content[refCol].Examples)}), not references: kept with each milestone");
        }

        if (Column(ColumnField.Status) is var statusCol and >= 0 && content[statusCol].Filled > 0
            && content[statusCol].AverageLength > 40 && content[statusCol].Share(content[statusCol].StatusWords) < 0.5)
        {
            _primary.Remove(ColumnField.Status);
            if (!Has(ColumnField.ProgressNote)) Assign(statusCol, ColumnField.ProgressNote, content[statusCol], "sentences, not status words");
        }

        // A "Summary" (Microsoft Project) or "Title" column of yes/no flags marks parent rows; it holds no titles.
        for (var c = 0; c < Width; c++)
        {
            if (FieldAt(c) is not null || IsIgnored(c) || content[c].Filled == 0) continue;
            var (field, _) = HeaderVocabulary.Recognise(HeaderTexts[c]);
            if (field == ColumnField.Title && content[c].Share(content[c].YesNo) >= 0.9 && !Has(ColumnField.IsParent))
                Assign(c, ColumnField.IsParent, content[c], "yes/no flags");
        }

        PreferDistinctTitle(content);
        PreferNamedGroup(content);
        FindParentByName(rows, content);
        DropTableWideOwner(content);
        FindSerialDates(rows);
        NameByContent(content, dates);
        Rebuild();
    }

    /// <summary>
    /// Two columns whose headers both name a title ("Project" and "Milestone Description"): when the first repeats its
    /// values row after row and the other is different on nearly every row, the other holds the titles and the first
    /// the groups they belong to.
    /// </summary>
    private void PreferDistinctTitle(ColumnContent[] content)
    {
        if (Column(ColumnField.Title) is not (var titleCol and >= 0) || content[titleCol].Filled < 4) return;
        var current = content[titleCol];
        if (current.Distinct * 2 > current.Filled) return;
        for (var c = 0; c < Width; c++)
        {
            if (c == titleCol || FieldAt(c) is not null || IsIgnored(c) || HeaderVocabulary.Recognise(HeaderTexts[c]).Field != ColumnField.Title) continue;
            var other = content[c];
            if (other.Filled * 10 < current.Filled * 8 || other.Distinct * 10 < other.Filled * 9 || other.AverageLength <= current.AverageLength) continue;
            _primary[ColumnField.Title] = c;
            _decisions.Add($"'{HeaderTexts[c]}' read as the title ({other.Distinct} different values), not '{HeaderTexts[titleCol]}' ({current.Distinct} values repeated row after row)");
            if (!Has(ColumnField.Programme))
            {
                _primary[ColumnField.Programme] = titleCol;
                _decisions.Add($"'{HeaderTexts[titleCol]}' read as the group of the rows");
            }
            Rebuild();
            return;
        }
    }

    /// <summary>
    /// A group column whose every value is the title of another row of the table (Asana's 'Parent task'): those rows
    /// are the parents, read as the groups of the rows that name them.
    /// </summary>
    private void FindParentByName(IReadOnlyList<TrackerRow> rows, ColumnContent[] content)
    {
        if (Column(ColumnField.Title) is not (var titleCol and >= 0)) return;
        var titles = rows.Select(r => r.Text(titleCol)).Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < Width; c++)
        {
            if (c == titleCol || IsIgnored(c) || (FieldAt(c) is { } f && f != ColumnField.Programme)) continue;
            if (HeaderVocabulary.Recognise(HeaderTexts[c]).Field != ColumnField.Programme) continue;
            // Another row's title, never the row's own (Jira's Epic Name repeats the epic's own summary).
            var naming = rows.Where(r => r.Text(c).Length > 0).ToList();
            if (naming.Count < 2 || !naming.All(r => titles.Contains(r.Text(c)) && !string.Equals(r.Text(c), r.Text(titleCol), StringComparison.OrdinalIgnoreCase))) continue;
            ParentNameColumn = c;
            _primary[ColumnField.Programme] = c;
            _decisions.Add($"'{HeaderTexts[c]}' names each row's parent ({string.Join(", ", content[c].Examples)}): the rows it names are groups");
            Rebuild();
            return;
        }
    }

    /// <summary>A column naming each row's parent by its title; the rows it names are groups, not milestones.</summary>
    public int ParentNameColumn { get; private set; } = -1;

    /// <summary>
    /// A group column of numbers (Jira's Parent holds the epic's id, 10042) beside another group column of words
    /// (Parent summary): the words name the group.
    /// </summary>
    private void PreferNamedGroup(ColumnContent[] content)
    {
        if (Column(ColumnField.Programme) is not (var groupCol and >= 0) || content[groupCol].Filled == 0) return;
        if (content[groupCol].Share(content[groupCol].Numbers) < 0.9) return;
        for (var c = 0; c < Width; c++)
        {
            if (c == groupCol || FieldAt(c) is not null || IsIgnored(c) || HeaderVocabulary.Recognise(HeaderTexts[c]).Field != ColumnField.Programme) continue;
            if (content[c].Filled == 0 || content[c].Share(content[c].Numbers) > 0.1) continue;
            _primary[ColumnField.Programme] = c;
            _decisions.Add($"'{HeaderTexts[c]}' read as the group, not '{HeaderTexts[groupCol]}' (numbers: {string.Join(", ", content[groupCol].Examples)})");
            Rebuild();
            return;
        }
    }

    /// <summary>
    /// An owner column with the same person on every row (Jira's 'Project lead') beside another delivery-owner column
    /// that names different people row by row: it describes the whole table, not who delivers each row.
    /// </summary>
    private void DropTableWideOwner(ColumnContent[] content)
    {
        var delivery = _owners.Where(o => o.Field == ColumnField.DeliveryOwner && content[o.Column].Filled > 0).ToList();
        if (delivery.Count < 2 || !delivery.Any(o => content[o.Column].Distinct >= 2)) return;
        foreach (var owner in delivery.Where(o => content[o.Column].Distinct == 1 && content[o.Column].Filled >= 5))
        {
            _owners.Remove(owner);
            _decisions.Add($"'{HeaderTexts[owner.Column]}' names the same person on every row ({content[owner.Column].Examples[0]}): read as about the whole table, not as each row's owner");
        }
        Rebuild();
    }

    /// <summary>
    /// Date columns saved from Excel as General hold the date's serial number (45747 for 31 March 2025); a column named
    /// as a date whose cells are mostly such numbers is read as dates in Excel's 1900 date system.
    /// </summary>
    private void FindSerialDates(IReadOnlyList<TrackerRow> rows)
    {
        foreach (var field in (ColumnField[])[ColumnField.Start, ColumnField.Due, ColumnField.RevisedDue, ColumnField.CompletedDate, ColumnField.ProposedRevisedDate])
        {
            if (Column(field) is not (var c and >= 0)) continue;
            var filled = rows.Select(r => r.Text(c).Trim()).Where(t => t.Length > 0).ToList();
            var serials = filled.Count(t => ExcelSerial.TryRead(t, out _));
            if (filled.Count == 0 || serials * 2 < filled.Count) continue;
            _serialDateColumns.Add(c);
            _decisions.Add($"'{HeaderTexts[c]}' holds Excel date serial numbers ({string.Join(", ", filled.Where(t => ExcelSerial.TryRead(t, out _)).Take(2))}…): read as dates");
        }
    }

    private readonly HashSet<int> _serialDateColumns = [];

    /// <summary>True when <paramref name="column"/> is a date column whose cells are Excel serial numbers.</summary>
    public bool HoldsSerialDates(int column) => _serialDateColumns.Contains(column);

    private void NameByContent(ColumnContent[] content, ITrackerDateParser dates)
    {
        var candidates = Enumerable.Range(0, content.Length)
            .Where(c => FieldAt(c) is null && !IsIgnored(c) && c != OpaqueIdColumn && content[c].Filled > 0 && !HasKnownHeader(c))
            .ToList();
        var titleCol = Column(ColumnField.Title);

        if (!Has(ColumnField.Ref) && OpaqueIdColumn < 0 && titleCol > 0)
        {
            foreach (var c in candidates.Where(c => c < titleCol))
            {
                var col = content[c];
                if (col.Share(col.Refs) >= 0.8 && col.Distinct * 10 >= col.Filled * 9 && col.Share(col.Dates) < 0.5 && col.AverageLength <= 12)
                {
                    Assign(c, ColumnField.Ref, col, "short codes");
                    break;
                }
            }
        }

        var dateColumns = candidates.Where(c => FieldAt(c) is null && content[c].Share(content[c].Dates) >= 0.6).ToList();
        if (!Has(ColumnField.Due) && dateColumns.Count > 0)
        {
            // With several, the first is the start and the next the due date (Start | Finish, Baseline | Forecast).
            if (dateColumns.Count >= 2 && !Has(ColumnField.Start))
            {
                Assign(dateColumns[0], ColumnField.Start, content[dateColumns[0]], "dates");
                Assign(dateColumns[1], ColumnField.Due, content[dateColumns[1]], "dates");
            }
            else
            {
                Assign(dateColumns[0], ColumnField.Due, content[dateColumns[0]], "dates");
            }
        }

        foreach (var c in candidates.Where(c => FieldAt(c) is null))
        {
            var col = content[c];
            if (col.Share(col.Rags) >= 0.7 && col.AverageLength <= 12)
            {
                // A second column of ratings is the RAG shifted on some rows, not a status.
                if (!Has(ColumnField.Rag)) Assign(c, ColumnField.Rag, col, "RAG ratings");
            }
            else if (!Has(ColumnField.Status) && col.Share(col.StatusWords) >= 0.7 && col.AverageLength <= 30)
                Assign(c, ColumnField.Status, col, "status words");
            else if (!Has(ColumnField.PercentComplete) && col.Share(col.Percents) >= 0.8)
                Assign(c, ColumnField.PercentComplete, col, "percentages");
            else if (_owners.Count == 0 && (col.Share(col.Emails) >= 0.6 || (col.Share(col.PersonNames) >= 0.8 && col.Distinct >= 2 && c != titleCol)))
                Assign(c, ColumnField.DeliveryOwner, col, col.Emails > 0 ? "e-mail addresses" : "people's names");
        }
        Rebuild();
    }

    private bool HasKnownHeader(int column) =>
        column < Width && HeaderTexts[column].Length > 0 && HeaderVocabulary.Recognise(HeaderTexts[column]).Field is not null;

    private void Assign(int column, ColumnField field, ColumnContent content, string holds)
    {
        if (field is ColumnField.DeliveryOwner or ColumnField.AccountableOwner) _owners.Add((column, field));
        else _primary[field] = column;
        var examples = content.Examples.Count > 0 ? $": {string.Join(", ", content.Examples)}" : string.Empty;
        _decisions.Add($"'{HeaderName(column)}' read as {Describe(field)} by its content ({holds}{examples})");
        Rebuild();
    }

    internal static string Describe(ColumnField field) => field switch
    {
        ColumnField.Ref => "the reference",
        ColumnField.Title => "the title",
        ColumnField.Due => "the due date",
        ColumnField.Start => "the start date",
        ColumnField.RevisedDue => "the revised due date",
        ColumnField.Rag => "the RAG rating",
        ColumnField.Status => "the status",
        ColumnField.DeliveryOwner => "the delivery owner",
        ColumnField.AccountableOwner => "the accountable owner",
        ColumnField.ProgressNote => "the progress note",
        ColumnField.PercentComplete => "% complete",
        ColumnField.IsParent => "the parent-row flag",
        _ => field.ToString(),
    };

    private void Rebuild()
    {
        _owners.Sort((a, b) => a.Column.CompareTo(b.Column));
        var width = Math.Max(Width, Math.Max(_primary.Values.DefaultIfEmpty(-1).Max(), _owners.Select(o => o.Column).DefaultIfEmpty(-1).Max()) + 1);
        _fieldAt = new ColumnField?[width];
        foreach (var (field, column) in _primary) _fieldAt[column] = field;
        foreach (var (column, field) in _owners) _fieldAt[column] = field;
        _mapped = _fieldAt.Select((f, i) => (f, i)).Where(x => x.f is not null).Select(x => x.i).ToHashSet();
    }

    /// <summary>
    /// A row of short labels, at least two of them column names PlanBot knows ("Recommendation | Progress Update"),
    /// that is not a table PlanBot reads: the header of some other table, which ends the one above it.
    /// </summary>
    public static bool LooksLikeOtherHeader(TrackerRow row)
    {
        var texts = row.Cells.Select(c => c.Text.Trim()).Where(t => t.Length > 0).ToList();
        if (texts.Count < 2 || texts.Any(t => t.Length > 40)) return false;
        var known = texts.Count(t => HeaderVocabulary.Recognise(t).Field is not null);
        return known >= 2 && known * 2 >= texts.Count;
    }
}
