namespace PlanBot.Trackers.Reading;

/// <summary>
/// One cell as read from the file. Dates stored as dates in XLSX arrive as ISO text (yyyy-MM-dd).
/// <see cref="Formula"/> is set when an XLSX cell holds a formula (its cached value is in <see cref="Text"/>).
/// </summary>
public readonly record struct TrackerCell(string Text, string? Formula = null)
{
    public static readonly TrackerCell Empty = new(string.Empty);

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>A row of cells; <see cref="Number"/> is the 1-based row (or line) number in the file.</summary>
public sealed record TrackerRow(int Number, IReadOnlyList<TrackerCell> Cells)
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
