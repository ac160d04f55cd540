using DocumentFormat.OpenXml.Spreadsheet;
using PlanBot.Core.Plans;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;
using static PlanBot.Trackers.Tests.Reading.HandBuiltWorkbook;

namespace PlanBot.Trackers.Tests.Reading;

/// <summary>
/// RAG ratings kept as cell colour alone, however styles.xml writes the colour: an ARGB value, an index into the
/// default or the workbook's own palette, or a theme colour with a tint.
/// </summary>
public sealed class FillColourReadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    // An invented theme: accent2 a deep red, accent4 amber, accent6 green, accent1 blue.
    private const string Theme = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Invented">
          <a:themeElements>
            <a:clrScheme name="Invented">
              <a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>
              <a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>
              <a:dk2><a:srgbClr val="44546A"/></a:dk2>
              <a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>
              <a:accent1><a:srgbClr val="2F5597"/></a:accent1>
              <a:accent2><a:srgbClr val="C00000"/></a:accent2>
              <a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>
              <a:accent4><a:srgbClr val="FFC000"/></a:accent4>
              <a:accent5><a:srgbClr val="5B9BD5"/></a:accent5>
              <a:accent6><a:srgbClr val="00B050"/></a:accent6>
              <a:hlink><a:srgbClr val="0563C1"/></a:hlink>
              <a:folHlink><a:srgbClr val="954F72"/></a:folHlink>
            </a:clrScheme>
          </a:themeElements>
        </a:theme>
        """;

    public void Dispose() => _folder.Dispose();

    private TrackerSheet Read(HandBuiltWorkbook workbook)
    {
        var path = _folder.File("rag.xlsx");
        workbook.Save(path);
        return TrackerFileReader.Read(path).Sheets[0];
    }

    [Fact]
    public void Theme_colours_are_read_through_the_workbooks_theme_and_a_pale_tint_is_no_rating()
    {
        var workbook = new HandBuiltWorkbook { ThemeXml = Theme };
        var red = workbook.Filled(new ForegroundColor { Theme = 5 });
        var amber = workbook.Filled(new ForegroundColor { Theme = 7 });
        var green = workbook.Filled(new ForegroundColor { Theme = 9 });
        var darkerGreen = workbook.Filled(new ForegroundColor { Theme = 9, Tint = -0.25 });
        var paleBlue = workbook.Filled(new ForegroundColor { Theme = 4, Tint = 0.8 });
        workbook.Sheet("RAG", Row(1, Blank("A1", red), Blank("B1", amber), Blank("C1", green), Blank("D1", darkerGreen),  Blank("E1", paleBlue), Inline("F1", new Text("end"))));

        Assert.Equal(["Red", "Amber", "Green", "Green", null, null], Read(workbook).Rows[0].Cells.Select(c => c.Fill));
    }

    [Fact]
    public void Indexed_colours_use_the_default_palette_unless_the_workbook_gives_its_own()
    {
        var standard = new HandBuiltWorkbook();
        var red = standard.Filled(new ForegroundColor { Indexed = 10 });
        var orange = standard.Filled(new ForegroundColor { Indexed = 52 });
        var system = standard.Filled(new ForegroundColor { Indexed = 64 });
        standard.Sheet("RAG", Row(1, Blank("A1", red), Blank("B1", orange), Blank("C1", system), Inline("D1", new Text("end"))));
        Assert.Equal(["Red", "Amber", null, null], Read(standard).Rows[0].Cells.Select(c => c.Fill));

        // A palette of its own in which index 2 is green.
        var custom = new HandBuiltWorkbook { Palette = ["000000", "FFFFFF", "00A040"] };
        var green = custom.Filled(new ForegroundColor { Indexed = 2 });
        custom.Sheet("RAG", Row(1, Blank("A1", green)));
        Assert.Equal(["Green"], Read(custom).Rows[0].Cells.Select(c => c.Fill));
    }

    [Fact]
    public void An_import_rates_by_colour_only_cells_with_no_text_and_says_how_many_it_read_so()
    {
        var workbook = new HandBuiltWorkbook { ThemeXml = Theme };
        var red = workbook.Filled(new ForegroundColor { Theme = 5 });
        var green = workbook.Filled(new ForegroundColor { Rgb = "FF00B050" });
        string[] header = ["Ref", "Milestone", "Due", "RAG"];
        workbook.Sheet("Plan",
            Row(1, header.Select((h, i) => Inline($"{(char)('A' + i)}1", new Text(h))).ToArray()),
            Row(2, Inline("A2", new Text("1")), Inline("B2", new Text("Open the ward")), Inline("C2", new Text("31/03/2026")), Blank("D2", red)),
            Row(3, Inline("A3", new Text("2")), Inline("B3", new Text("Hire nurses")), Inline("C3", new Text("30/04/2026")), Blank("D3", green)),
            // Written text wins over the colour it is painted.
            Row(4, Inline("A4", new Text("3")), Inline("B4", new Text("Buy beds")), Inline("C4", new Text("31/05/2026")),
                WithStyle(Inline("D4", new Text("Amber")), red)));
        var path = _folder.File("plan.xlsx");
        workbook.Save(path);

        var result = new TrackerImporter().Import(TrackerFileReader.Read(path), new TrackerImportOptions { PlanId = "rag" });

        Assert.Equal([Rag.Red, Rag.Green, Rag.Amber], result.Plan!.Milestones.Select(m => m.Rag));
        Assert.Equal(2, result.Summary.RatingsFromColour);
    }

    private static Cell Blank(string reference, uint style) => new() { CellReference = reference, StyleIndex = style };

    private static Cell WithStyle(Cell cell, uint style)
    {
        cell.StyleIndex = style;
        return cell;
    }
}
