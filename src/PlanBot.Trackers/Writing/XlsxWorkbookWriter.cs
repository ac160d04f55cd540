using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanBot.Core.Plans;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Writing;

/// <summary>
/// Writes an .xlsx workbook of named sheets with the Open XML SDK's forward-only <see cref="OpenXmlWriter"/>, so
/// rows stream to the package and a sheet of 10,000+ rows is never held as a DOM.
/// </summary>
/// <remarks>
/// Strings are shared strings (de-duplicated, as Excel writes them) and never formulas, so text starting with
/// = + - @ stays text. Dates are real Excel dates shown as dd-mmm-yy (01-Apr-19), the way the trackers write them.
/// Header rows are bold; body text wraps; everything aligns to the top of its cell.
/// </remarks>
public static class XlsxWorkbookWriter
{
    /// <summary>The number format of date cells, custom format 164.</summary>
    public const string DateFormat = "dd-mmm-yy";

    private const int MaxCellText = 32_767;
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // Cell formats (the s attribute), in the order the stylesheet below lists them.
    private const string StyleHeader = "1";
    private const string StyleDate = "2";
    private const string StyleWrappedText = "3";
    private const string StyleTitle = "4";
    private const string StyleTop = "5";

    public static void Write(string path, IEnumerable<XlsxSheet> sheets, CancellationToken cancellationToken = default)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        try
        {
            using (stream) Write(stream, sheets, cancellationToken);
        }
        catch
        {
            File.Delete(path); // no half-written workbook left behind
            throw;
        }
    }

    /// <param name="stream">A writable, seekable stream (a zip package is written with seeks).</param>
    public static void Write(Stream stream, IEnumerable<XlsxSheet> sheets, CancellationToken cancellationToken = default)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = Stylesheet();

        var strings = new SharedStrings();
        var names = new XlsxSheetNames();
        var entries = new List<Sheet>();
        foreach (var sheet in sheets)
        {
            var name = names.Add(sheet.Name);
            var part = workbookPart.AddNewPart<WorksheetPart>($"rIdSheet{entries.Count + 1}");
            WriteSheet(part, sheet, name, strings, cancellationToken);
            entries.Add(new Sheet { Name = name, SheetId = (uint)entries.Count + 1, Id = workbookPart.GetIdOfPart(part) });
        }

        if (entries.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        if (strings.Count > 0) WriteSharedStrings(workbookPart.AddNewPart<SharedStringTablePart>("rIdStrings"), strings);
        workbookPart.Workbook = new Workbook(new Sheets(entries));
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet, string name, SharedStrings strings, CancellationToken cancellationToken)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (sheet.FrozenRows > 0) writer.WriteElement(FrozenPane(sheet.FrozenRows));
        if (sheet.ColumnWidths.Count > 0)
        {
            writer.WriteElement(new Columns(sheet.ColumnWidths.Select((width, i) =>
                new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
        }

        writer.WriteStartElement(new SheetData());
        var rowElement = new Row();
        var cellElement = new Cell();
        var valueElement = new CellValue();
        var columnLetters = new List<string>();
        var rowNumber = 0;
        foreach (var row in sheet.Rows)
        {
            rowNumber++;
            if ((rowNumber & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (row.Values.All(v => v is null)) continue;

            var rowText = rowNumber.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(rowElement, [new OpenXmlAttribute("r", string.Empty, rowText)]);
            for (var column = 0; column < row.Values.Count; column++)
            {
                var value = row.Values[column];
                if (value is null) continue;
                while (columnLetters.Count <= column) columnLetters.Add(SourceLocation.ColumnLetter(columnLetters.Count + 1));
                var reference = columnLetters[column] + rowText;

                var (type, style, text) = Encode(value, row.Kind, strings, name, reference);
                var attributes = new List<OpenXmlAttribute>(3) { new("r", string.Empty, reference) };
                if (style is not null) attributes.Add(new OpenXmlAttribute("s", string.Empty, style));
                if (type is not null) attributes.Add(new OpenXmlAttribute("t", string.Empty, type));
                writer.WriteStartElement(cellElement, attributes);
                writer.WriteStartElement(valueElement);
                writer.WriteString(text);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
    }

    /// <summary>The cell's t attribute, s attribute and the text of its v element.</summary>
    private static (string? Type, string? Style, string Text) Encode(object value, XlsxRowKind kind, SharedStrings strings, string sheetName, string reference)
    {
        string Where() => $"sheet '{sheetName}' cell {reference}";
        var plainStyle = kind switch { XlsxRowKind.Header => StyleHeader, XlsxRowKind.Title => StyleTitle, _ => StyleTop };
        var textStyle = kind switch { XlsxRowKind.Header => StyleHeader, XlsxRowKind.Title => StyleTitle, _ => StyleWrappedText };
        switch (value)
        {
            case string s:
                if (s.Length > MaxCellText)
                    throw new ArgumentException($"Cannot write {Where()}: its text is {s.Length:N0} characters, more than the {MaxCellText:N0} an Excel cell holds.");
                return ("s", textStyle, strings.IndexOf(s).ToString(CultureInfo.InvariantCulture));
            case DateOnly date:
                return ExcelValues.DateToSerial(date) is { } serial
                    ? (null, StyleDate, serial.ToString(CultureInfo.InvariantCulture))
                    : ("s", textStyle, strings.IndexOf(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
            case bool b:
                return ("b", plainStyle, b ? "1" : "0");
            case double d when !double.IsFinite(d):
            case float f when !float.IsFinite(f):
                throw new ArgumentException($"Cannot write {Where()}: {value} is not a number Excel can store.");
            case double or float or decimal or int or long or short or byte or sbyte or uint or ulong or ushort:
                return (null, plainStyle, ((IFormattable)value).ToString(value is double or float ? "R" : null, CultureInfo.InvariantCulture));
            default:
                throw new ArgumentException(
                    $"Cannot write {Where()}: a {value.GetType().Name} is not a cell value (use string, DateOnly, a number, bool or null).");
        }
    }

    private static void WriteSharedStrings(SharedStringTablePart part, SharedStrings strings)
    {
        var preserve = new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve");
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new SharedStringTable(),
        [
            new("count", string.Empty, strings.References.ToString(CultureInfo.InvariantCulture)),
            new("uniqueCount", string.Empty, strings.Count.ToString(CultureInfo.InvariantCulture)),
        ]);
        var item = new SharedStringItem();
        var text = new Text();
        foreach (var s in strings.InOrder)
        {
            var escaped = ExcelValues.EscapeText(s);
            writer.WriteStartElement(item);
            if (NeedsPreserve(escaped)) writer.WriteStartElement(text, [preserve]);
            else writer.WriteStartElement(text);
            writer.WriteString(escaped);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static bool NeedsPreserve(string s) =>
        s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || s.Contains('\n') || s.Contains('\t') || s.Contains("  ", StringComparison.Ordinal));

    private static SheetViews FrozenPane(int rows) => new(new SheetView(
        new Pane
        {
            VerticalSplit = rows,
            TopLeftCell = "A" + (rows + 1).ToString(CultureInfo.InvariantCulture),
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        },
        new Selection { Pane = PaneValues.BottomLeft })
    { WorkbookViewId = 0 });

    private static Stylesheet Stylesheet()
    {
        static Alignment Top(bool wrap) => new() { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null };

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = DateFormat }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
            { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat(Top(wrap: true)) { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(Top(wrap: false)) { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat(Top(wrap: true)) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat(Top(wrap: false)) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
            { Count = 6 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _inOrder = [];

        public int Count => _inOrder.Count;

        public int References { get; private set; }

        public IEnumerable<string> InOrder => _inOrder;

        public int IndexOf(string s)
        {
            References++;
            if (_index.TryGetValue(s, out var index)) return index;
            _index.Add(s, _inOrder.Count);
            _inOrder.Add(s);
            return _inOrder.Count - 1;
        }
    }
}
