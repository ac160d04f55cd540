namespace PlanBot.Trackers.Reading;

/// <summary>
/// One cell as read from the file. Dates stored as dates in XLSX arrive as the text their number format shows
/// ("01-Apr-19" for dd-mmm-yy), or as ISO text (yyyy-MM-dd) when the format is the reader's locale's short date.
/// <see cref="Formula"/> is set when an XLSX cell holds a formula (its cached value is in <see cref="Text"/>).
/// <see cref="Fill"/> is the colour an XLSX cell is filled with when it reads as a RAG colour ("Red", "Amber", "Green",
/// "Blue"), for trackers that rate by colour alone; <see cref="Indent"/> is its indent level (a task's depth in
/// Smartsheet and Project exports).
/// </summary>
public readonly record struct TrackerCell(string Text, string? Formula = null, string? Fill = null, int Indent = 0)
{
    public static readonly TrackerCell Empty = new(string.Empty);

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// A row of cells; <see cref="Number"/> is the 1-based row (or line) number in the file; <see cref="OutlineLevel"/> the
/// row's level in an XLSX outline (grouped rows under a summary row), 0 when none.
/// </summary>
public sealed record TrackerRow(int Number, IReadOnlyList<TrackerCell> Cells, int OutlineLevel = 0)
{
    public TrackerCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : TrackerCell.Empty;

    public string Text(int column) => this[column].Text.Trim();

    public bool IsBlank => Cells.All(c => c.IsBlank);
}

/// <summary>A sheet of an XLSX workbook, or the single table of a CSV/TSV file (<see cref="Name"/> null).</summary>
public sealed record TrackerSheet(string? Name, IReadOnlyList<TrackerRow> Rows);

/// <summary>Everything read from one tracker file.</summary>
public sealed record TrackerWorkbook(string FileName, IReadOnlyList<TrackerSheet> Sheets);

/// <summary>A tracker file that cannot be read at all; the message names the file and, where known, the place.</summary>
public sealed class TrackerFileException : Exception
{
    public TrackerFileException(string message)
        : base(message)
    {
    }

    /// <param name="innerException">The library or I/O error behind it, for logs; the message is what users see.</param>
    public TrackerFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
