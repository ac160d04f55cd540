using System.Text;
using CsvHelper;
using PlanBot.Core.People;

namespace PlanBot.People;

/// <summary>
/// Reads a people file (CSV, the header <c>Name,Email,AadObjectId,Roles,Delegate</c>) and checks it by the rules of
/// <see cref="PeopleFile"/>. Quoted fields may hold commas and line breaks; rows are numbered as a spreadsheet shows
/// them, so a quoted line break does not shift the numbers. Text is UTF-8 or, as Excel on Windows saves "CSV",
/// Windows-1252; a byte order mark decides when there is one. A file that cannot be read is a problem, not an exception.
/// </summary>
public static class PeopleFileReader
{
    public const long MaxFileBytes = 5L * 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public static PeopleFileCheck Read(string path)
    {
        var file = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Fail(file, "the file does not exist.");
            if (info.Length > MaxFileBytes) return Fail(file, $"the file is {info.Length / 1024 / 1024:N0} MB; a people file may be at most {MaxFileBytes / 1024 / 1024} MB.");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(file, $"the file cannot be read ({e.Message.TrimEnd('.')}).");
        }

        return Read(bytes, file);
    }

    public static PeopleFileCheck Read(byte[] bytes, string file)
    {
        if (bytes is [0x50, 0x4B, 0x03, 0x04, ..] or [0xD0, 0xCF, 0x11, 0xE0, ..])
            return Fail(file, "the file is an Excel workbook, not CSV; save it from Excel as \"CSV UTF-8 (Comma delimited)\".");
        return ReadText(Decode(bytes), file);
    }

    public static PeopleFileCheck ReadText(string text, string file)
    {
        if (text.Contains('\0')) return Fail(file, "the file holds binary data (NUL bytes); save it from Excel as \"CSV UTF-8 (Comma delimited)\".");

        var malformed = new List<(long Record, CsvMalformedReason Reason)>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed.Add((record.RecordNumber, record.Reason)),
        };

        IReadOnlyList<string>? header = null;
        var rows = new List<PeopleFileRow>();
        using var reader = CsvReader.FromText(text, options);
        var row = 0;
        try
        {
            while (reader.Read())
            {
                row++;
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i).TrimEnd('\r');
                if (row == 1) header = fields;
                else rows.Add(new PeopleFileRow(row, fields));
            }
        }
        catch (CsvFormatException e)
        {
            return Fail(file, $"row {Math.Max(row + 1, (int)e.RecordNumber)} is not valid CSV ({e.Message.TrimEnd('.')}).");
        }

        if (malformed.FirstOrDefault(m => m.Reason == CsvMalformedReason.UnterminatedQuote) is { Record: > 0 } unterminated)
            return Fail(file, $"row {unterminated.Record} opens a quoted field that is never closed; a quote may be missing, or the file was cut.");

        // Excel writes a row of nothing but commas for a blank line; a header of nothing is no header.
        if (header is not null && header.All(string.IsNullOrWhiteSpace) && rows.Count == 0) header = null;
        return PeopleFile.Check(file, header is null ? null : header.Select(h => h.TrimStart('\uFEFF')).ToList(), rows);
    }

    private static PeopleFileCheck Fail(string file, string message) => new([], [new PeopleFileProblem(file, 0, null, message)]);

    private static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.Value.GetString(bytes);
        }
    }
}
