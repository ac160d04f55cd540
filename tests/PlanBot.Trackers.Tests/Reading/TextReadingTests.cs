using System.Text;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Tests.Reading;

public sealed class TextReadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private TrackerSheet Read(string name, string text) => Assert.Single(TrackerFileReader.Read(_folder.Write(name, text)).Sheets);

    private TrackerFileException Refused(string name, string text) =>
        Assert.Throws<TrackerFileException>(() => TrackerFileReader.Read(_folder.Write(name, text)));

    private static string[] Texts(TrackerRow row) => row.Cells.Select(c => c.Text).ToArray();

    [Fact]
    public void Csv_quoted_fields_hold_commas_line_breaks_and_doubled_quotes()
    {
        var sheet = Read("plan.csv",
            "No.,Milestone,Status\r\n" +
            "1,\"Agree plan, then publish\",Complete\r\n" +
            "2,\"Two\r\nlines\",\"Said \"\"done\"\"\"\r\n" +
            "3,Last,Open\r\n");

        Assert.Null(sheet.Name);
        Assert.Equal([1, 2, 3, 5], sheet.Rows.Select(r => r.Number)); // a record's number is the line it starts on
        Assert.Equal(["1", "Agree plan, then publish", "Complete"], Texts(sheet.Rows[1]));
        Assert.Equal(["2", "Two\r\nlines", "Said \"done\""], Texts(sheet.Rows[2]));
        Assert.Equal(["3", "Last", "Open"], Texts(sheet.Rows[3]));
    }

    [Fact]
    public void Csv_rows_wider_than_the_table_are_refused_naming_the_line_and_both_counts()
    {
        var lines = Enumerable.Range(1, 12).Select(i => $"{i},a,b,c,d,e,f,g").ToList();
        lines.Add("13,a,b,c,d,e,f,g,h");

        var error = Refused("dorset.csv", string.Join("\r\n", lines));

        Assert.Equal("dorset.csv line 13 has 9 fields but the table's rows have 8 — a comma may be missing its quotes, or the file was cut.", error.Message);
    }

    [Fact]
    public void Csv_title_lines_narrower_than_the_table_are_read_not_refused()
    {
        var sheet = Read("plan.csv", "Quality Improvement Programme\r\nStatus at 28/11/2025,,Owner: PMO\r\n\r\nRef,Action,Due\r\n1,Agree plan,31/03/2025\r\n2,Publish,30/04/2025\r\n");

        Assert.Equal(["Quality Improvement Programme"], Texts(sheet.Rows[0]));
        Assert.Equal(["2", "Publish", "30/04/2025"], Texts(sheet.Rows[^1]));
    }

    [Fact]
    public void Csv_line_numbers_in_errors_count_the_lines_inside_quoted_fields()
    {
        var error = Refused("plan.csv", "a,b\n\"x\ny\",z\n1,2,3\n");

        Assert.Contains("line 4 has 3 fields but the table's rows have 2", error.Message);
    }

    [Fact]
    public void Csv_blank_lines_and_all_empty_rows_are_not_counted_as_ragged()
    {
        var sheet = Read("plan.csv", "a,b,c\n\n,,\n1,2,3\n");

        Assert.Equal(4, sheet.Rows.Count);
        Assert.True(sheet.Rows[1].IsBlank);
        Assert.True(sheet.Rows[2].IsBlank);
        Assert.Equal(["1", "2", "3"], Texts(sheet.Rows[3]));
    }

    [Fact]
    public void Csv_quote_that_is_never_closed_is_refused_with_its_line()
    {
        var error = Refused("plan.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");

        Assert.StartsWith("plan.csv line 3 opens a quoted field that is never closed", error.Message);
    }

    [Fact]
    public void Csv_stray_quote_inside_an_unquoted_field_is_kept_as_text()
    {
        var sheet = Read("plan.csv", "Item,Note\n1,5\" screen\n");

        Assert.Equal("5\" screen", sheet.Rows[1][1].Text);
    }

    [Fact]
    public void Tab_text_rows_may_be_ragged_and_keep_their_line_numbers()
    {
        var sheet = Read("board-paper.txt", "\n\nTitle\n\nNo.\tMilestone\tDue\tOwner\n1\tAgree plan\t01-Apr-19\n2\tPublish\t\t\tExtra\n");

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], sheet.Rows.Select(r => r.Number));
        Assert.Equal(["Title"], Texts(sheet.Rows[2]));
        Assert.Equal(["No.", "Milestone", "Due", "Owner"], Texts(sheet.Rows[4]));
        Assert.Equal(["1", "Agree plan", "01-Apr-19"], Texts(sheet.Rows[5]));
        Assert.Equal(["2", "Publish", "", "", "Extra"], Texts(sheet.Rows[6]));
    }

    [Fact]
    public void Tab_text_honours_excel_quoting_of_tabs_line_breaks_and_quotes()
    {
        var sheet = Read("plan.tsv", "No.\tNote\tOwner\n1\t\"first line\nsecond\tline\"\tAmy\n2\t\"He said \"\"go\"\"\"\t\"\"\n3\tplain\tBen\n");

        Assert.Equal([1, 2, 4, 5], sheet.Rows.Select(r => r.Number));
        Assert.Equal(["1", "first line\nsecond\tline", "Amy"], Texts(sheet.Rows[1]));
        Assert.Equal(["2", "He said \"go\"", ""], Texts(sheet.Rows[2]));
        Assert.Equal(["3", "plain", "Ben"], Texts(sheet.Rows[3]));
    }

    [Fact]
    public void Tab_text_keeps_quotes_that_are_not_excel_quoting_as_they_are()
    {
        var sheet = Read("paper.txt", "13\t25% booked \"on line\"\n\"designated\" as a UTC\tnext\n\"unclosed\tcell\n4\tlast\n");

        Assert.Equal(["13", "25% booked \"on line\""], Texts(sheet.Rows[0]));
        Assert.Equal(["\"designated\" as a UTC", "next"], Texts(sheet.Rows[1]));
        Assert.Equal(["\"unclosed", "cell"], Texts(sheet.Rows[2]));
        Assert.Equal((4, "last"), (sheet.Rows[3].Number, sheet.Rows[3][1].Text));
    }

    [Fact]
    public void Tab_text_lines_may_end_in_crlf_lf_or_a_lone_cr()
    {
        var sheet = Read("mac.txt", "a\tb\r\nc\td\re\tf\ng\th");

        Assert.Equal([1, 2, 3, 4], sheet.Rows.Select(r => r.Number));
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h"], sheet.Rows.SelectMany(Texts));
    }

    [Fact]
    public void Cell_text_keeps_inner_and_outer_whitespace()
    {
        var sheet = Read("plan.txt", "  Louis Kamfer /  Jane Webster \t x \n");

        Assert.Equal(["  Louis Kamfer /  Jane Webster ", " x "], Texts(sheet.Rows[0]));
    }

    [Fact]
    public void Utf16_little_endian_with_a_bom_is_read_as_excel_unicode_text()
    {
        var path = _folder.Write("unicode.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Trend\tCost\r\n↑\t£1,200\r\n")]);

        var rows = TrackerFileReader.Read(path).Sheets[0].Rows;

        Assert.Equal(["Trend", "Cost"], Texts(rows[0]));
        Assert.Equal(["↑", "£1,200"], Texts(rows[1]));
    }

    [Fact]
    public void Utf16_big_endian_with_a_bom_is_read()
    {
        var path = _folder.Write("unicode.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("↓\tDecline\n")]);

        Assert.Equal(["↓", "Decline"], Texts(TrackerFileReader.Read(path).Sheets[0].Rows[0]));
    }

    [Fact]
    public void Utf8_with_a_bom_loses_the_bom()
    {
        var path = _folder.Write("plan.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("No.,Cost\n1,£5\n")]);

        var rows = TrackerFileReader.Read(path).Sheets[0].Rows;

        Assert.Equal("No.", rows[0][0].Text);
        Assert.Equal("£5", rows[1][1].Text);
    }

    [Theory]
    [InlineData("plan.csv", "Budget,Cost\r\nQIPP,\u00A375m\r\n")]
    [InlineData("plan.txt", "Budget\tCost\r\nQIPP\t\u00A375m\r\n")]
    public void Windows_1252_text_is_read_when_the_file_is_not_utf8(string name, string latin1Text)
    {
        var bytes = latin1Text.Select(c => (byte)c).ToArray(); // £ is the single byte A3 in Windows-1252

        var rows = TrackerFileReader.Read(_folder.Write(name, bytes)).Sheets[0].Rows;

        Assert.Equal("£75m", rows[1][1].Text);
    }

    [Fact]
    public void Utf16_without_a_bom_is_recognised_by_its_zero_bytes()
    {
        var path = _folder.Write("unicode.txt", Encoding.Unicode.GetBytes("No.\tMilestone\r\n1\tAgree plan\r\n"));

        Assert.Equal(["1", "Agree plan"], Texts(TrackerFileReader.Read(path).Sheets[0].Rows[1]));
    }
}
