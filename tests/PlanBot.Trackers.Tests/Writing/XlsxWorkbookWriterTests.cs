using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanBot.Trackers.Reading;
using PlanBot.Trackers.Tests.Reading;
using PlanBot.Trackers.Writing;

namespace PlanBot.Trackers.Tests.Writing;

public sealed class XlsxWorkbookWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(params XlsxSheet[] sheets)
    {
        var path = _folder.File("export.xlsx");
        XlsxWorkbookWriter.Write(path, sheets);
        return path;
    }

    private static string[] Texts(TrackerRow row) => row.Cells.Select(c => c.Text).ToArray();

    [Fact]
    public void Typed_values_round_trip_through_the_reader()
    {
        var path = Write(new XlsxSheet("Plan",
        [
            XlsxRow.Header("No.", "Milestone", "Due", "Cost", "Critical", "Share", "Owner"),
            XlsxRow.Body(1, "Agree plan", new DateOnly(2019, 6, 28), 1250.75m, true, 0.25, null),
            XlsxRow.Body(2L, "  spaced  out  ", new DateOnly(1900, 1, 1), -3.5f, false, 1e20, "Amy Lee"),
        ]));

        var rows = TrackerFileReader.Read(path).Sheets[0].Rows;

        Assert.Equal(["No.", "Milestone", "Due", "Cost", "Critical", "Share", "Owner"], Texts(rows[0]));
        Assert.Equal(["1", "Agree plan", "28-Jun-19", "1250.75", "TRUE", "0.25"], Texts(rows[1]));
        Assert.Equal(["2", "  spaced  out  ", "1900-01-01", "-3.5", "FALSE", "100000000000000000000", "Amy Lee"], Texts(rows[2]));
        Assert.All(rows.SelectMany(r => r.Cells), c => Assert.Null(c.Formula));
    }

    [Theory]
    [InlineData("=SUM(A1:A3)")]
    [InlineData("+44 1234 567890")]
    [InlineData("-5 days")]
    [InlineData("@Amy Lee")]
    [InlineData("=HYPERLINK(\"http://example.com\",\"click\")")]
    public void Text_that_looks_like_a_formula_stays_text(string text)
    {
        var path = Write(new XlsxSheet("Plan", [XlsxRow.Body(text)]));

        var cell = TrackerFileReader.Read(path).Sheets[0].Rows[0][0];

        Assert.Null(cell.Formula);
        Assert.Equal(text, cell.Text);
        using var document = SpreadsheetDocument.Open(path, false);
        Assert.Empty(document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
    }

    [Fact]
    public void Text_with_line_breaks_control_characters_and_escape_lookalikes_round_trips()
    {
        string[] texts = ["Line one\r\nLine two", "bell\u0007here", "literal _x0041_ stays", "tab\tinside", "emoji 🙂 and £"];
        var path = Write(new XlsxSheet("Plan", [XlsxRow.Body([.. texts])]));

        Assert.Equal(texts, Texts(TrackerFileReader.Read(path).Sheets[0].Rows[0]));
    }

    [Fact]
    public void Several_sheets_keep_their_order_names_and_row_numbers()
    {
        var path = Write(
            new XlsxSheet("Milestones", [XlsxRow.Title("ODKM 2019/20"), XlsxRow.Blank, XlsxRow.Header("No.", "Milestone")]),
            new XlsxSheet("Exceptions", [XlsxRow.Body("22", "End of Life")]),
            new XlsxSheet("Notes", [XlsxRow.Blank, XlsxRow.Body(null, null, "C2")]));

        var workbook = TrackerFileReader.Read(path);

        Assert.Equal(["Milestones", "Exceptions", "Notes"], workbook.Sheets.Select(s => s.Name));
        Assert.Equal([1, 3], workbook.Sheets[0].Rows.Select(r => r.Number));
        Assert.Equal(2, workbook.Sheets[2].Rows.Single().Number);
        Assert.Equal(["", "", "C2"], Texts(workbook.Sheets[2].Rows.Single()));
    }

    [Fact]
    public void Sheet_names_are_made_valid_for_excel()
    {
        var path = Write(
            new XlsxSheet("Q1/Q2: [draft]?", [XlsxRow.Body("a")]),
            new XlsxSheet("Operational Delivery Key Milestones 2019-20", [XlsxRow.Body("b")]),
            new XlsxSheet("Operational Delivery Key Milestones 2019-20", [XlsxRow.Body("c")]),
            new XlsxSheet("plan", [XlsxRow.Body("d")]),
            new XlsxSheet("Plan", [XlsxRow.Body("e")]),
            new XlsxSheet("  ", [XlsxRow.Body("f")]),
            new XlsxSheet("'History'", [XlsxRow.Body("g")]));

        var names = TrackerFileReader.Read(path).Sheets.Select(s => s.Name!).ToList();

        Assert.Equal(
            ["Q1_Q2_ _draft__", "Operational Delivery Key Milest", "Operational Delivery Key Mi (2)", "plan", "Plan (2)", "Sheet6", "History (1)"],
            names);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
    }

    [Fact]
    public void Headers_are_bold_dates_use_the_date_format_and_body_text_wraps()
    {
        var path = Write(new XlsxSheet("Plan", [XlsxRow.Header("Due"), XlsxRow.Body(new DateOnly(2019, 4, 1)), XlsxRow.Body("Long progress note")])
        {
            FrozenRows = 1,
            ColumnWidths = [12, 60],
        });

        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart!;
        var stylesheet = workbookPart.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = stylesheet.Fonts!.Elements<Font>().ToList();
        var worksheet = workbookPart.WorksheetParts.Single().Worksheet;
        CellFormat FormatOf(string reference) =>
            formats[(int)worksheet.Descendants<Cell>().Single(c => c.CellReference == reference).StyleIndex!.Value];

        Assert.NotNull(fonts[(int)FormatOf("A1").FontId!.Value].Bold);
        var dateFormat = FormatOf("A2");
        Assert.Equal(XlsxWorkbookWriter.DateFormat, stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == dateFormat.NumberFormatId!).FormatCode!.Value);
        Assert.True(FormatOf("A3").Alignment!.WrapText!.Value);
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal((1.0, PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.State!.Value));
        Assert.Equal([12.0, 60.0], worksheet.Descendants<Column>().Select(c => c.Width!.Value));
    }

    [Fact]
    public void Ten_thousand_rows_stream_into_a_workbook_that_reads_back_whole()
    {
        static IEnumerable<XlsxRow> Rows()
        {
            yield return XlsxRow.Header([.. Enumerable.Range(1, 15).Select(i => (object?)$"Column {i}")]);
            for (var r = 1; r <= 10_000; r++)
                yield return XlsxRow.Body([r, $"Milestone {r}", new DateOnly(2019, 4, 1).AddDays(r % 365), "On track", r * 0.5, .. Enumerable.Range(6, 10).Select(c => (object?)$"r{r}c{c}")]);
        }

        var path = Write(new XlsxSheet("Milestones", Rows()));

        var rows = TrackerFileReader.Read(path).Sheets[0].Rows;
        Assert.Equal(10_001, rows.Count);
        Assert.Equal(["10000", "Milestone 10000", "24-Aug-19", "On track", "5000"], Texts(rows[^1]).Take(5));
        Assert.Equal("r10000c15", rows[^1][14].Text);
    }

    [Fact]
    public void A_value_that_is_not_a_cell_value_is_refused_naming_the_cell()
    {
        var path = _folder.File("bad.xlsx");

        var error = Assert.Throws<ArgumentException>(() =>
            XlsxWorkbookWriter.Write(path, [new XlsxSheet("Plan", [XlsxRow.Body("ok", DateTime.Now)])]));

        Assert.Contains("sheet 'Plan' cell B1", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Text_longer_than_an_excel_cell_holds_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Write(new XlsxSheet("Plan", [XlsxRow.Body(new string('x', 32_768))])));

        Assert.Contains("32,767", error.Message);
    }

    [Fact]
    public void A_workbook_needs_a_sheet()
    {
        Assert.Throws<ArgumentException>(() => XlsxWorkbookWriter.Write(new MemoryStream(), []));
    }
}
