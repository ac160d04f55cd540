using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// How deep each row sits in a task outline, where the file says: an Outline Level column (Microsoft Project), the
/// rows' XLSX outline levels, or the indent of the title cells (Smartsheet and Project exports to Excel). A row followed
/// by a deeper one is a parent (summary) row.
/// </summary>
internal sealed class Hierarchy
{
    private readonly Source _source;
    private readonly int _levelColumn;
    private readonly int _titleColumn;

    private enum Source { None, LevelColumn, RowOutline, TitleIndent }

    private Hierarchy(Source source, int levelColumn, int titleColumn)
    {
        _source = source;
        _levelColumn = levelColumn;
        _titleColumn = titleColumn;
    }

    public bool IsKnown => _source != Source.None;

    public static Hierarchy For(IReadOnlyList<TrackerRow> rows, TableLayout layout)
    {
        var title = layout.Column(ColumnField.Title);
        var level = layout.Column(ColumnField.OutlineLevel);
        if (level >= 0 && rows.Any(r => int.TryParse(r.Text(level), out _)))
            return new Hierarchy(Source.LevelColumn, level, title);
        if (rows.Select(r => r.OutlineLevel).Where((_, i) => !rows[i].IsBlank).Distinct().Count() > 1)
            return new Hierarchy(Source.RowOutline, -1, title);
        if (title >= 0 && rows.Where(r => !r.IsBlank).Select(r => r[title].Indent).Distinct().Count() > 1)
            return new Hierarchy(Source.TitleIndent, -1, title);
        return new Hierarchy(Source.None, -1, title);
    }

    public int DepthOf(TrackerRow row, IReadOnlyList<TrackerCell> cells) => _source switch
    {
        Source.LevelColumn => _levelColumn < cells.Count && int.TryParse(cells[_levelColumn].Text.Trim(), out var level) ? level : 0,
        Source.RowOutline => row.OutlineLevel,
        Source.TitleIndent => _titleColumn >= 0 && _titleColumn < cells.Count ? cells[_titleColumn].Indent : 0,
        _ => 0,
    };
}
