using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// A recognised header row: which column holds which field. The first column for a field wins, except
/// owner columns, of which a tracker may have several (Delivery Owner and COT Owner, SRO and Ops lead).
/// </summary>
public sealed class TableLayout
{
    private readonly Dictionary<ColumnField, int> _primary = new();
    private readonly List<(int Column, ColumnField Field)> _owners = [];

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

    public IReadOnlyList<(int Column, ColumnField Field)> OwnerColumns => _owners;

    private ColumnField?[] _fieldAt = [];
    private HashSet<int> _mapped = [];

    public int Column(ColumnField field) => _primary.TryGetValue(field, out var c) ? c : -1;

    /// <summary>The field read from <paramref name="column"/>, if any (owner columns included).</summary>
    public ColumnField? FieldAt(int column) => column >= 0 && column < _fieldAt.Length ? _fieldAt[column] : null;

    public bool Has(ColumnField field) => _primary.ContainsKey(field);

    /// <summary>Columns whose values are read into a named field (the rest go to a milestone's other fields).</summary>
    public bool IsMapped(int column) => _mapped.Contains(column);

    public bool IsUnnamed(int column) => column >= Width || string.IsNullOrWhiteSpace(HeaderTexts[column]);

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
            if (texts[i].Length == 0 || texts[i].Length > 80 || char.IsDigit(texts[i][0])) continue;
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
        else if (fields.Contains(ColumnField.Title) && (fields.Contains(ColumnField.Ref) || fields.Contains(ColumnField.Due)))
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
        layout._owners.Sort((a, b) => a.Column.CompareTo(b.Column));
        layout._ignored = recognised.Where(r => r.Field == ColumnField.Ignore).Select(r => r.Column).ToHashSet();
        layout._fieldAt = new ColumnField?[texts.Count];
        foreach (var (field, column) in layout._primary) layout._fieldAt[column] = field;
        foreach (var (column, field) in layout._owners) layout._fieldAt[column] = field;
        layout._mapped = layout._fieldAt.Select((f, i) => (f, i)).Where(x => x.f is not null).Select(x => x.i).ToHashSet();
        return layout;
    }

    private HashSet<int> _ignored = [];

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

    public bool IsIgnored(int column) => _ignored.Contains(column);
}
