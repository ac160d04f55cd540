using CsvHelper;

namespace PlanBot.Trackers.Reading;

/// <summary>
/// Reads comma-separated text by RFC 4180 (quoted fields may hold commas, line breaks and doubled quotes).
/// Excel pads every row of a CSV to the same width, so a row wider than the table means a damaged file and is refused,
/// as is a quote that is never closed; shorter lines (titles and notes written by hand or by a tool above the table)
/// are read as they are. A stray quote inside an unquoted field is kept as text.
/// </summary>
internal static class CsvTrackerReader
{
    public static List<TrackerRow> Read(string text, string fileName, CancellationToken cancellationToken)
    {
        var unterminatedQuoteLine = 0L;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            PoolStrings = true,
            OnMalformedRecord = record =>
            {
                if (record.Reason == CsvMalformedReason.UnterminatedQuote && unterminatedQuoteLine == 0)
                    unterminatedQuoteLine = record.LineNumber;
            },
        };

        var rows = new List<TrackerRow>();
        using var reader = CsvReader.FromText(text, options);
        while (ReadNext(reader, fileName))
        {
            if ((rows.Count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (unterminatedQuoteLine > 0)
                throw new TrackerFileException(
                    $"{fileName} line {unterminatedQuoteLine} opens a quoted field that is never closed — a quote may be missing, or the file was cut.");

            var line = checked((int)reader.LineNumber);
            var cells = new TrackerCell[reader.FieldCount];
            var blank = true;
            for (var i = 0; i < cells.Length; i++)
            {
                var value = reader.GetString(i).TrimEnd('\r');
                cells[i] = value.Length == 0 ? TrackerCell.Empty : new TrackerCell(value);
                blank &= string.IsNullOrWhiteSpace(value);
            }

            rows.Add(new TrackerRow(line, cells));
        }

        RefuseRaggedRows(rows, fileName);
        return rows;
    }

    /// <summary>
    /// The table's width is the one most rows share. A row with values beyond it has a comma that lost its quotes (or
    /// the file was cut and joined) and is refused; narrower lines are titles and notes above or below the table
    /// ("Position as at 3 March 2025", "Status at 28/11/2025,,Owner: Joint PMO"), which are not padded to its width.
    /// </summary>
    private static void RefuseRaggedRows(List<TrackerRow> rows, string fileName)
    {
        var widths = rows.Where(r => !r.IsBlank && r.Cells.Count > 1).GroupBy(r => r.Cells.Count).ToList();
        if (widths.Count <= 1) return;
        var width = widths.OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        foreach (var row in rows)
        {
            if (row.Cells.Count <= width || row.Cells.Skip(width).All(c => c.IsBlank)) continue;
            throw new TrackerFileException(
                $"{fileName} line {row.Number} has {row.Cells.Count} fields but the table's rows have {width} — a comma may be missing its quotes, or the file was cut.");
        }
    }

    private static bool ReadNext(CsvReader reader, string fileName)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException ex)
        {
            var where = ex.LineNumber > 0 ? $" line {ex.LineNumber}" : string.Empty;
            throw new TrackerFileException($"{fileName}{where} is not valid CSV ({ex.Message.TrimEnd('.')}).", ex);
        }
    }
}
