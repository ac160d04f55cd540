using System.Text;
using PlanBot.Trackers.Reading;
using PlanBot.Trackers.Tests.Reading;
using PlanBot.Trackers.Writing;

namespace PlanBot.Trackers.Tests.Writing;

public sealed class CsvTableWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string WriteToText(IEnumerable<IReadOnlyList<string?>> rows, bool escapeFormulaText = false)
    {
        using var stream = new MemoryStream();
        CsvTableWriter.Write(stream, rows, escapeFormulaText);
        var bytes = stream.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    [Fact]
    public void Writes_utf8_with_a_bom_crlf_line_ends_and_quotes_only_where_needed()
    {
        var text = WriteToText([["No.", "Milestone", "Cost"], ["1", "Plan, agreed", "£5"], ["2", "Said \"go\"", "two\nlines"], ["3", null, ""]]);

        Assert.Equal("No.,Milestone,Cost\r\n1,\"Plan, agreed\",£5\r\n2,\"Said \"\"go\"\"\",\"two\nlines\"\r\n3,,\r\n", text);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_written_as_given_by_default()
    {
        Assert.Equal("=SUM(A1),-5,@Amy\r\n", WriteToText([["=SUM(A1)", "-5", "@Amy"]]));
    }

    [Fact]
    public void Escaping_formula_text_puts_a_single_quote_before_it()
    {
        var text = WriteToText([["=SUM(A1)", "+44", "-5", "@Amy", "\tTab", "\rCR", "plain", "a=b"]], escapeFormulaText: true);

        Assert.Equal("\"'=SUM(A1)\",\"'+44\",\"'-5\",\"'@Amy\",\"'\tTab\",\"'\rCR\",plain,a=b\r\n", text);
    }

    [Fact]
    public void Short_rows_are_padded_to_the_first_rows_width_as_excel_pads_them()
    {
        Assert.Equal("a,b,c\r\n1,,\r\n", WriteToText([["a", "b", "c"], ["1"]]));
    }

    [Fact]
    public void A_row_wider_than_the_first_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => WriteToText([["a", "b"], ["1", "2", "3"]]));

        Assert.StartsWith("Row 2 has 3 fields but the first row has 2", error.Message);
    }

    [Fact]
    public void What_is_written_reads_back_exactly()
    {
        IReadOnlyList<string?>[] rows =
        [
            ["No.", "Milestone", "Owner", "Note"],
            ["1", "Agree plan, then publish", "Louis Kamfer/Jane Webster", "Line one\r\nLine two"],
            ["2", "  padded  ", "", "He said \"done\" ↑"],
        ];
        var path = _folder.File("export.csv");

        CsvTableWriter.Write(path, rows);
        var read = TrackerFileReader.Read(path).Sheets[0].Rows;

        Assert.Equal([1, 2, 4], read.Select(r => r.Number));
        Assert.Equal(rows.Select(r => r.Select(v => v ?? string.Empty)), read.Select(r => r.Cells.Select(c => c.Text)));
    }
}
