using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Tests.Reading;

/// <summary>The seed-derived trackers under samples/ read as the importer's golden tests expect.</summary>
public sealed class SampleFileTests
{
    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlanBot.sln"))) return Path.Combine(dir.FullName, "samples");
        }

        throw new InvalidOperationException("Cannot find the repository root (PlanBot.sln) above " + AppContext.BaseDirectory);
    }

    private static TrackerWorkbook Read(string name) => TrackerFileReader.Read(Path.Combine(SamplesFolder(), name));

    private static string Joined(TrackerRow row) => string.Join('\t', row.Cells.Select(c => c.Text));

    [Theory]
    [InlineData("odkm-2019-20.txt", 95)]
    [InlineData("cpccg-idp-2018-19.txt", 788)]
    [InlineData("southend-idp-2018-19.txt", 365)]
    [InlineData("cornwall-sof-2017.txt", 244)]
    [InlineData("dorset-dashboard-2016.csv", 95)]
    public void Each_text_sample_reads_one_row_per_line(string name, int lines)
    {
        var sheet = Assert.Single(Read(name).Sheets);

        Assert.Equal(Enumerable.Range(1, lines), sheet.Rows.Select(r => r.Number));
    }

    [Fact]
    public void The_odkm_text_sample_has_its_milestone_header_on_line_7()
    {
        var rows = Read("odkm-2019-20.txt").Sheets[0].Rows;

        var header = Assert.Single(rows, r => r.Text(0) == "No.");
        Assert.Equal(7, header.Number);
        Assert.StartsWith("No.\tCP\tTeam\tMilestone\tStart Date\tDue Date\tStatus\tDelivery Owner", Joined(header));
        Assert.Equal([67, 81], rows.Where(r => r.Text(0) == "Milestone Number").Select(r => r.Number));
        Assert.Equal("25% of all GP appts available to be booked \"on line\"", rows.Single(r => r.Text(0) == "13")[3].Text);
    }

    [Fact]
    public void The_odkm_workbook_sample_holds_the_milestone_table_with_real_dates_and_numbers()
    {
        var workbook = Read("odkm-2019-20.xlsx");

        Assert.Equal(["Milestones", "Exceptions"], workbook.Sheets.Select(s => s.Name));
        var rows = workbook.Sheets[0].Rows;
        Assert.Equal(1, rows[0].Number);
        Assert.StartsWith("2019/2020 Operational Delivery Key Milestones (ODKM)", rows[0].Text(0));
        Assert.Equal(3, rows[1].Number);
        Assert.StartsWith("No.\tCP\tTeam\tMilestone\tStart Date\tDue Date", Joined(rows[1]));

        TrackerRow Milestone(string no) => rows.Single(r => r.Text(0) == no);
        Assert.Equal(["1", "!", "CFO", "CCG Financial Plan agreed by GB", "01-Apr-19", "28-Jun-19", "Complete"], Milestone("1").Cells.Take(7).Select(c => c.Text));
        Assert.Equal("27-Sep-19 rev 31-Dec-19", Milestone("23")[5].Text);
        Assert.Equal("29-Feb-19", Milestone("47")[5].Text);
        Assert.Equal("", Milestone("35")[4].Text);
        Assert.Equal("01-Nov-20", Milestone("22")[11].Text); // M Due stays as the tracker wrote it
        Assert.Equal(55, rows.Count(r => int.TryParse(r.Text(0), out _))); // No. 1 to 56; the tracker has no 26
    }

    [Fact]
    public void The_odkm_workbook_sample_holds_both_exception_tables_under_their_titles()
    {
        var rows = Read("odkm-2019-20.xlsx").Sheets[1].Rows;

        var headers = rows.Where(r => r.Text(0) == "Milestone Number").ToList();
        Assert.Equal(2, headers.Count);
        Assert.Equal(
            ["2019/2020 Operational Delivery Key Milestones (ODKM) - Version 5 - Exception Report - January 2020", "Exceptions to Plan at Quarter 2"],
            headers.Select(h => rows.Last(r => r.Number < h.Number).Text(0)));
        Assert.Contains(rows, r => r.Text(0) == "41 & 44" && r.Text(1) == "AD");
    }

    [Fact]
    public void The_dorset_csv_sample_is_excel_style_every_row_one_width()
    {
        var path = Path.Combine(SamplesFolder(), "dorset-dashboard-2016.csv");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var rows = TrackerFileReader.Read(path).Sheets[0].Rows;

        Assert.All(rows, r => Assert.Equal(9, r.Cells.Count));
        Assert.Equal([20, 52, 60, 67, 73, 77, 83], rows.Where(r => r.Text(0) == "PROGRAMME").Select(r => r.Number));
        Assert.Equal("↔", rows.Single(r => r.Number == 21)[6].Text);
    }

    [Fact]
    public void The_samples_readme_describes_every_sample()
    {
        var folder = SamplesFolder();
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));

        foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => f != "README.md"))
            Assert.Contains(file!, readme);
    }
}
