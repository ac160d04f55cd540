using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Core.Dates;
using PlanBot.Core.Plans;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// Reads the rows of milestone tables. Real trackers are exported board papers, so rows are repaired before
/// they are read: a row that starts with its reference is lined up under the reference column; a sub-action letter
/// in its own column or at the start of the action ("a GB to sign off") joins the reference (2 + a = 2a);
/// grouping columns left of the title inherit from the row above, as merged cells do; tables without a reference
/// column get numbers in order, and a milestone repeated in a later table (a summary then a detailed dashboard)
/// is merged into the first rather than duplicated.
/// </summary>
internal sealed partial class MilestoneTableReader(string file, ITrackerDateParser dates, List<ImportMessage> messages, ImportTally tally)
{
    private static readonly HashSet<ColumnField> GroupingFields =
        [ColumnField.Programme, ColumnField.Requirement, ColumnField.Team, ColumnField.Department];

    private readonly List<Draft> _drafts = [];
    private readonly Dictionary<MilestoneRef, Draft> _byRef = new();
    private readonly Dictionary<string, Draft> _byIdentity = new(StringComparer.Ordinal);

    // Parent rows by reference ("FIN-1" → "Requirements & Procurement"), for children that name their parent's key.
    private readonly Dictionary<string, string> _parentNames = new(StringComparer.Ordinal);

    // The heading group in force at the end of the last table, and its header, for a table continued after a page break.
    private string? _lastHeadingGroup;
    private IReadOnlyList<string>? _lastHeader;
    private Dictionary<int, TrackerCell> _lastInherited = [];
    private int _tableIndex;

    private sealed class Draft(Milestone milestone, int tableIndex)
    {
        public Milestone Milestone { get; set; } = milestone;
        public int TableIndex { get; } = tableIndex;
        public bool HasOwnRef { get; init; }

        /// <summary>The values of the grouping columns left of the title ("Transformation", "Technology Enablement").</summary>
        public string GroupKey { get; init; } = string.Empty;

        /// <summary>The value of the first grouping column: the programme.</summary>
        public string TopGroup { get; init; } = string.Empty;

        /// <summary>A row of a later table was merged into it: a later table accounts for it already.</summary>
        public bool HasLaterAccount { get; set; }
    }

    // Rows of the table being read that repeat no earlier milestone by title, kept until the table ends: if most of
    // its rows repeat earlier ones, it is a detailed account of an earlier summary and these are matched by place.
    private readonly List<(Draft Draft, SourceLocation Location)> _unmatched = [];
    private int _repeatedInTable;
    private string[] _groupHeaders = [];

    /// <summary>Reads one table; returns how many milestones it gave (including ones merged into earlier tables).</summary>
    public int Read(TableSegment segment)
    {
        _tableIndex++;
        _unmatched.Clear();
        _repeatedInTable = 0;
        var layout = segment.Layout;
        var refCol = layout.Column(ColumnField.Ref);
        var titleCol = layout.Column(ColumnField.Title);
        if (refCol < 0) HasTableWithoutRefs = true;
        var groupingCols = Enumerable.Range(0, titleCol)
            .Where(c => c != refCol && !layout.IsIgnored(c) && c != layout.OpaqueIdColumn
                && (GroupingFieldAt(layout, c) || (!layout.IsMapped(c) && !layout.IsUnnamed(c) && !HasOwnMeaning(layout, c))))
            .ToList();
        _groupHeaders = groupingCols.Select(layout.HeaderName).ToArray();
        var headingProgramme = NumberedHeading().Match(segment.Heading ?? string.Empty) is { Success: true } h
            ? h.Groups["name"].Value.Trim()
            : segment.IsOneOfSeveral && (segment.GroupName ?? segment.Heading) is { Length: <= 80 } heading ? heading : null;
        var hierarchy = Hierarchy.For(segment.DataRows, layout);
        var rows = segment.DataRows.Where(r => !r.IsBlank).ToList();
        var parentRowsByOwnerGap = !layout.Has(ColumnField.Programme) && !hierarchy.IsKnown && MostRowsNameSomeone(rows, layout);
        // An unnamed column just left of the title that is empty on most rows (once rows that lost their leading cells
        // are lined up by their reference): a row with text there lost a cell before it.
        var spacerLeftOfTitle = titleCol > 0 && titleCol - 1 != refCol && layout.IsUnnamed(titleCol - 1)
            && rows.Count(r => Text(refCol >= 0 ? LineUpReference(r.Cells.ToList(), layout, refCol) : r.Cells.ToList(), titleCol - 1).Length > 0) * 2 < rows.Count;

        var namedParents = layout.ParentNameColumn >= 0
            ? rows.Select(r => r.Text(layout.ParentNameColumn)).Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var mergedOwnerColumns = MergedOwnerColumns(rows, layout, groupingCols, titleCol);
        _openMeansNotStarted = OpenMeansNotStarted(rows, layout);
        var inheritedOwners = new Dictionary<int, TrackerCell>();
        var parents = new List<(int Depth, string Name)>();
        // The same header again (a page break in an exported paper) continues the table above under its last heading.
        var repeatsHeader = _lastHeader is not null && _lastHeader.SequenceEqual(layout.HeaderTexts);
        string? headingGroup = repeatsHeader ? _lastHeadingGroup : null;
        // With no title line of its own it also continues the groups in force (a requirement written once, its rows
        // running on over the page); a table under its own title starts its groups afresh.
        var inherited = repeatsHeader && segment.Heading is null ? new Dictionary<int, TrackerCell>(_lastInherited) : [];
        MilestoneRef? parent = null;
        string? handedOnTitle = null;
        var nextLetter = 'a';
        var records = 0;

        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var location = segment.Location(file, row.Number);
            if (FormulaCells.Report(segment, file, row, messages))
            {
                tally.Skip(location, "holds a formula.", "holds a formula");
                continue;
            }

            var cells = row.Cells.ToList();
            ReadSerialDates(cells, layout);
            var nonEmpty = cells.Count(c => !c.IsBlank);
            var next = index + 1 < rows.Count ? rows[index + 1] : null;

            if (refCol >= 0) cells = LineUpReference(cells, layout, refCol);
            if (spacerLeftOfTitle && Text(cells, titleCol - 1).Length > 0 && nonEmpty > 2)
                cells.Insert(titleCol - 1, TrackerCell.Empty);

            if (refCol < 0 && nonEmpty == 2 && ReadOutOfLine(cells, layout, titleCol) is { } lined)
            {
                Warn(location, layout.HeaderName(titleCol),
                    $"this row's cells are out of line; read '{Shorten(Text(lined, titleCol))}' as the milestone, due {Text(lined, layout.Column(ColumnField.Due))}.");
                cells = lined;
            }

            if (nonEmpty == 1)
            {
                var only = cells.FindIndex(c => !c.IsBlank);
                var text = CellText.Clean(cells[only].Text).Trim('#', '*', ':', ' ');
                if (groupingCols.Contains(only) && !NumberedHeading().IsMatch(text))
                {
                    // A value on its own in a grouping column carries the group forward.
                    inherited[only] = cells[only];
                    tally.Grouped++;
                    continue;
                }
                if (IsHeading(text, only, titleCol, refCol, next))
                {
                    headingGroup = NumberedHeading().Match(text) is { Success: true } numbered ? numbered.Groups["name"].Value.Trim() : text;
                    parents.Clear();
                    tally.Grouped++;
                    continue;
                }
                if (only != titleCol)
                {
                    // One value on its own (a page number, a note) is not a milestone.
                    tally.Skip(location, $"holds only '{Shorten(text)}' in {layout.HeaderName(only)}; not a milestone.", "a single value on its own", loneValue: true);
                    continue;
                }
            }

            if (refCol >= 0)
            {
                var refText = Text(cells, refCol);
                if (refText.Length > 0 && !MilestoneRef.TryParse(refText, out _))
                {
                    // Another kind of table follows without a header we know: this one has ended.
                    var left = rows.Count - index;
                    messages.Add(new(ImportSeverity.Info, location, layout.HeaderName(refCol),
                        $"'{Shorten(refText)}' is not a reference, so the table that starts at row {layout.HeaderRow.Number} ends here; the {left} non-blank {(left == 1 ? "row" : "rows")} from here on are not milestones."));
                    break;
                }
            }

            if (namedParents.Contains(Text(cells, titleCol)))
            {
                tally.Grouped++; // a row other rows name as their parent
                continue;
            }

            if (IsParentRow(row, cells, layout, hierarchy, rows, index, parentRowsByOwnerGap))
            {
                var name = CellText.CleanTitle(Text(cells, titleCol));
                if (refCol >= 0 && MilestoneRef.TryParse(Text(cells, refCol), out var parentKey)) _parentNames[parentKey.Key] = name;
                tally.Grouped++;
                // An Epic's children name it in their own column (Epic Link); they need not follow it.
                if (layout.Column(ColumnField.RowType) >= 0) continue;
                var depth = hierarchy.DepthOf(row, cells);
                parents.RemoveAll(p => p.Depth >= depth);
                parents.Add((depth, name));
                continue;
            }

            if (refCol >= 0 && IsHeadingWithReference(cells, layout, refCol, titleCol, next, headingProgramme))
            {
                headingGroup = $"{Text(cells, refCol)} {CellText.CleanTitle(Text(cells, titleCol))}";
                tally.Grouped++;
                continue;
            }

            var subLetter = TakeLetterColumn(cells, titleCol);
            var ownRef = refCol >= 0 && MilestoneRef.TryParse(Text(cells, refCol), out var r) ? r : null;
            if (handedOnTitle is not null && ownRef is null && Text(cells, titleCol).Length == 0 && Text(cells, titleCol + 1).Length == 0)
                cells[titleCol] = new TrackerCell(handedOnTitle); // written into the row above, one column right
            if (ownRef is null && Text(cells, titleCol).Length == 0 && Text(cells, titleCol + 1).Length > 0)
                cells.RemoveAt(titleCol); // the title drifted one column right on this row
            handedOnTitle = RepairDueColumn(cells, layout, next);
            AlignTypedColumns(cells, layout);

            var isContinuation = refCol >= 0 ? ownRef is null : groupingCols.Count > 0 && Text(cells, groupingCols[0]).Length == 0;
            ApplyInheritance(cells, groupingCols, inherited);
            if (refCol < 0)
                ApplyOwnerInheritance(cells, layout, mergedOwnerColumns, inheritedOwners, isContinuation);

            var title = CellText.CleanTitle(Text(cells, titleCol));

            MilestoneRef? reference = null;
            if (ownRef is not null)
            {
                parent = ownRef;
                nextLetter = 'a';
                if (subLetter is null && TakeTitleLetter(ref title, 'a')) subLetter = 'a';
                reference = subLetter is { } l ? Suffix(ownRef, l) : ownRef;
                if (subLetter is { } used) nextLetter = (char)(used + 1);
            }
            else if (refCol >= 0)
            {
                if (title.Length == 0)
                {
                    tally.Skip(location, "has values but no reference or milestone title; row skipped.", "no reference and no title");
                    continue;
                }
                if (parent is null)
                {
                    tally.Skip(location, $"'{Shorten(title)}' has no reference in '{layout.HeaderName(refCol)}' and no numbered row above it to continue; row skipped.", "no reference");
                    continue;
                }
                if (subLetter is null && TakeTitleLetter(ref title, nextLetter)) subLetter = nextLetter;
                if (subLetter is { } l)
                {
                    reference = Suffix(parent, l);
                    nextLetter = (char)(l + 1);
                }
                else
                {
                    reference = NextFreeSuffix(parent, ref nextLetter);
                    if (reference is null)
                    {
                        tally.Skip(location, $"'{Shorten(title)}' has no reference of its own and cannot be numbered under {parent.Display}; row skipped.", "no reference");
                        continue;
                    }
                    Warn(location, layout.HeaderName(refCol), $"'{Shorten(title)}' has no reference of its own; read as {reference.Display}, continuing {parent.Display}.");
                }
            }

            if (title.Length == 0)
            {
                if (reference is null)
                {
                    tally.Skip(location, $"has values but nothing in the title column '{layout.HeaderName(titleCol)}'; row skipped.", "no title");
                    continue;
                }
                Warn(location, layout.HeaderName(titleCol), $"{reference.Display} has no title.");
            }
            else if (LooksLikeADate(title))
            {
                tally.Skip(location, $"the milestone title '{Shorten(title)}' is a date, so this row's columns are out of line; row skipped.", "title is a date");
                continue;
            }

            var group = parents.Count > 0 ? parents[^1].Name : headingGroup ?? headingProgramme;
            var milestone = Build(cells, row, layout, reference, title, group, location);
            records++;
            // Only rows without a reference can be matched to an earlier table's by their place in the groups.
            var groupKey = reference is null ? string.Join("\u001f", groupingCols.Select(c => Text(cells, c))) : string.Empty;
            var topGroup = reference is not null ? string.Empty : groupingCols.Count > 0 ? Text(cells, groupingCols[0]) : milestone.Programme ?? string.Empty;
            Add(milestone, reference is not null, location, groupKey, topGroup);
        }
        MatchByPlace();
        _lastHeadingGroup = headingGroup;
        _lastHeader = layout.HeaderTexts;
        _lastInherited = inherited;
        return records;
    }

    /// <summary>True once a table without a reference column was read: its milestones are numbered in file order.</summary>
    public bool HasTableWithoutRefs { get; private set; }

    /// <summary>
    /// A single value that names a section: words (not a number, a date or a reference on its own) in the reference or
    /// title column or left of the title, with a row of values after it ("W1 Housing &amp; Homelessness",
    /// "Phase 2: Build").
    /// </summary>
    private bool IsHeading(string text, int column, int titleCol, int refCol, TrackerRow? next)
    {
        if (text.Length is < 2 or > 120 || !text.Any(char.IsLetter)) return false;
        if (column != refCol && column != titleCol && column > titleCol) return false;
        if (MilestoneRef.TryParse(text, out _) || ColumnContent.IsDate(text, dates)) return false;
        if (text.StartsWith("page ", StringComparison.OrdinalIgnoreCase)) return false;
        return next is not null && next.Cells.Count(c => !c.IsBlank) >= 2;
    }

    /// <summary>
    /// "W1 | Housing &amp; Homelessness" with the rest of the row empty, followed by W1.1: a workstream heading written
    /// with its reference, in a tracker with no programme column or heading of its own.
    /// </summary>
    private static bool IsHeadingWithReference(List<TrackerCell> cells, TableLayout layout, int refCol, int titleCol, TrackerRow? next, string? headingProgramme)
    {
        if (headingProgramme is not null || layout.Has(ColumnField.Programme) || next is null) return false;
        if (cells.Where((c, i) => i != refCol && i != titleCol).Any(c => !c.IsBlank) || Text(cells, titleCol).Length == 0) return false;
        if (!MilestoneRef.TryParse(Text(cells, refCol), out var own) || !MilestoneRef.TryParse(next.Text(refCol), out var child)) return false;
        return child.Key.StartsWith(own.Key + ".", StringComparison.Ordinal) && child.Key.Length > own.Key.Length;
    }

    private static readonly HashSet<string> ParentTypes = new(StringComparer.OrdinalIgnoreCase)
        { "epic", "summary", "summary task", "phase", "project", "programme", "program", "workstream", "initiative", "stage", "group", "section", "heading", "theme" };

    /// <summary>
    /// A parent (summary) row: flagged by a Summary or parent column or a type such as Epic or Phase, followed by deeper
    /// rows in an outline (Outline Level, XLSX row outline or indent), Microsoft Project's project summary row (ID 0),
    /// or — where most rows name someone — a summary row: rolled-up dates or % complete but no owner, status or RAG,
    /// with rows that name someone after it.
    /// </summary>
    private bool IsParentRow(TrackerRow row, List<TrackerCell> cells, TableLayout layout, Hierarchy hierarchy, List<TrackerRow> rows, int index, bool byOwnerGap)
    {
        var titleCol = layout.Column(ColumnField.Title);
        if (Text(cells, titleCol).Length == 0) return false;
        if (layout.Column(ColumnField.IsParent) is var flagCol and >= 0)
            return Text(cells, flagCol).ToLowerInvariant() is "yes" or "y" or "true" or "1";
        if (layout.Column(ColumnField.RowType) is var typeCol and >= 0 && Text(cells, typeCol).Length > 0)
            return ParentTypes.Contains(Text(cells, typeCol));
        var next = index + 1 < rows.Count ? rows[index + 1] : null;
        if (hierarchy.IsKnown)
            return next is not null && hierarchy.DepthOf(next, next.Cells.ToList()) > hierarchy.DepthOf(row, cells);
        if (!byOwnerGap || NamesSomeone(cells, layout) || !HasRollUp(cells, layout)) return false;
        for (var i = index + 1; i < rows.Count; i++)
            if (NamesSomeone(rows[i].Cells.ToList(), layout)) return true;
        return false;
    }

    /// <summary>Dates or a percentage on a row, as a summary row rolls them up from the rows beneath it.</summary>
    private bool HasRollUp(List<TrackerCell> cells, TableLayout layout)
    {
        foreach (var field in (ColumnField[])[ColumnField.Due, ColumnField.Start, ColumnField.PercentComplete])
        {
            var text = layout.Column(field) is var c and >= 0 ? Text(cells, c) : string.Empty;
            if (text.Length == 0) continue;
            if (field == ColumnField.PercentComplete || dates.Parse(text).Date.Date is not null) return true;
        }
        return false;
    }

    private static bool MostRowsNameSomeone(List<TrackerRow> rows, TableLayout layout)
    {
        if (rows.Count < 4 || (layout.OwnerColumns.Count == 0 && !layout.Has(ColumnField.Status))) return false;
        var naming = rows.Count(r => NamesSomeone(r.Cells.ToList(), layout));
        return naming * 10 >= rows.Count * 7 && naming < rows.Count;
    }

    private static bool NamesSomeone(List<TrackerCell> cells, TableLayout layout) =>
        layout.OwnerColumns.Any(o => Text(cells, o.Column).Length > 0)
        || (layout.Column(ColumnField.Status) is var s and >= 0 && Text(cells, s).Length > 0)
        || (layout.Column(ColumnField.Rag) is var g and >= 0 && (Text(cells, g).Length > 0 || (g < cells.Count && cells[g].Fill is not null)));

    /// <summary>
    /// A row with a cell or two more than the header before its RAG column (a cell the export inserted or repeated), or
    /// one fewer, has its rating out from under "RAG": seed 002's "B" sits under "new", on some rows two columns right,
    /// on one a column left. When the RAG cell holds no rating and one of the next two cells or the one before holds
    /// nothing but one ("B", "Green"), in a column that is not itself a status, date or RAG column, it is read from there.
    /// </summary>
    private void AlignTypedColumns(List<TrackerCell> cells, TableLayout layout)
    {
        var ragCol = layout.Column(ColumnField.Rag);
        if (ragCol < 0 || ragCol >= cells.Count) return;
        var own = Text(cells, ragCol);
        if (StatusReader.ParseRagColumn(own) != Rag.None || (ragCol < cells.Count && cells[ragCol].Fill is not null && own.Length == 0)) return;
        foreach (var c in (int[])[ragCol + 1, ragCol + 2, ragCol - 1])
        {
            if (c < 0 || c >= cells.Count) continue;
            if (layout.FieldAt(c) is ColumnField.Status or ColumnField.Rag or ColumnField.Due or ColumnField.Start or ColumnField.RevisedDue
                or ColumnField.Title or ColumnField.Ref) return;
            var text = Text(cells, c);
            if (text.Length == 0 || text.Length > 12 || StatusReader.ParseRag(text) == Rag.None) continue;
            if (c == ragCol - 1 && own.Length > 0)
            {
                // One cell short before the rating, and the cells after it one column left too: the row lost a cell.
                // It is put back before a date that sits just left of a date column, else just before the rating.
                var at = c > 0 && IsPlainDate(Text(cells, c - 1)) && HeaderVocabulary.Recognise(layout.HeaderTexts.ElementAtOrDefault(c) ?? string.Empty).Field
                    is ColumnField.Due or ColumnField.RevisedDue or ColumnField.Start ? c - 1 : c;
                cells.Insert(at, TrackerCell.Empty);
                return;
            }
            cells[ragCol] = cells[c];
            cells[c] = own.Length > 0 && layout.FieldAt(c) is null ? new TrackerCell(own) : TrackerCell.Empty;
            return;
        }
    }

    private static bool HasOwnMeaning(TableLayout layout, int column) =>
        HeaderVocabulary.Recognise(layout.HeaderTexts[column]).Field is not null;

    /// <summary>All milestones read, numbering those from tables without references, in reference order.</summary>
    public List<Milestone> Finish()
    {
        var next = 1;
        foreach (var draft in _drafts.Where(d => !d.HasOwnRef))
        {
            MilestoneRef generated;
            while (_byRef.ContainsKey(generated = MilestoneRef.Parse(next.ToString(CultureInfo.InvariantCulture)))) next++;
            draft.Milestone = draft.Milestone with { Ref = generated };
            _byRef[generated] = draft;
        }
        foreach (var draft in _drafts)
            if (draft.Milestone.Programme is { } group && MilestoneRef.TryParse(group, out var key) && _parentNames.TryGetValue(key.Key, out var name))
                draft.Milestone = draft.Milestone with { Programme = name };
        return _drafts.Select(d => d.Milestone).OrderBy(m => m.Ref).ToList();
    }

    /// <summary>
    /// A table most of whose rows repeat milestones of earlier tables is a detailed account of an earlier summary (a
    /// dashboard's summary page, then a page per programme, where some rows are worded afresh: "Dorset Care Record -
    /// preferred bidder" in the summary, "… - awarding contract" in the detail). Each of its other rows is the account of
    /// the earlier milestone in its place: the one with the same groups and date, else the next not yet accounted for in
    /// the same groups, else the one of the same programme and date. A row with none stays a milestone of its own.
    /// </summary>
    private void MatchByPlace()
    {
        var repeat = _repeatedInTable > 0 && _repeatedInTable >= _unmatched.Count;
        foreach (var (draft, location) in _unmatched)
        {
            var later = draft.Milestone;
            var earlier = !repeat ? null : Earlier(d => d.GroupKey == draft.GroupKey && SameDue(d.Milestone, later))
                ?? Earlier(d => d.GroupKey == draft.GroupKey)
                ?? Earlier(d => d.TopGroup.Length > 0 && d.TopGroup == draft.TopGroup && SameDue(d.Milestone, later));
            if (earlier is null)
            {
                tally.Imported++;
                _byIdentity.TryAdd(Identity(later), draft);
                _drafts.Add(draft);
                continue;
            }
            earlier.Milestone = Merge(earlier.Milestone, later) is var merged && !string.Equals(merged.Title, later.Title, StringComparison.OrdinalIgnoreCase)
                ? merged with { OtherFields = new Dictionary<string, string>(merged.OtherFields) { [LaterTitleField] = later.Title } }
                : merged;
            earlier.HasLaterAccount = true;
            var groups = string.Join(" and ", _groupHeaders.Select(h => $"'{h}'"));
            messages.Add(new(ImportSeverity.Info, location, null,
                $"'{Shorten(later.Title)}' is read as this table's account of '{Shorten(earlier.Milestone.Title)}' from row {earlier.Milestone.Source?.Row}" +
                $"{(groups.Length > 0 ? $" (the same {groups})" : string.Empty)}: most rows of this table repeat earlier ones, so the two rows were merged."));
            tally.Merged++;
        }
        _unmatched.Clear();

        Draft? Earlier(Func<Draft, bool> fits) =>
            _drafts.FirstOrDefault(d => !d.HasOwnRef && !d.HasLaterAccount && d.TableIndex < _tableIndex && fits(d));
    }

    /// <summary>Where a later table's wording of a merged milestone is kept.</summary>
    internal const string LaterTitleField = "Title in a later table";

    private static bool SameDue(Milestone a, Milestone b) => a.Due.Date is { } x && x == b.Due.Date;

    private static string Identity(Milestone milestone) =>
        HeaderVocabulary.Normalise(milestone.Title) + "|" + HeaderVocabulary.Normalise(milestone.Programme ?? string.Empty);

    private void Add(Milestone milestone, bool hasOwnRef, SourceLocation location, string groupKey, string topGroup)
    {
        if (hasOwnRef)
        {
            if (_byRef.TryGetValue(milestone.Ref, out var first))
            {
                messages.Add(new(ImportSeverity.Error, location, null,
                    $"{milestone.Ref.Display} appears more than once (first at row {first.Milestone.Source?.Row}); every reference must be unique."));
                tally.Skip(location, $"{milestone.Ref.Display} appears more than once (first at row {first.Milestone.Source?.Row}).", "a repeated reference");
                return;
            }
            tally.Imported++;
            var draft = new Draft(milestone, _tableIndex) { HasOwnRef = true };
            _byRef[milestone.Ref] = draft;
            _drafts.Add(draft);
            return;
        }

        var identity = Identity(milestone);
        if (_byIdentity.TryGetValue(identity, out var earlier) && earlier.TableIndex != _tableIndex)
        {
            earlier.Milestone = Merge(earlier.Milestone, milestone);
            earlier.HasLaterAccount = true;
            _repeatedInTable++;
            messages.Add(new(ImportSeverity.Info, location, null,
                $"'{Shorten(milestone.Title)}' repeats a milestone from row {earlier.Milestone.Source?.Row}; the two rows were merged."));
            tally.Merged++;
            return;
        }
        var added = new Draft(milestone, _tableIndex) { GroupKey = groupKey, TopGroup = topGroup };
        if (_tableIndex > 1)
        {
            _unmatched.Add((added, location)); // decided when the table ends
            return;
        }
        tally.Imported++;
        _byIdentity.TryAdd(identity, added);
        _drafts.Add(added);
    }

    private Milestone Build(List<TrackerCell> cells, TrackerRow row, TableLayout layout, MilestoneRef? reference, string title, string? group, SourceLocation location)
    {
        string Field(ColumnField f) => layout.Column(f) is var c and >= 0 ? CellText.Clean(Text(cells, c)) : string.Empty;
        string? Optional(ColumnField f) => Field(f) is { Length: > 0 } s ? s : null;

        var startCell = dates.Parse(Field(ColumnField.Start));
        var start = startCell.Start ?? startCell.Date;
        var due = dates.Parse(Field(ColumnField.Due));
        // "Oct (Start date)" under the due date: no deadline, and the start the tracker gives no column of its own.
        if (start.IsBlank && due.Start is { } startFromDue) start = startFromDue;
        var revised = due.Revised ?? dates.Parse(Field(ColumnField.RevisedDue)).Date;
        // A timeline ("2025-03-03 - 2025-03-14") in the due column gives the start too.
        if (start.IsBlank && due.Date.RangeStart is { } rangeStart && !layout.Has(ColumnField.Start) && due.Date.Date is not null
            && due.Date.Text.Length > 0 && char.IsDigit(due.Date.Text[0]))
            start = TrackerDate.Exact(rangeStart);
        // A task with no baseline ("NA", blank) is due when its current date says.
        var noBaseline = false;
        if (due.Date.Date is null && due.Revised is null && revised.Date is not null && layout.Has(ColumnField.Due))
            (due, revised, noBaseline) = (due with { Date = revised }, TrackerDate.Blank, true);
        // A forecast equal to the baseline is no revision.
        if (revised.Date is { } r && r == due.Date.Date && due.Revised is null) revised = TrackerDate.Blank;
        ReportDate(location, layout, ColumnField.Start, start);
        ReportDate(location, layout, ColumnField.Due, due.Date);
        ReportDate(location, layout, due.Revised is null ? ColumnField.RevisedDue : ColumnField.Due, revised);
        if (start.Date is { } s && due.Date.Date is { } d && d < s)
            Warn(location, layout.HeaderName(layout.Column(ColumnField.Due)),
                $"{Ref(reference)}due date {d:dd MMM yyyy} is before its start date {s:dd MMM yyyy}; check the tracker.");

        var statusText = Field(ColumnField.Status);
        var ragText = Field(ColumnField.Rag);
        if (ragText.Length == 0 && layout.Column(ColumnField.Rag) is var ragCol and >= 0 && ragCol < cells.Count && cells[ragCol].Fill is { } fill)
        {
            ragText = fill; // rated by the cell's colour alone
            tally.RatingsFromColour++;
        }
        var status = _openMeansNotStarted && HeaderVocabulary.Normalise(statusText) == "open"
            ? MilestoneStatus.NotStarted
            : StatusReader.Normalise(statusText, ragText);
        status = DoneOrLate(status, Field(ColumnField.PercentComplete), Field(ColumnField.CompletedDate), Field(ColumnField.Late), Field(ColumnField.Resolution));
        // "30/06/2016 Complete" under the due date, with no status column saying otherwise: done on that date.
        if (statusText.Length == 0 && due.Date.Date is not null && due.Revised is null && due.Date.Note is { } dueNote
            && StatusReader.Normalise(dueNote, null) == MilestoneStatus.Complete && dueNote.Split(' ').Length <= 2)
            status = MilestoneStatus.Complete;

        return new Milestone
        {
            Ref = reference ?? MilestoneRef.Parse("0"), // numbered in Finish()
            Title = title,
            Team = Optional(ColumnField.Team),
            Department = Optional(ColumnField.Department),
            Programme = Optional(ColumnField.Programme) ?? group,
            Requirement = Optional(ColumnField.Requirement),
            Start = start,
            Due = due.Date,
            RevisedDue = revised,
            NoBaselineDue = noBaseline,
            PercentComplete = PercentOf(Field(ColumnField.PercentComplete)) is { } percent and >= 0 and <= 100 ? percent : null,
            Status = status,
            StatusText = statusText,
            Rag = StatusReader.ParseRagColumn(ragText),
            RagText = ragText,
            CriticalPath = IsCriticalPathMark(Field(ColumnField.CriticalPath)),
            CommitteeSignOff = Optional(ColumnField.CommitteeSignOff),
            ProgressNote = Optional(ColumnField.ProgressNote),
            Trend = Optional(ColumnField.Trend),
            Evidence = Optional(ColumnField.Evidence),
            Owners = ReadOwners(cells, layout),
            OtherFields = ReadOtherFields(cells, layout),
            Source = location,
        };
    }

    /// <summary>
    /// Task tools say "done" with 100% complete or a completed date, and "late" with a flag: they decide when the
    /// status words do not already say the work is finished.
    /// </summary>
    private static MilestoneStatus DoneOrLate(MilestoneStatus status, string percent, string completedDate, string late, string resolution)
    {
        // Jira's resolution says how a closed issue ended: Done or Fixed is delivered, Won't Do or Duplicate is not.
        var resolved = resolution.ToLowerInvariant() switch
        {
            "done" or "fixed" or "complete" or "completed" or "resolved" or "delivered" => MilestoneStatus.Complete,
            "won't do" or "won't fix" or "wont do" or "wont fix" or "duplicate" or "declined" or "cancelled" or "canceled" or "cannot reproduce" or "obsolete" => MilestoneStatus.Closed,
            _ => MilestoneStatus.Unknown,
        };
        if (resolved != MilestoneStatus.Unknown && status is MilestoneStatus.Complete or MilestoneStatus.Closed or MilestoneStatus.Unknown) return resolved;
        if (status is MilestoneStatus.Complete or MilestoneStatus.Closed) return status;
        var done = completedDate.Length > 0 && !completedDate.Equals("no", StringComparison.OrdinalIgnoreCase)
            || PercentOf(percent) is >= 100;
        if (done) return MilestoneStatus.Complete;
        if (late.ToLowerInvariant() is "true" or "yes" or "y" or "late" or "1") return MilestoneStatus.Delayed;
        if (status == MilestoneStatus.Unknown && PercentOf(percent) is 0) return MilestoneStatus.NotStarted;
        if (status == MilestoneStatus.Unknown && PercentOf(percent) is > 0) return MilestoneStatus.OnTrack;
        return status;
    }

    /// <summary>"100%", "100" or "0.5" (a fraction of one, as some exports write it).</summary>
    private static double? PercentOf(string text)
    {
        if (text.Length == 0) return null;
        var trimmed = text.Trim().TrimEnd('%').Trim();
        if (!double.TryParse(trimmed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)) return null;
        return !text.Contains('%') && value is > 0 and < 1 ? value * 100 : value;
    }

    private static List<Owner> ReadOwners(List<TrackerCell> cells, TableLayout layout)
    {
        var owners = new List<Owner>();
        foreach (var (column, field) in layout.OwnerColumns)
        {
            var role = field == ColumnField.AccountableOwner ? OwnerRole.Accountable : OwnerRole.Delivery;
            foreach (var name in OwnerNames.Split(CellText.Clean(Text(cells, column))))
            {
                var owner = name.IsSupporting
                    ? new Owner(name.Name, OwnerRole.Delivery, "Supporting officer")
                    : new Owner(name.Name, role, layout.HeaderName(column), name.IsDeputy);
                // "Assignee" and "Assignee Email" name the same person twice.
                // The plain name wins over the address ("Raj Singh" over "r.singh@…").
                var existing = owners.FindIndex(o => o.Role == owner.Role && SamePerson(o.Name, owner.Name));
                if (existing < 0) owners.Add(owner);
                else if (owners[existing].Name.Contains('@') && !owner.Name.Contains('@')) owners[existing] = owner;
            }
        }
        return owners;
    }

    /// <summary>"Raj Singh" and "r.singh@…" are one person: same surname and first initial.</summary>
    private static bool SamePerson(string a, string b)
    {
        static string Bare(string name) => OwnerNames.IsEmailAddress(name) ? OwnerNames.SpelledName(name) ?? name
            : (name.IndexOf(" (", StringComparison.Ordinal) is var open and > 0 && name.Contains('@') ? name[..open] : name).Trim();
        var (x, y) = (Bare(a), Bare(b));
        if (string.Equals(x, y, StringComparison.OrdinalIgnoreCase)) return true;
        if (!a.Contains('@') && !b.Contains('@')) return false;
        var xs = x.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ys = y.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return xs.Length >= 2 && ys.Length >= 2 && string.Equals(xs[^1], ys[^1], StringComparison.OrdinalIgnoreCase)
            && char.ToLowerInvariant(xs[0][0]) == char.ToLowerInvariant(ys[0][0]);
    }

    private static Dictionary<string, string> ReadOtherFields(List<TrackerCell> cells, TableLayout layout)
    {
        var other = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < cells.Count; c++)
        {
            if (layout.IsMapped(c) || layout.IsIgnored(c)) continue;
            var value = CellText.Clean(cells[c].Text);
            if (value.Length == 0) continue;
            var key = layout.HeaderName(c);
            for (var n = 2; other.ContainsKey(key); n++) key = $"{layout.HeaderName(c)} ({n})";
            other[key] = value;
        }
        return other;
    }

    private static Milestone Merge(Milestone first, Milestone later)
    {
        static string? Pick(string? a, string? b) => string.IsNullOrWhiteSpace(a) ? b : a;
        static TrackerDate PickDate(TrackerDate a, TrackerDate b) => a.IsBlank ? b : a;
        var other = new Dictionary<string, string>(first.OtherFields);
        foreach (var (k, v) in later.OtherFields) other.TryAdd(k, v);
        return first with
        {
            Team = Pick(first.Team, later.Team),
            Department = Pick(first.Department, later.Department),
            Requirement = Pick(first.Requirement, later.Requirement),
            Start = PickDate(first.Start, later.Start),
            Due = PickDate(first.Due, later.Due),
            RevisedDue = PickDate(first.RevisedDue, later.RevisedDue),
            NoBaselineDue = first.Due.IsBlank ? later.NoBaselineDue : first.NoBaselineDue,
            PercentComplete = first.PercentComplete ?? later.PercentComplete,
            // A detailed table is the fresher account of progress; the trend, like the RAG, is the summary's
            // (Dorset's summary marks #13 and #20 improved where its detail pages say no change).
            ProgressNote = Pick(later.ProgressNote, first.ProgressNote),
            Trend = Pick(first.Trend, later.Trend),
            StatusText = first.StatusText.Length > 0 ? first.StatusText : later.StatusText,
            Status = first.Status == MilestoneStatus.Unknown ? later.Status : first.Status,
            Rag = first.Rag == Rag.None ? later.Rag : first.Rag,
            RagText = first.RagText.Length > 0 ? first.RagText : later.RagText,
            CriticalPath = first.CriticalPath || later.CriticalPath,
            CommitteeSignOff = Pick(first.CommitteeSignOff, later.CommitteeSignOff),
            Evidence = Pick(first.Evidence, later.Evidence),
            Owners = first.Owners.Count > 0 ? first.Owners : later.Owners,
            OtherFields = other,
        };
    }

    /// <summary>
    /// Rows that lost their leading columns at a page break ("6.9  IT: Southend Telehealth Pilot  CN (TD) …") are read
    /// from the reference column onward, skipping unnamed columns; a reference sitting in the unnamed column beside
    /// the reference column is moved into it.
    /// </summary>
    private static List<TrackerCell> LineUpReference(List<TrackerCell> cells, TableLayout layout, int refCol)
    {
        if (MilestoneRef.TryParse(Text(cells, refCol), out _)) return cells;
        var first = cells.FindIndex(c => !c.IsBlank);
        if (first >= 0 && first < refCol && MilestoneRef.TryParse(cells[first].Text, out _))
        {
            var lined = new List<TrackerCell>();
            var target = refCol;
            for (var i = first; i < cells.Count; i++)
            {
                while (target != refCol && target < layout.Width && layout.IsUnnamed(target)) target++;
                while (lined.Count <= target) lined.Add(TrackerCell.Empty);
                lined[target++] = cells[i];
            }
            return lined;
        }
        if (layout.IsUnnamed(refCol + 1) && MilestoneRef.TryParse(Text(cells, refCol + 1), out _))
        {
            var moved = cells.ToList();
            if (Text(cells, refCol).Length > 0)
            {
                // A section title in the first cell pushed the leading columns one right; the rest of the row is in place.
                moved.RemoveAt(0);
                moved.Insert(refCol, TrackerCell.Empty);
            }
            moved[refCol] = moved[refCol + 1];
            moved[refCol + 1] = TrackerCell.Empty;
            return moved;
        }
        return cells;
    }

    /// <summary>A lone letter in the title column followed by the action itself: "4 | … | a | Agree and deliver …".</summary>
    private static char? TakeLetterColumn(List<TrackerCell> cells, int titleCol)
    {
        var text = Text(cells, titleCol);
        if (text.Length == 1 && text[0] is >= 'a' and <= 'z' && Text(cells, titleCol + 1).Length > 0)
        {
            cells.RemoveAt(titleCol);
            return text[0];
        }
        return null;
    }

    /// <summary>"a GB to formally sign off" under reference 1 is action 1a when 'a' is the letter expected next.</summary>
    private static bool TakeTitleLetter(ref string title, char expected)
    {
        var m = TitleLetter().Match(title);
        if (!m.Success || m.Groups["letter"].Value[0] != expected) return false;
        title = m.Groups["rest"].Value;
        return true;
    }

    /// <summary>
    /// When the due cell holds words and the cell after it the date, the row has an extra column: the words belong to
    /// the title ("Communications and continuing engagement" | "Public Consultation" | 01-Sep-16 …) — or, when the row
    /// below has the same extra column and a date but no title ("" | "" | 31-Jul-16), they are that row's title, which
    /// is returned to hand on.
    /// </summary>
    private string? RepairDueColumn(List<TrackerCell> cells, TableLayout layout, TrackerRow? below)
    {
        var dueCol = layout.Column(ColumnField.Due);
        var titleCol = layout.Column(ColumnField.Title);
        if (dueCol < 0 || dueCol + 1 >= cells.Count || Text(cells, titleCol).Length == 0) return null;
        var nextField = layout.FieldAt(dueCol + 1);
        if (nextField is ColumnField.Start or ColumnField.RevisedDue or ColumnField.ProposedRevisedDate) return null;
        var dueText = Text(cells, dueCol);
        if (dueText.Length > 0 && dates.Parse(dueText).Date.Problem != DateProblem.NotADate) return null;
        if (!IsPlainDate(Text(cells, dueCol + 1))) return null;
        string? handedOn = null;
        if (dueText.Length > 0 && titleCol >= 0)
        {
            if (below is not null && Enumerable.Range(0, dueCol + 1).All(c => below.Text(c).Length == 0) && IsPlainDate(below.Text(dueCol + 1)))
                handedOn = dueText;
            else
                cells[titleCol] = new TrackerCell($"{Text(cells, titleCol)}: {dueText}");
        }
        cells.RemoveAt(dueCol);
        return handedOn;
    }

    private bool IsPlainDate(string text) =>
        dates.Parse(text).Date is { Date: not null, Problem: DateProblem.None, Note: null };

    /// <summary>
    /// A row of two cells, words left of the title column and a date in it ("Implementation Plan to be agreed" | "" |
    /// 31-Jul-16): it lost its place at a page break. Read as the milestone and its due date, its groups inherited.
    /// </summary>
    private List<TrackerCell>? ReadOutOfLine(List<TrackerCell> cells, TableLayout layout, int titleCol)
    {
        var dueCol = layout.Column(ColumnField.Due);
        if (titleCol <= 0 || dueCol < 0 || !IsPlainDate(Text(cells, titleCol))) return null;
        var words = cells.FindIndex(c => !c.IsBlank);
        if (words >= titleCol || Text(cells, words) is not { } text || !text.Contains(' ') || !text.Any(char.IsLetter) || ColumnContent.IsDate(text, dates)) return null;
        var lined = Enumerable.Repeat(TrackerCell.Empty, Math.Max(cells.Count, Math.Max(titleCol, dueCol) + 1)).ToList();
        lined[titleCol] = cells[words];
        lined[dueCol] = cells[titleCol];
        return lined;
    }

    private static void ReadSerialDates(List<TrackerCell> cells, TableLayout layout)
    {
        for (var c = 0; c < cells.Count; c++)
            if (layout.HoldsSerialDates(c) && ExcelSerial.TryRead(cells[c].Text.Trim(), out var date))
                cells[c] = cells[c] with { Text = ExcelSerial.AsText(date) };
    }

    private static void ApplyInheritance(List<TrackerCell> cells, List<int> groupingCols, Dictionary<int, TrackerCell> inherited)
    {
        var groupStartsHere = false;
        foreach (var c in groupingCols)
        {
            if (Text(cells, c).Length > 0)
            {
                inherited[c] = cells[c];
                groupStartsHere = true;
            }
            else if (groupStartsHere)
            {
                inherited.Remove(c); // a new group on the left ends the sub-groups to its right
            }
            else if (inherited.TryGetValue(c, out var above))
            {
                while (cells.Count <= c) cells.Add(TrackerCell.Empty);
                cells[c] = above;
            }
        }
    }

    private bool _openMeansNotStarted;

    /// <summary>
    /// 'Open' says the work is under way in a PMO action log (seed 001), but in a workflow whose status column also has
    /// its own under-way state ('Open', 'In Progress', 'Resolved', as Jira's) it is the state before work starts.
    /// </summary>
    private static bool OpenMeansNotStarted(List<TrackerRow> rows, TableLayout layout)
    {
        if (layout.Column(ColumnField.Status) is not (var statusCol and >= 0)) return false;
        var values = rows.Select(r => HeaderVocabulary.Normalise(r.Text(statusCol))).ToHashSet(StringComparer.Ordinal);
        return values.Contains("open") && values.Overlaps(UnderWayStates);
    }

    private static readonly string[] UnderWayStates = ["in progress", "underway", "under way", "working on it", "in review", "doing"];

    /// <summary>
    /// Owner columns written once per block like a merged cell: blank on more of the rows that continue a group than
    /// name someone. Where most continuing rows name their own owner, a blank one has no owner rather than the one above.
    /// </summary>
    private static HashSet<int> MergedOwnerColumns(List<TrackerRow> rows, TableLayout layout, List<int> groupingCols, int titleCol)
    {
        if (groupingCols.Count == 0) return [];
        var continuing = rows.Where(r => r.Text(groupingCols[0]).Length == 0 && r.Text(titleCol).Length > 0).ToList();
        return layout.OwnerColumns.Select(o => o.Column)
            .Where(c => continuing.Count(r => r.Text(c).Length == 0) > continuing.Count(r => r.Text(c).Length > 0))
            .ToHashSet();
    }

    private static void ApplyOwnerInheritance(List<TrackerCell> cells, TableLayout layout, HashSet<int> mergedColumns, Dictionary<int, TrackerCell> inherited, bool isContinuation)
    {
        foreach (var (c, _) in layout.OwnerColumns)
        {
            if (!mergedColumns.Contains(c)) continue;
            if (Text(cells, c).Length > 0) inherited[c] = cells[c];
            else if (isContinuation && inherited.TryGetValue(c, out var above))
            {
                while (cells.Count <= c) cells.Add(TrackerCell.Empty);
                cells[c] = above;
            }
        }
    }

    private void ReportDate(SourceLocation location, TableLayout layout, ColumnField field, TrackerDate date)
    {
        if (date.IsBlank || date.Problem is DateProblem.None or DateProblem.NoDeadline) return; // "Ongoing" says what it means
        var column = layout.Column(field) is var c and >= 0 ? layout.HeaderName(c) : field.ToString();
        var text = date.Problem switch
        {
            DateProblem.Impossible => $"'{date.Text}' is not a real date; kept as written and flagged.",
            DateProblem.MissingYear => $"'{date.Text}' has no year and the plan's financial year is not known; kept as written.",
            _ => $"'{Shorten(date.Text)}' is not a date; kept as written.",
        };
        Warn(location with { Column = layout.Column(field) is var col and >= 0 ? col + 1 : null }, column, text);
    }

    private static MilestoneRef? NextFreeSuffixCore(MilestoneRef parent, ref char next, Func<MilestoneRef, bool> used)
    {
        if (!char.IsDigit(parent.Value[^1])) return null;
        for (; next <= 'z'; next++)
        {
            var candidate = parent.WithSuffix(next);
            if (!used(candidate)) { next++; return candidate; }
        }
        return null;
    }

    private MilestoneRef? NextFreeSuffix(MilestoneRef parent, ref char next) => NextFreeSuffixCore(parent, ref next, _byRef.ContainsKey);

    private static MilestoneRef Suffix(MilestoneRef parent, char letter) =>
        char.IsDigit(parent.Value[^1]) ? parent.WithSuffix(letter) : parent;

    private bool LooksLikeADate(string title)
    {
        if (title.Length > 40) return false; // dates are short; sentences that mention one are titles
        var parsed = dates.Parse(title).Date;
        return parsed.Date is not null && parsed.Problem == DateProblem.None && parsed.Note is null;
    }

    private static bool IsCriticalPathMark(string text) =>
        text.Length > 0 && !text.Equals("no", StringComparison.OrdinalIgnoreCase) && !text.Equals("n", StringComparison.OrdinalIgnoreCase)
        && !text.Equals("false", StringComparison.OrdinalIgnoreCase) && text is not "0" and not "-";

    private static bool GroupingFieldAt(TableLayout layout, int column) => layout.FieldAt(column) is { } f && GroupingFields.Contains(f);

    private static string Text(List<TrackerCell> cells, int column) =>
        column >= 0 && column < cells.Count ? cells[column].Text.Trim() : string.Empty;

    private static string Ref(MilestoneRef? reference) => reference is null ? string.Empty : reference.Display + ": ";

    private void Warn(SourceLocation location, string? column, string text) =>
        messages.Add(new(ImportSeverity.Warning, location, column, text));

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    [GeneratedRegex(@"^(?<letter>[a-z])[\s.)]+(?<rest>[A-Z].*)$", RegexOptions.Singleline)]
    private static partial Regex TitleLetter();

    [GeneratedRegex(@"^\d{1,2}\.?\s+(?<name>\D.*)$")]
    private static partial Regex NumberedHeading();
}
