using CsvHelper;

namespace PlanBot.Trackers.Writing;

/// <summary>
/// Writes rows of text as RFC 4180 CSV the way Excel reads it best: UTF-8 with a byte order mark (without one Excel
/// assumes the ANSI code page and mangles £ and ↑), CRLF line ends, and quotes only where a field needs them.
/// </summary>
/// <remarks>
/// Cell text is written exactly as given. Rows shorter than the first are padded with empty fields, as Excel pads
/// them (a CSV's rows all have one width; <see cref="Reading.TrackerFileReader"/> refuses ragged ones), and a row
/// wider than the first is refused. Text that a spreadsheet would run as a formula is the caller's call:
/// <c>escapeFormulaText</c> puts a single quote before any cell starting with = + - @, a tab or CR.
/// </remarks>
public static class CsvTableWriter
{
    public static void Write(string path, IEnumerable<IReadOnlyList<string?>> rows, bool escapeFormulaText = false, CancellationToken cancellationToken = default)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        try
        {
            using (stream) Write(stream, rows, escapeFormulaText, cancellationToken);
        }
        catch
        {
            File.Delete(path); // no half-written file left behind
            throw;
        }
    }

    public static void Write(Stream stream, IEnumerable<IReadOnlyList<string?>> rows, bool escapeFormulaText = false, CancellationToken cancellationToken = default)
    {
        var options = CsvWriterOptions.Default with
        {
            Separator = ',',
            NewLine = "\r\n",
            Quoting = CsvQuoting.WhenNeeded,
            WriteByteOrderMark = true,
            ValidateFieldCount = false,
            Injection = escapeFormulaText ? CsvInjection.Escape : CsvInjection.None,
        };

        using var writer = CsvWriter.Create(stream, options, leaveOpen: true);
        int? width = null;
        var rowNumber = 0;
        foreach (var row in rows)
        {
            rowNumber++;
            if ((rowNumber & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            width ??= Math.Max(row.Count, 1);
            if (row.Count > width)
                throw new ArgumentException($"Row {rowNumber} has {row.Count} fields but the first row has {width}; a CSV's rows all have one width.", nameof(rows));

            for (var i = 0; i < width; i++) writer.WriteField(i < row.Count ? row[i] : null);
            writer.EndRecord();
        }
    }
}
