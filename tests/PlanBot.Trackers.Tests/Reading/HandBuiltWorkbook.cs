using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanBot.Trackers.Tests.Reading;

/// <summary>
/// Builds .xlsx files with the Open XML SDK's DOM, cell by cell, so the reader is tested against markup written
/// independently of PlanBot's own writer: shared and inline strings, styles, formulas, gaps.
/// </summary>
internal sealed class HandBuiltWorkbook
{
    private readonly List<(string Name, SheetData Data)> _sheets = [];
    private readonly List<SharedStringItem> _sharedStrings = [];
    private readonly List<(uint Id, string Code)> _customFormats = [];
    private readonly List<(uint NumberFormatId, uint FillId)> _cellFormats = [(0, 0)];
    private readonly List<Fill> _fills = [new(new PatternFill { PatternType = PatternValues.None }), new(new PatternFill { PatternType = PatternValues.Gray125 })];

    public bool Date1904 { get; init; }

    /// <summary>The workbook's theme part (xl/theme/theme1.xml), written as given; none when null.</summary>
    public string? ThemeXml { get; init; }

    /// <summary>A palette of its own for indexed colours (styles.xml &lt;colors&gt;), six hex digits each; none when empty.</summary>
    public IReadOnlyList<string> Palette { get; init; } = [];

    /// <summary>Sheets are listed in the workbook in the order given, though their parts are created in reverse.</summary>
    public HandBuiltWorkbook Sheet(string name, params Row[] rows)
    {
        _sheets.Add((name, new SheetData(rows)));
        return this;
    }

    public int SharedString(params OpenXmlElement[] content)
    {
        _sharedStrings.Add(new SharedStringItem(content));
        return _sharedStrings.Count - 1;
    }

    public int SharedString(string text) => SharedString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>A cell format (the s index) with a built-in number format id.</summary>
    public uint Style(uint numberFormatId)
    {
        _cellFormats.Add((numberFormatId, 0));
        return (uint)_cellFormats.Count - 1;
    }

    /// <summary>A cell format (the s index) filled solid with <paramref name="foreground"/>, as Excel writes a coloured cell.</summary>
    public uint Filled(ForegroundColor foreground)
    {
        _fills.Add(new Fill(new PatternFill(foreground, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        _cellFormats.Add((0, (uint)_fills.Count - 1));
        return (uint)_cellFormats.Count - 1;
    }

    /// <summary>A cell format (the s index) with a custom number format code.</summary>
    public uint Style(string formatCode)
    {
        var id = 164 + (uint)_customFormats.Count;
        _customFormats.Add((id, formatCode));
        return Style(id);
    }

    public void Save(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();

        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = new Stylesheet(
            new NumberingFormats(_customFormats.Select(f => new NumberingFormat { NumberFormatId = f.Id, FormatCode = f.Code })),
            new Fonts(new Font()),
            new Fills(_fills.Select(f => (Fill)f.CloneNode(true))),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat { NumberFormatId = 22 }), // a date format here must not count: only cellXfs do
            new CellFormats(_cellFormats.Select(f => new CellFormat { NumberFormatId = f.NumberFormatId, FillId = f.FillId, ApplyNumberFormat = true })));
        if (Palette.Count > 0)
            stylesPart.Stylesheet.Append(new Colors(new IndexedColors(Palette.Select(rgb => new RgbColor { Rgb = "FF" + rgb }))));
        if (ThemeXml is not null)
        {
            using var stream = workbookPart.AddNewPart<ThemePart>().GetStream(FileMode.Create, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(ThemeXml);
        }

        if (_sharedStrings.Count > 0)
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(_sharedStrings);

        var sheetIds = new string[_sheets.Count];
        for (var i = _sheets.Count - 1; i >= 0; i--)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(_sheets[i].Data);
            sheetIds[i] = workbookPart.GetIdOfPart(part);
        }

        var workbook = new Workbook();
        if (Date1904) workbook.Append(new WorkbookProperties { Date1904 = true });
        workbook.Append(new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = sheetIds[i] })));
        workbookPart.Workbook = workbook;
    }

    public static Row Row(uint number, params Cell[] cells) => new(cells) { RowIndex = number };

    public static Row RowWithoutNumber(params Cell[] cells) => new(cells);

    public static Cell Number(string? reference, string value, uint style = 0) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : style };

    public static Cell Shared(string? reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString()) };

    public static Cell Inline(string? reference, params OpenXmlElement[] content) =>
        new(new InlineString(content)) { CellReference = reference, DataType = CellValues.InlineString };

    public static Cell Typed(string reference, CellValues type, string value) =>
        new() { CellReference = reference, DataType = type, CellValue = new CellValue(value) };

    public static Cell Formula(string reference, CellFormula formula, string? cachedValue, CellValues? type = null) =>
        new(formula) { CellReference = reference, CellValue = cachedValue is null ? null : new CellValue(cachedValue), DataType = type };
}
