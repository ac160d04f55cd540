using CsvHelper;

namespace PlanBot.Trackers.Reading;

/// <summary>
/// Reads comma-separated text by RFC 4180 (quoted fields may hold commas, line breaks and doubled quotes).
/// Excel pads every row of a CSV to the same width, so rows of different widths mean a damaged file and are refused,
/// as is a quote that is never closed; a stray quote inside an unquoted field is kept as text.
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
        int? width = null;
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

            if (!blank)
            {
                width ??= cells.Length;
                if (cells.Length != width)
                    throw new TrackerFileException(
                        $"{fileName} line {line} has {cells.Length} fields but the rows before it have {width} — a comma may be missing its quotes, or the file was cut.");
            }

            rows.Add(new TrackerRow(line, cells));
        }

        return rows;
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
