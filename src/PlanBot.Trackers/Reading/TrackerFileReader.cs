namespace PlanBot.Trackers.Reading;

/// <summary>
/// Reads a tracker file into a grid of cell texts, choosing the format by extension: .xlsx/.xlsm workbooks,
/// .csv (RFC 4180, Excel-style: every row the same width) and .tsv/.txt (tab-delimited, rows may be ragged).
/// Every problem with the file itself is a <see cref="TrackerFileException"/> whose message names the file.
/// </summary>
public static class TrackerFileReader
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    public static IReadOnlyList<string> SupportedExtensions { get; } = [".xlsx", ".xlsm", ".csv", ".tsv", ".txt"];

    /// <exception cref="TrackerFileException">The file is missing, too large, of an unsupported kind or damaged.</exception>
    public static TrackerWorkbook Read(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (Directory.Exists(path))
            throw new TrackerFileException($"'{name}' is a folder, not a tracker file.");
        if (!File.Exists(path))
            throw new TrackerFileException($"'{name}' was not found.");

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var kind = extension switch
        {
            ".xlsx" or ".xlsm" => FileKind.Workbook,
            ".csv" => FileKind.Csv,
            ".tsv" or ".txt" => FileKind.TabText,
            ".xls" => throw new TrackerFileException(
                $"'{name}' is an old Excel 97-2003 workbook (.xls), which PlanBot cannot read: open it in Excel and save it as .xlsx."),
            _ => throw new TrackerFileException(
                $"'{name}' is not a file type PlanBot reads ({(extension.Length == 0 ? "no extension" : extension)}): use .xlsx, .csv, .tsv or .txt."),
        };

        var length = new FileInfo(path).Length;
        if (length == 0)
            throw new TrackerFileException($"'{name}' is empty (0 bytes).");
        if (length > MaxFileBytes)
            throw new TrackerFileException(
                $"'{name}' is {FormatMegabytes(length)}, over the {MaxFileBytes / (1024 * 1024)} MB limit for tracker files.");

        try
        {
            return kind switch
            {
                FileKind.Workbook => XlsxTrackerReader.Read(path, name, cancellationToken),
                FileKind.Csv => new TrackerWorkbook(name, [new TrackerSheet(null, CsvTrackerReader.Read(TextFileDecoder.Decode(path, name), name, cancellationToken))]),
                _ => new TrackerWorkbook(name, [new TrackerSheet(null, TabTextParser.Parse(TextFileDecoder.Decode(path, name), cancellationToken))]),
            };
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TrackerFileException($"'{name}' could not be opened: access was denied.", ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TrackerFileException($"'{name}' was not found.", ex);
        }
        catch (IOException ex)
        {
            // The I/O message names the full path on the server; users get the file name, logs get the rest.
            throw new TrackerFileException($"'{name}' could not be read: it may be open in another program, or was removed while being read.", ex);
        }
    }

    private static string FormatMegabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB";

    private enum FileKind
    {
        Workbook,
        Csv,
        TabText,
    }
}
