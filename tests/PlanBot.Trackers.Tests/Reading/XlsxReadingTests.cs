using DocumentFormat.OpenXml.Spreadsheet;
using PlanBot.Trackers.Reading;
using static PlanBot.Trackers.Tests.Reading.HandBuiltWorkbook;

namespace PlanBot.Trackers.Tests.Reading;

public sealed class XlsxReadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private TrackerSheet ReadSingleSheet(HandBuiltWorkbook workbook)
    {
        var path = _folder.File("plan.xlsx");
        workbook.Save(path);
        var read = TrackerFileReader.Read(path);
        Assert.Equal("plan.xlsx", read.FileName);
        return Assert.Single(read.Sheets);
    }

    private static TrackerCell CellAt(TrackerSheet sheet, int row, int column) => sheet.Rows.Single(r => r.Number == row)[column];

    [Fact]
    public void Shared_strings_join_rich_text_runs_and_leave_out_phonetic_guides()
    {
        var workbook = new HandBuiltWorkbook();
        var plain = workbook.SharedString("Milestone");
        var rich = workbook.SharedString(
            new Run(new RunProperties(new Bold()), new Text("Delayed")),
            new Run(new Text(" - see exceptions") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            new PhoneticRun(new Text("ignored")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 });
        workbook.Sheet("Plan", Row(1, Shared("A1", plain), Shared("B1", rich)));

        var sheet = ReadSingleSheet(workbook);

        Assert.Equal("Milestone", CellAt(sheet, 1, 0).Text);
        Assert.Equal("Delayed - see exceptions", CellAt(sheet, 1, 1).Text);
    }

    [Fact]
    public void Inline_strings_are_read_with_their_runs_joined()
    {
        var workbook = new HandBuiltWorkbook().Sheet("Plan", Row(2,
            Inline("A2", new Text("Not started")),
            Inline("B2", new Run(new Text("On ")), new Run(new Text("Track")))));

        var sheet = ReadSingleSheet(workbook);

        Assert.Equal(["Not started", "On Track"], sheet.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(2, sheet.Rows[0].Number);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("2.5", "2.5")]
    [InlineData("-17", "-17")]
    [InlineData("1E+20", "100000000000000000000")]
    [InlineData("123456789012", "123456789012")]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("3.0000000000000000", "3")]
    [InlineData("1.5E-3", "0.0015")]
    public void Numbers_read_in_invariant_culture_without_exponent_noise(string stored, string expected)
    {
        var sheet = ReadSingleSheet(new HandBuiltWorkbook().Sheet("Plan", Row(1, Number("A1", stored))));

        Assert.Equal(expected, CellAt(sheet, 1, 0).Text);
    }

    [Fact]
    public void Booleans_and_errors_read_as_Excel_shows_them()
    {
        var sheet = ReadSingleSheet(new HandBuiltWorkbook().Sheet("Plan", Row(1,
            Typed("A1", CellValues.Boolean, "1"),
            Typed("B1", CellValues.Boolean, "0"),
            Typed("C1", CellValues.Error, "#N/A"))));

        Assert.Equal(["TRUE", "FALSE", "#N/A"], sheet.Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Numbers_in_date_formats_read_as_their_format_shows_them_or_as_iso_dates_when_the_format_is_the_readers_own()
    {
        var workbook = new HandBuiltWorkbook();
        var shortDate = workbook.Style(14);       // m/d/yyyy
        var dateTime = workbook.Style(22);        // m/d/yyyy h:mm
        var trackerStyle = workbook.Style("dd-mmm-yy");
        var longStyle = workbook.Style("[$-F800]dddd, mmmm dd, yyyy");
        var quotedLetters = workbook.Style("0 \"days\"");
        var colouredNumber = workbook.Style("[Red]0.00;[Blue]-0.00");
        workbook.Sheet("Plan", Row(1,
            Number("A1", "43556", shortDate),
            Number("B1", "43556.5625", dateTime),
            Number("C1", "43644", trackerStyle),
            Number("D1", "43830", longStyle),
            Number("E1", "45", quotedLetters),
            Number("F1", "2.5", colouredNumber),
            Number("G1", "43556")));

        var sheet = ReadSingleSheet(workbook);

        Assert.Equal(
            ["2019-04-01", "2019-04-01T13:30:00", "28-Jun-19", "2019-12-31", "45", "2.5", "43556"],
            sheet.Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Dates_in_a_1904_workbook_count_from_1904()
    {
        var workbook = new HandBuiltWorkbook { Date1904 = true };
        var style = workbook.Style(14);
        workbook.Sheet("Plan", Row(1, Number("A1", "42094", style)));

        Assert.Equal("2019-04-01", CellAt(ReadSingleSheet(workbook), 1, 0).Text);
    }

    [Fact]
    public void A_formula_cell_keeps_its_formula_and_its_cached_value()
    {
        var workbook = new HandBuiltWorkbook();
        var date = workbook.Style(15);
        workbook.Sheet("Plan",
            Row(1, Number("A1", "1"), Number("B1", "2"),
                Formula("C1", new CellFormula("SUM(A1:B1)"), "3"),
                Formula("D1", new CellFormula("IF(C1>2,\"Late\",\"OK\")"), "Late", CellValues.String),
                Formula("E1", new CellFormula("DATE(2019,4,1)"), "43556"),
                Formula("F1", new CellFormula("NOW()"), null)),
            Row(2, Formula("A2", new CellFormula("A1+1"), "43557")));
        var datedFormula = Formula("A1", new CellFormula("Plan!A2"), "43557");
        datedFormula.StyleIndex = date;
        workbook.Sheet("Dated", Row(1, datedFormula));
        var path = _folder.File("formulas.xlsx");
        workbook.Save(path);

        var read = TrackerFileReader.Read(path);

        var row = read.Sheets[0].Rows[0];
        Assert.Equal(new TrackerCell("3", "SUM(A1:B1)"), row[2]);
        Assert.Equal(new TrackerCell("Late", "IF(C1>2,\"Late\",\"OK\")"), row[3]);
        Assert.Equal(new TrackerCell("43556", "DATE(2019,4,1)"), row[4]);
        Assert.Equal(new TrackerCell(string.Empty, "NOW()"), row[5]);
        Assert.Null(row[0].Formula);
        Assert.Equal(new TrackerCell("2-Apr-19", "Plan!A2"), read.Sheets[1].Rows[0][0]);
    }

    [Fact]
    public void Cells_sharing_a_formula_get_it_with_their_references_moved()
    {
        var sheet = ReadSingleSheet(new HandBuiltWorkbook().Sheet("Plan",
            Row(2, Number("A2", "5"), Formula("B2", new CellFormula("A2*2+$A$1+'Q1 plan'!C2") { FormulaType = CellFormulaValues.Shared, SharedIndex = 0, Reference = "B2:C3" }, "10")),
            Row(3, Number("A3", "6"), Formula("B3", new CellFormula { FormulaType = CellFormulaValues.Shared, SharedIndex = 0 }, "12"),
                Formula("C3", new CellFormula { FormulaType = CellFormulaValues.Shared, SharedIndex = 0 }, "0"))));

        Assert.Equal("A3*2+$A$1+'Q1 plan'!C3", CellAt(sheet, 3, 1).Formula);
        Assert.Equal("12", CellAt(sheet, 3, 1).Text);
        Assert.Equal("B3*2+$A$1+'Q1 plan'!D3", CellAt(sheet, 3, 2).Formula);
    }

    [Fact]
    public void Sheets_are_read_in_workbook_order_with_their_names()
    {
        var path = _folder.File("order.xlsx");
        new HandBuiltWorkbook()
            .Sheet("Milestones", Row(1, Inline("A1", new Text("m"))))
            .Sheet("Exceptions", Row(1, Inline("A1", new Text("e"))))
            .Sheet("Empty")
            .Sheet("Notes", Row(1, Inline("A1", new Text("n"))))
            .Save(path);

        var read = TrackerFileReader.Read(path);

        Assert.Equal(["Milestones", "Exceptions", "Empty", "Notes"], read.Sheets.Select(s => s.Name));
        Assert.Equal(["m", "e", "n"], read.Sheets.Where(s => s.Rows.Count > 0).Select(s => s.Rows[0][0].Text));
        Assert.Empty(read.Sheets[2].Rows);
    }

    [Fact]
    public void Gaps_between_rows_and_columns_keep_real_row_numbers_and_column_positions()
    {
        var sheet = ReadSingleSheet(new HandBuiltWorkbook().Sheet("Plan",
            Row(1, Number("A1", "1"), Number("D1", "4")),
            Row(3, new Cell { CellReference = "B3", StyleIndex = null }), // a styled, empty cell: no value, no row
            Row(7, Number("C7", "37"), Number(null, "38")),                  // a cell without r follows the one before it
            RowWithoutNumber(Number("B8", "82")),                            // a row without r follows the one before it
            Row(12, Number(null, "121"), Number("AB12", "28"))));

        Assert.Equal([1, 7, 8, 12], sheet.Rows.Select(r => r.Number));
        Assert.Equal(["1", "", "", "4"], sheet.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["", "", "37", "38"], sheet.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal("82", sheet.Rows[2][1].Text);
        Assert.Equal("121", sheet.Rows[3][0].Text);
        Assert.Equal("28", sheet.Rows[3][27].Text);
        Assert.Equal(28, sheet.Rows[3].Cells.Count);
    }

    [Fact]
    public void Cell_text_keeps_inner_whitespace_decodes_escapes_and_loses_only_a_trailing_carriage_return()
    {
        var workbook = new HandBuiltWorkbook();
        var spaced = workbook.SharedString("  Louis Kamfer /  Jane Webster ");
        var escaped = workbook.SharedString("Line one_x000D_\nLine two_x000D_");
        workbook.Sheet("Plan", Row(1, Shared("A1", spaced), Shared("B1", escaped), Inline("C1", new Text("tab\there"))));

        var row = ReadSingleSheet(workbook).Rows[0];

        Assert.Equal("  Louis Kamfer /  Jane Webster ", row[0].Text);
        Assert.Equal("Line one\r\nLine two", row[1].Text);
        Assert.Equal("tab\there", row[2].Text);
    }

    [Fact]
    public void A_macro_enabled_workbook_is_read_like_any_other()
    {
        var path = _folder.File("plan.xlsm");
        new HandBuiltWorkbook().Sheet("Plan", Row(1, Inline("A1", new Text("No.")))).Save(path);

        Assert.Equal("No.", TrackerFileReader.Read(path).Sheets[0].Rows[0][0].Text);
    }
}
