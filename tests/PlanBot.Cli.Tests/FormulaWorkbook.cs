using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanBot.Cli.Tests;

/// <summary>A small tracker workbook whose due date on row 3 is a formula, as a PMO's sheet might have.</summary>
internal static class FormulaWorkbook
{
    public static void Write(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        sheetPart.Worksheet = new Worksheet(new SheetData(
            Row(1, Text("A1", "No."), Text("B1", "Milestone"), Text("C1", "Due Date")),
            Row(2, Number("A2", "1"), Text("B2", "Agree plan"), Text("C2", "31-Jan-20")),
            Row(3, Number("A3", "2"), Text("B3", "Sign off"), new Cell { CellReference = "C3", CellFormula = new CellFormula("B3+30"), CellValue = new CellValue("43900") })));
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Plan" }));
    }

    private static Row Row(uint index, params Cell[] cells) => new(cells.Cast<OpenXmlElement>()) { RowIndex = index };

    private static Cell Text(string reference, string text) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    private static Cell Number(string reference, string value) => new() { CellReference = reference, CellValue = new CellValue(value) };
}
