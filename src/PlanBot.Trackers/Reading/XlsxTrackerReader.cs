using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanBot.Trackers.Reading;

/// <summary>
/// Reads an .xlsx/.xlsm workbook with the Open XML SDK's forward-only <see cref="OpenXmlReader"/>, so a sheet of
/// tens of thousands of rows is never held as a DOM. Every sheet is read, in workbook order; only cells with a value
/// or a formula are kept, at their real row numbers and column positions.
/// </summary>
internal static class XlsxTrackerReader
{
    /// <summary>A guard against zip bombs: far more than any tracker, far less than would exhaust memory.</summary>
    private const int MaxCells = 2_000_000;

    private const int MaxColumns = 16_384;

    public static TrackerWorkbook Read(string path, string fileName, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var header = new byte[8];
        var headerLength = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (header is [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            throw new TrackerFileException(
                $"'{fileName}' is password-protected (encrypted) or an old .xls workbook: save it as .xlsx without a password.");
        var isZip = headerLength >= 4 && header is [0x50, 0x4B, 0x03, 0x04, ..];

        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception ex) when (IsPackageProblem(ex))
        {
            throw NotAWorkbook(fileName, isZip
                ? "the zip package is damaged or incomplete — it may have been cut short while saving or uploading"
                : "it is not a zip package; is it a CSV or text file renamed to .xlsx?", ex);
        }

        using (document)
        {
            try
            {
                return ReadWorkbook(document, fileName, cancellationToken);
            }
            catch (Exception ex) when (IsPackageProblem(ex))
            {
                throw NotAWorkbook(fileName, Describe(ex), ex);
            }
        }
    }

    private static TrackerWorkbook ReadWorkbook(SpreadsheetDocument document, string fileName, CancellationToken cancellationToken)
    {
        var workbookPart = document.WorkbookPart ?? throw NotAWorkbook(fileName, "it has no workbook part");
        var (sheetEntries, date1904) = ReadSheetList(workbookPart, fileName);
        var context = new SheetContext(
            fileName,
            ReadDateStyles(workbookPart.WorkbookStylesPart),
            ReadSharedStrings(workbookPart.SharedStringTablePart, cancellationToken),
            date1904);

        var sheets = new List<TrackerSheet>(sheetEntries.Count);
        var cellCount = 0;
        foreach (var (name, relationshipId) in sheetEntries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (relationshipId is null || !workbookPart.TryGetPartById(relationshipId, out var part))
                throw NotAWorkbook(fileName, $"sheet '{name}' is listed but its part is missing");
            if (part is not WorksheetPart worksheetPart)
            {
                sheets.Add(new TrackerSheet(name, [])); // a chart sheet or dialog sheet: no cells
                continue;
            }

            try
            {
                sheets.Add(new TrackerSheet(name, ReadSheet(worksheetPart, name, context, ref cellCount, cancellationToken)));
            }
            catch (XmlException ex)
            {
                throw NotAWorkbook(fileName, $"sheet '{name}' is damaged: {ex.Message.TrimEnd('.')}", ex);
            }
        }

        return new TrackerWorkbook(fileName, sheets);
    }

    private static (List<(string Name, string? RelationshipId)> Sheets, bool Date1904) ReadSheetList(WorkbookPart workbookPart, string fileName)
    {
        var sheets = new List<(string, string?)>();
        var date1904 = false;
        using var reader = OpenXmlReader.Create(workbookPart);
        if (!reader.Read() || reader.ElementType != typeof(Workbook))
            throw NotAWorkbook(fileName, "its main part is not a workbook; is it a Word or PowerPoint file renamed?");
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(WorkbookProperties))
            {
                date1904 = ((WorkbookProperties)reader.LoadCurrentElement()!).Date1904?.Value ?? false;
            }
            else if (reader.ElementType == typeof(Sheet))
            {
                var sheet = (Sheet)reader.LoadCurrentElement()!;
                sheets.Add((sheet.Name?.Value ?? $"Sheet{sheets.Count + 1}", sheet.Id?.Value));
            }
        }

        return (sheets, date1904);
    }

    /// <summary>For each cell format (the s attribute of a cell), whether its number format shows a date.</summary>
    private static bool[] ReadDateStyles(WorkbookStylesPart? stylesPart)
    {
        if (stylesPart is null) return [];
        var customFormats = new Dictionary<int, string>();
        var styles = new List<bool>();
        var inCellFormats = false;
        using var reader = OpenXmlReader.Create(stylesPart);
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(CellFormats))
            {
                inCellFormats = reader.IsStartElement;
            }
            else if (reader.IsStartElement && type == typeof(NumberingFormat))
            {
                var id = IntAttribute(reader, "numFmtId");
                var code = Attribute(reader, "formatCode");
                if (id is not null && code is not null) customFormats[id.Value] = code;
            }
            else if (reader.IsStartElement && inCellFormats && type == typeof(CellFormat))
            {
                var id = IntAttribute(reader, "numFmtId") ?? 0;
                styles.Add(customFormats.TryGetValue(id, out var code) ? ExcelValues.IsDateFormatCode(code) : ExcelValues.IsBuiltInDateFormat(id));
            }
        }

        return [.. styles];
    }

    private static string[] ReadSharedStrings(SharedStringTablePart? part, CancellationToken cancellationToken)
    {
        if (part is null) return [];
        var strings = new List<string>();
        var builder = new StringBuilder();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(SharedStringTable))
            {
                var unique = IntAttribute(reader, "uniqueCount");
                if (unique is > 0 and < 1_000_000) strings.Capacity = unique.Value;
            }
            else if (reader.ElementType == typeof(SharedStringItem))
            {
                if ((strings.Count & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
                strings.Add(CleanText(ReadRichText(reader, typeof(SharedStringItem), builder)));
            }
        }

        return [.. strings];
    }

    /// <summary>The text of a string item or inline string: its runs joined, phonetic guides (rPh) left out.</summary>
    private static string ReadRichText(OpenXmlReader reader, Type container, StringBuilder builder)
    {
        builder.Clear();
        var phoneticDepth = 0;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == container && reader.IsEndElement) break;
            if (type == typeof(PhoneticRun)) phoneticDepth += reader.IsStartElement ? 1 : -1;
            else if (type == typeof(Text) && reader.IsStartElement && phoneticDepth == 0) builder.Append(reader.GetText());
        }

        return builder.ToString();
    }

    private static List<TrackerRow> ReadSheet(WorksheetPart part, string sheetName, SheetContext context, ref int cellCount, CancellationToken cancellationToken)
    {
        var rows = new List<TrackerRow>();
        var sharedFormulas = new Dictionary<string, SharedFormula>();
        var builder = new StringBuilder();
        List<TrackerCell>? cells = null;
        var rowNumber = 0;
        var lastColumn = -1;
        var inOrder = true;

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    if ((rows.Count & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
                    var number = IntAttribute(reader, "r") ?? rowNumber + 1;
                    if (number <= rowNumber) inOrder = false;
                    rowNumber = number;
                    cells = [];
                    lastColumn = -1;
                }
                else if (cells is not null)
                {
                    if (cells.Count > 0) rows.Add(new TrackerRow(rowNumber, cells));
                    cells = null;
                }
            }
            else if (type == typeof(Cell) && reader.IsStartElement && cells is not null)
            {
                var (column, cell) = ReadCell(reader, rowNumber, lastColumn, sharedFormulas, context, builder);
                lastColumn = column;
                if (cell is not { } value) continue;
                if (++cellCount > MaxCells)
                    throw new TrackerFileException(
                        $"'{context.FileName}' has more than {MaxCells:N0} filled cells (sheet '{sheetName}', row {rowNumber}); a tracker should be far smaller.");
                Place(cells, column, value);
            }
        }

        if (!inOrder) rows.Sort((a, b) => a.Number.CompareTo(b.Number));
        return rows;
    }

    private static (int Column, TrackerCell? Cell) ReadCell(
        OpenXmlReader reader, int rowNumber, int lastColumn, Dictionary<string, SharedFormula> sharedFormulas, SheetContext context, StringBuilder builder)
    {
        string? reference = null, dataType = null;
        var style = 0;
        foreach (var attribute in reader.Attributes)
        {
            switch (attribute.LocalName)
            {
                case "r": reference = attribute.Value; break;
                case "t": dataType = attribute.Value; break;
                case "s": style = int.TryParse(attribute.Value, out var s) ? s : 0; break;
            }
        }

        var column = reference is null ? -1 : ColumnIndex(reference);
        if (column < 0) column = lastColumn + 1;
        if (column >= MaxColumns)
            throw NotAWorkbook(context.FileName, $"cell {reference ?? "in row " + rowNumber} is beyond the last column (XFD)");

        string? value = null, formula = null, formulaType = null, sharedIndex = null, inline = null;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Cell) && reader.IsEndElement) break;
            if (!reader.IsStartElement) continue;
            if (type == typeof(CellValue))
            {
                value = reader.GetText();
            }
            else if (type == typeof(CellFormula))
            {
                formulaType = Attribute(reader, "t");
                sharedIndex = Attribute(reader, "si");
                formula = reader.GetText();
            }
            else if (type == typeof(InlineString))
            {
                inline = ReadRichText(reader, typeof(InlineString), builder);
            }
        }

        if (formulaType == "shared" && sharedIndex is not null)
        {
            if (!string.IsNullOrEmpty(formula)) sharedFormulas[sharedIndex] = new SharedFormula(formula, rowNumber, column);
            else if (sharedFormulas.TryGetValue(sharedIndex, out var master))
                formula = FormulaReferences.Shift(master.Text, rowNumber - master.Row, column - master.Column);
        }

        var text = dataType switch
        {
            "s" => SharedString(value, context, rowNumber, column),
            "inlineStr" => CleanText(inline ?? value ?? string.Empty),
            "str" => CleanText(value ?? string.Empty),
            "b" => value switch { "1" => "TRUE", "0" => "FALSE", _ => value ?? string.Empty },
            "e" => value ?? string.Empty,
            "d" => IsoDate(value),
            _ => Number(value, style, context),
        };

        if (formula is not null) return (column, new TrackerCell(text, formula));
        return (column, text.Length == 0 ? null : new TrackerCell(text));
    }

    private static string SharedString(string? value, SheetContext context, int rowNumber, int column)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (int.TryParse(value, out var index) && index >= 0 && index < context.SharedStrings.Length) return context.SharedStrings[index];
        throw NotAWorkbook(context.FileName,
            $"cell {SourceColumn(column)}{rowNumber} refers to shared string {value}, which the workbook does not have");
    }

    private static string Number(string? value, int style, SheetContext context)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (style >= 0 && style < context.DateStyles.Length && context.DateStyles[style])
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
                && ExcelValues.SerialToIso(serial, context.Date1904) is { } iso)
                return iso;
        }

        return ExcelValues.NumberText(value);
    }

    private static string IsoDate(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date))
            return value;
        return date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static string CleanText(string text) => ExcelValues.UnescapeText(text).TrimEnd('\r');

    private static void Place(List<TrackerCell> cells, int column, TrackerCell cell)
    {
        if (column < cells.Count)
        {
            cells[column] = cell;
            return;
        }

        while (cells.Count < column) cells.Add(TrackerCell.Empty);
        cells.Add(cell);
    }

    /// <summary>The 0-based column of a reference such as "C7" (or "$C$7"); -1 when it is not one.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c == '$') continue;
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z') break;
            column = column * 26 + (upper - 'A' + 1);
            if (++letters > 3) break;
        }

        return letters is 0 or > 3 ? -1 : column - 1;
    }

    private static string SourceColumn(int column) => Core.Plans.SourceLocation.ColumnLetter(column + 1);

    private static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == localName) return attribute.Value;
        }

        return null;
    }

    private static int? IntAttribute(OpenXmlReader reader, string localName) =>
        int.TryParse(Attribute(reader, localName), out var value) ? value : null;

    private static bool IsPackageProblem(Exception ex) => ex is OpenXmlPackageException or InvalidDataException or FileFormatException
        or XmlException or IOException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException
        or KeyNotFoundException;

    private static string Describe(Exception ex)
    {
        var message = (ex.InnerException?.Message ?? ex.Message).TrimEnd('.');
        return ex is XmlException ? $"a part's XML is damaged: {message}" : message;
    }

    private static TrackerFileException NotAWorkbook(string fileName, string reason, Exception? cause = null) =>
        cause is null
            ? new($"'{fileName}' is not a valid .xlsx workbook ({reason}).")
            : new($"'{fileName}' is not a valid .xlsx workbook ({reason}).", cause);

    private sealed record SheetContext(string FileName, bool[] DateStyles, string[] SharedStrings, bool Date1904);

    private readonly record struct SharedFormula(string Text, int Row, int Column);
}
