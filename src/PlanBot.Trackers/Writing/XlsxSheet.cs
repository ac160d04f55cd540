namespace PlanBot.Trackers.Writing;

/// <summary>
/// One sheet to write. <see cref="Rows"/> is enumerated once, while the sheet is written, so it can stream from a
/// query. <see cref="Name"/> is made valid for Excel on writing (see <see cref="XlsxSheetNames"/>).
/// </summary>
public sealed record XlsxSheet(string Name, IEnumerable<XlsxRow> Rows)
{
    /// <summary>Column widths in characters, from column A; columns beyond the list keep Excel's default.</summary>
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];

    /// <summary>How many rows at the top stay in view when scrolling (the title and header rows); 0 for none.</summary>
    public int FrozenRows { get; init; }
}

public enum XlsxRowKind
{
    /// <summary>Data: text wraps within its column, everything aligns to the top of the cell.</summary>
    Body,

    /// <summary>A table's header row: bold, wrapped.</summary>
    Header,

    /// <summary>A title line above a table: bold, not wrapped, so it runs across the empty cells to its right.</summary>
    Title,
}

/// <summary>
/// A row of typed values: <see cref="string"/>, <see cref="DateOnly"/>, a number (int, long, double, decimal, ...),
/// <see cref="bool"/>, or null for an empty cell. Strings are always written as text, never as formulas.
/// </summary>
public sealed record XlsxRow(IReadOnlyList<object?> Values, XlsxRowKind Kind = XlsxRowKind.Body)
{
    public static XlsxRow Blank { get; } = new([]);

    public static XlsxRow Body(params object?[] values) => new(values);

    public static XlsxRow Header(params object?[] values) => new(values, XlsxRowKind.Header);

    public static XlsxRow Title(string text) => new([text], XlsxRowKind.Title);
}
