using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PlanBot.Trackers.Reading;

/// <summary>
/// Reads an .xlsx/.xlsm workbook: the Open XML SDK opens the package and finds its parts, and each part's XML is read
/// forward-only with <see cref="XmlReader"/> (<see cref="SpreadsheetXml"/>), so a sheet of tens of thousands of rows is
/// never held as a DOM and a fresh process does not pay for warming up the SDK's typed reader. Every sheet is read, in
/// workbook order; only cells with a value or a formula are kept, at their real row numbers and column positions.
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
            ReadCellStyles(workbookPart.WorkbookStylesPart, workbookPart.ThemePart),
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
        using var reader = SpreadsheetXml.Open(workbookPart);
        if (!SpreadsheetXml.Is(reader, "workbook"))
            throw NotAWorkbook(fileName, "its main part is not a workbook; is it a Word or PowerPoint file renamed?");
        if (!SpreadsheetXml.HasContent(reader)) return (sheets, date1904);
        while (SpreadsheetXml.NextChild(reader, 0))
        {
            if (SpreadsheetXml.Is(reader, "workbookPr"))
            {
                date1904 = reader.GetAttribute("date1904") is { } value && ParseBoolean(value); // the last workbookPr counts
            }
            else if (SpreadsheetXml.Is(reader, "sheets") && SpreadsheetXml.HasContent(reader))
            {
                var sheetsDepth = reader.Depth;
                while (SpreadsheetXml.NextChild(reader, sheetsDepth))
                {
                    if (SpreadsheetXml.Is(reader, "sheet"))
                        sheets.Add((reader.GetAttribute("name") ?? $"Sheet{sheets.Count + 1}", SpreadsheetXml.RelationshipId(reader)));
                    SpreadsheetXml.Skip(reader);
                }

                continue;
            }

            SpreadsheetXml.Skip(reader);
        }

        return (sheets, date1904);
    }

    /// <summary>
    /// For each cell format (the s attribute of a cell): whether its number format shows a date and how, the RAG colour
    /// of its fill, and its indent.
    /// </summary>
    private static CellStyle[] ReadCellStyles(WorkbookStylesPart? stylesPart, ThemePart? themePart)
    {
        if (stylesPart is null) return [];
        var customFormats = new Dictionary<int, string>();
        var fills = new List<FillColour?>();
        var palette = new List<string>();
        var styles = new List<(CellStyle Style, int FillId)>();
        using var reader = SpreadsheetXml.Open(stylesPart);
        if (!SpreadsheetXml.Is(reader, "styleSheet") || !SpreadsheetXml.HasContent(reader))
        {
            SpreadsheetXml.Skip(reader);
            return [];
        }

        while (SpreadsheetXml.NextChild(reader, 0))
        {
            if (!SpreadsheetXml.HasContent(reader)) continue;
            var depth = reader.Depth;
            if (SpreadsheetXml.Is(reader, "numFmts"))
            {
                while (SpreadsheetXml.NextChild(reader, depth)) ReadNumberFormat(reader, customFormats);
            }
            else if (SpreadsheetXml.Is(reader, "fills"))
            {
                while (SpreadsheetXml.NextChild(reader, depth))
                {
                    if (SpreadsheetXml.Is(reader, "fill")) fills.Add(ReadFillColour(reader));
                    else SpreadsheetXml.Skip(reader);
                }
            }
            else if (SpreadsheetXml.Is(reader, "colors"))
            {
                ReadPalette(reader, palette);
            }
            else if (SpreadsheetXml.Is(reader, "dxfs"))
            {
                // A differential format's numFmt is a number format too, as the SDK's reader saw it.
                while (SpreadsheetXml.NextChild(reader, depth))
                {
                    if (SpreadsheetXml.Is(reader, "dxf") && SpreadsheetXml.HasContent(reader))
                    {
                        var dxfDepth = reader.Depth;
                        while (SpreadsheetXml.NextChild(reader, dxfDepth)) ReadNumberFormat(reader, customFormats);
                    }
                    else
                    {
                        SpreadsheetXml.Skip(reader);
                    }
                }
            }
            else if (SpreadsheetXml.Is(reader, "cellXfs"))
            {
                while (SpreadsheetXml.NextChild(reader, depth))
                {
                    if (SpreadsheetXml.Is(reader, "xf"))
                    {
                        var id = SpreadsheetXml.IntAttribute(reader, "numFmtId") ?? 0;
                        var fillId = SpreadsheetXml.IntAttribute(reader, "fillId") ?? 0;
                        var code = customFormats.GetValueOrDefault(id);
                        var isDate = code is not null ? ExcelValues.IsDateFormatCode(code) : ExcelValues.IsBuiltInDateFormat(id);
                        var display = !isDate ? null : code is not null ? ExcelValues.DateDisplayFormat(code) : id == 15 ? "d-MMM-yy" : null;
                        var indent = ReadIndent(reader);
                        var isPercent = !isDate && (code is not null ? code.Contains('%') : id is 9 or 10);
                        styles.Add((new CellStyle(isDate, display, null, indent, isPercent), fillId));
                        continue;
                    }

                    SpreadsheetXml.Skip(reader);
                }
            }
            else
            {
                SpreadsheetXml.Skip(reader);
            }
        }

        // The palette and theme are known only now: a fill's colour may be an index into either.
        var theme = fills.Any(f => f?.Theme is not null) ? FillColour.ReadTheme(themePart) : [];
        var colours = palette.Count > 0 ? palette : FillColour.DefaultPalette;
        var names = fills.Select(f => f?.Resolve(colours, theme) is { } hex ? ExcelValues.RagColourName(hex) : null).ToList();
        return [.. styles.Select(s => s.FillId >= 0 && s.FillId < names.Count ? s.Style with { Fill = names[s.FillId] } : s.Style)];
    }

    /// <summary>A workbook's own palette for indexed colours (&lt;colors&gt;&lt;indexedColors&gt;), the reader on &lt;colors&gt;.</summary>
    private static void ReadPalette(XmlReader reader, List<string> palette)
    {
        var depth = reader.Depth;
        while (SpreadsheetXml.NextChild(reader, depth))
        {
            if (!SpreadsheetXml.Is(reader, "indexedColors") || !SpreadsheetXml.HasContent(reader))
            {
                SpreadsheetXml.Skip(reader);
                continue;
            }
            var listDepth = reader.Depth;
            while (SpreadsheetXml.NextChild(reader, listDepth))
            {
                if (SpreadsheetXml.Is(reader, "rgbColor") && SpreadsheetXml.Attribute(reader, "rgb") is { Length: 6 or 8 } rgb) palette.Add(rgb[^6..]);
                SpreadsheetXml.Skip(reader);
            }
        }
    }

    /// <summary>The colour a fill shows (its pattern's foreground colour), the reader on the fill's start tag.</summary>
    private static FillColour? ReadFillColour(XmlReader reader)
    {
        FillColour? colour = null;
        if (!SpreadsheetXml.HasContent(reader)) return null;
        var depth = reader.Depth;
        while (SpreadsheetXml.NextChild(reader, depth))
        {
            if (SpreadsheetXml.Is(reader, "patternFill") && SpreadsheetXml.HasContent(reader))
            {
                var patternDepth = reader.Depth;
                while (SpreadsheetXml.NextChild(reader, patternDepth))
                {
                    if (SpreadsheetXml.Is(reader, "fgColor")) colour ??= FillColour.Read(reader);
                    SpreadsheetXml.Skip(reader);
                }
            }
            else
            {
                SpreadsheetXml.Skip(reader);
            }
        }

        return colour;
    }

    /// <summary>The indent of an xf's alignment, the reader on the xf's start tag; stops on its end tag.</summary>
    private static int ReadIndent(XmlReader reader)
    {
        var indent = 0;
        if (!SpreadsheetXml.HasContent(reader)) return 0;
        var depth = reader.Depth;
        while (SpreadsheetXml.NextChild(reader, depth))
        {
            if (SpreadsheetXml.Is(reader, "alignment")) indent = SpreadsheetXml.IntAttribute(reader, "indent") ?? 0;
            SpreadsheetXml.Skip(reader);
        }

        return indent;
    }

    /// <summary>
    /// An xsd:boolean as the SDK's BooleanValue read it: true, false, 1 or 0, surrounding whitespace allowed. An empty
    /// value failed with Nullable's message, kept so the refusal reads as before.
    /// </summary>
    private static bool ParseBoolean(string value) =>
        value.Length == 0 ? throw new InvalidOperationException("Nullable object must have a value.") : XmlConvert.ToBoolean(value);

    private static void ReadNumberFormat(XmlReader reader, Dictionary<int, string> customFormats)
    {
        if (SpreadsheetXml.Is(reader, "numFmt"))
        {
            var id = SpreadsheetXml.IntAttribute(reader, "numFmtId");
            var code = SpreadsheetXml.Attribute(reader, "formatCode");
            if (id is not null && code is not null) customFormats[id.Value] = code;
        }

        SpreadsheetXml.Skip(reader);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string[] ReadSharedStrings(SharedStringTablePart? part, CancellationToken cancellationToken)
    {
        if (part is null) return [];
        var strings = new List<string>();
        var builder = new StringBuilder();
        using var reader = SpreadsheetXml.Open(part);
        if (!SpreadsheetXml.Is(reader, "sst"))
        {
            SpreadsheetXml.Skip(reader);
            return [];
        }

        var unique = SpreadsheetXml.IntAttribute(reader, "uniqueCount");
        if (unique is > 0 and < 1_000_000) strings.Capacity = unique.Value;
        if (!SpreadsheetXml.HasContent(reader)) return [];
        while (SpreadsheetXml.NextChild(reader, 0))
        {
            if (SpreadsheetXml.Is(reader, "si"))
            {
                if ((strings.Count & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
                strings.Add(CleanText(ReadRichText(reader, builder)));
            }
            else
            {
                SpreadsheetXml.Skip(reader);
            }
        }

        return [.. strings];
    }

    /// <summary>
    /// The text of a string item (si) or inline string (is), the reader on its start tag: its t and its runs' t
    /// joined, phonetic guides (rPh) left out. Stops on the element's end tag.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string ReadRichText(XmlReader reader, StringBuilder builder)
    {
        if (!SpreadsheetXml.HasContent(reader)) return string.Empty;
        builder.Clear();
        string? single = null;
        var pieces = 0;
        var depth = reader.Depth;
        while (SpreadsheetXml.NextChild(reader, depth))
        {
            if (SpreadsheetXml.Is(reader, "t"))
            {
                Add(SpreadsheetXml.ReadLeafText(reader));
            }
            else if (SpreadsheetXml.Is(reader, "r") && SpreadsheetXml.HasContent(reader))
            {
                var runDepth = reader.Depth;
                while (SpreadsheetXml.NextChild(reader, runDepth))
                {
                    if (SpreadsheetXml.Is(reader, "t")) Add(SpreadsheetXml.ReadLeafText(reader));
                    else SpreadsheetXml.Skip(reader);
                }
            }
            else
            {
                SpreadsheetXml.Skip(reader); // rPh, phoneticPr and anything unknown
            }
        }

        return pieces switch { 0 => string.Empty, 1 => single!, _ => builder.ToString() };

        void Add(string text)
        {
            if (++pieces == 1) single = text;
            else if (pieces == 2) builder.Append(single).Append(text);
            else builder.Append(text);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<TrackerRow> ReadSheet(WorksheetPart part, string sheetName, SheetContext context, ref int cellCount, CancellationToken cancellationToken)
    {
        var rows = new List<TrackerRow>();
        var sharedFormulas = new Dictionary<string, SharedFormula>();
        var builder = new StringBuilder();
        var cells = new RowCells();
        var rowNumber = 0;
        var inOrder = true;

        using var reader = SpreadsheetXml.Open(part);
        if (!SpreadsheetXml.Is(reader, "worksheet") || !SpreadsheetXml.HasContent(reader))
        {
            SpreadsheetXml.Skip(reader);
            return rows;
        }

        while (SpreadsheetXml.NextChild(reader, 0))
        {
            if (!SpreadsheetXml.Is(reader, "sheetData") || !SpreadsheetXml.HasContent(reader))
            {
                SpreadsheetXml.Skip(reader);
                continue;
            }

            var sheetDataDepth = reader.Depth;
            while (SpreadsheetXml.NextChild(reader, sheetDataDepth))
            {
                if (!SpreadsheetXml.Is(reader, "row"))
                {
                    SpreadsheetXml.Skip(reader);
                    continue;
                }

                if ((rows.Count & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
                var number = SpreadsheetXml.IntAttribute(reader, "r") ?? rowNumber + 1;
                var outlineLevel = SpreadsheetXml.IntAttribute(reader, "outlineLevel") ?? 0;
                if (number <= rowNumber) inOrder = false;
                rowNumber = number;
                if (!SpreadsheetXml.HasContent(reader)) continue;

                var lastColumn = -1;
                var rowDepth = reader.Depth;
                while (SpreadsheetXml.NextChild(reader, rowDepth))
                {
                    if (!SpreadsheetXml.Is(reader, "c"))
                    {
                        SpreadsheetXml.Skip(reader);
                        continue;
                    }

                    var (column, cell) = ReadCell(reader, rowNumber, lastColumn, sharedFormulas, context, builder);
                    lastColumn = column;
                    if (cell is not { } value) continue;
                    if (++cellCount > MaxCells)
                        throw new TrackerFileException(
                            $"'{context.FileName}' has more than {MaxCells:N0} filled cells (sheet '{sheetName}', row {rowNumber}); a tracker should be far smaller.");
                    cells.Place(column, value);
                }

                if (cells.Count > 0) rows.Add(new TrackerRow(rowNumber, cells.TakeRow(), outlineLevel));
            }
        }

        if (!inOrder) rows.Sort((a, b) => a.Number.CompareTo(b.Number));
        return rows;
    }

    /// <summary>One cell, the reader on its start tag; stops on its end tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Column, TrackerCell? Cell) ReadCell(
        XmlReader reader, int rowNumber, int lastColumn, Dictionary<string, SharedFormula> sharedFormulas, SheetContext context, StringBuilder builder)
    {
        string? reference = null, dataType = null;
        var style = 0;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                var name = reader.LocalName;
                if (name is not ("r" or "t" or "s") || reader.Prefix == "xmlns") continue; // xmlns:r declares a prefix
                if (name == "r") reference = reader.Value;
                else if (name == "t") dataType = reader.Value;
                else style = int.TryParse(reader.Value, out var s) ? s : 0;
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        var column = reference is null ? -1 : ColumnIndex(reference);
        if (column < 0) column = lastColumn + 1;
        if (column >= MaxColumns)
            throw NotAWorkbook(context.FileName, $"cell {reference ?? "in row " + rowNumber} is beyond the last column (XFD)");

        string? value = null, formula = null, formulaType = null, sharedIndex = null, inline = null;
        if (SpreadsheetXml.HasContent(reader))
        {
            var cellDepth = reader.Depth;
            while (SpreadsheetXml.NextChild(reader, cellDepth))
            {
                if (SpreadsheetXml.Is(reader, "v"))
                {
                    value = SpreadsheetXml.ReadLeafText(reader);
                }
                else if (SpreadsheetXml.Is(reader, "f"))
                {
                    formulaType = SpreadsheetXml.Attribute(reader, "t");
                    sharedIndex = SpreadsheetXml.Attribute(reader, "si");
                    formula = SpreadsheetXml.ReadLeafText(reader);
                }
                else if (SpreadsheetXml.Is(reader, "is"))
                {
                    inline = ReadRichText(reader, builder);
                }
                else
                {
                    SpreadsheetXml.Skip(reader);
                }
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

        var (fill, indent) = style > 0 && style < context.Styles.Length ? (context.Styles[style].Fill, context.Styles[style].Indent) : (null, 0);
        if (formula is not null) return (column, new TrackerCell(text, formula, fill, indent));
        if (text.Length == 0) return (column, fill is null ? null : new TrackerCell(string.Empty, null, fill));
        return (column, new TrackerCell(text, null, fill, indent));
    }

    private static string SharedString(string? value, SheetContext context, int rowNumber, int column)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (int.TryParse(value, out var index) && index >= 0 && index < context.SharedStrings.Length) return context.SharedStrings[index];
        throw NotAWorkbook(context.FileName,
            $"cell {SourceColumn(column)}{rowNumber} refers to shared string {value}, which the workbook does not have");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Number(string? value, int style, SheetContext context)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (style >= 0 && style < context.Styles.Length && context.Styles[style].IsDate)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
                && ExcelValues.SerialToIso(serial, context.Date1904) is { } iso)
            {
                // Shown as the tracker shows it, so the same tracker as XLSX and as text reads the same.
                // A two-digit year outside 1970–2069 would read back as another century: those stay ISO.
                if (context.Styles[style].DisplayFormat is { } format && iso.Length == 10
                    && DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var date
                    && (format.Contains("yyyy", StringComparison.Ordinal) || date.Year is >= 1970 and < 2070))
                    return date.ToString(format, CultureInfo.InvariantCulture);
                return iso;
            }
        }

        if (style >= 0 && style < context.Styles.Length && context.Styles[style].IsPercent
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction))
            return ExcelValues.NumberText(Math.Round(fraction * 100, 6)) + "%";

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

    /// <summary>The 0-based column of a reference such as "C7" (or "$C$7"); -1 when it is not one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>
    /// The cells of the row being read, at their columns with empty cells in the gaps, in a buffer reused from row to
    /// row; <see cref="TakeRow"/> hands them over as a list of exactly that length.
    /// </summary>
    private sealed class RowCells
    {
        private TrackerCell[] _buffer = new TrackerCell[32];

        public int Count { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Place(int column, TrackerCell cell)
        {
            if (column >= Count)
            {
                if (column >= _buffer.Length) Array.Resize(ref _buffer, Math.Max(column + 1, _buffer.Length * 2));
                _buffer.AsSpan(Count, column - Count).Fill(TrackerCell.Empty);
                Count = column + 1;
            }

            _buffer[column] = cell;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public List<TrackerCell> TakeRow()
        {
            List<TrackerCell> row = [.. _buffer.AsSpan(0, Count)];
            Count = 0;
            return row;
        }
    }

    private sealed record SheetContext(string FileName, CellStyle[] Styles, string[] SharedStrings, bool Date1904);

    private readonly record struct CellStyle(bool IsDate, string? DisplayFormat, string? Fill, int Indent, bool IsPercent);

    private readonly record struct SharedFormula(string Text, int Row, int Column);
}
