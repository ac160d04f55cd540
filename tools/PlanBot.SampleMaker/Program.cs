using System.Globalization;
using PlanBot.Trackers.Reading;
using PlanBot.Trackers.Writing;

// Makes samples/ from the seed trackers (tab-separated exports of real board papers):
//   dotnet run --project tools/PlanBot.SampleMaker [-- SEEDS_DIR [SAMPLES_DIR]]
// SEEDS_DIR defaults to ../shared/seeds beside the repository, SAMPLES_DIR to samples/ in it.

var root = FindRepositoryRoot();
var seeds = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(root, "..", "shared", "seeds"));
var samples = args.Length > 1 ? args[1] : Path.Combine(root, "samples");
Directory.CreateDirectory(samples);

string Seed(string number) =>
    Directory.GetFiles(seeds, number + "_*.txt").SingleOrDefault()
    ?? throw new FileNotFoundException($"No seed {number}_*.txt in {seeds}");

void Made(string name) => Console.WriteLine($"wrote samples/{name}");

foreach (var (number, name) in new[] { ("000", "odkm-2019-20.txt"), ("001", "cpccg-idp-2018-19.txt"), ("002", "southend-idp-2018-19.txt"), ("004", "cornwall-sof-2017.txt") })
{
    File.WriteAllBytes(Path.Combine(samples, name), File.ReadAllBytes(Seed(number))); // byte for byte, without the seed's read-only mode
    Made(name);
}

OdkmWorkbook.Write(TrackerFileReader.Read(Seed("000")).Sheets[0].Rows, Path.Combine(samples, "odkm-2019-20.xlsx"));
Made("odkm-2019-20.xlsx");

// Seed 003 as Excel would save it as CSV: every row padded to the width of the widest.
var dorset = TrackerFileReader.Read(Seed("003")).Sheets[0].Rows;
var width = dorset.Max(r => r.Cells.Count);
CsvTableWriter.Write(
    Path.Combine(samples, "dorset-dashboard-2016.csv"),
    dorset.Select(r => (IReadOnlyList<string?>)Enumerable.Range(0, width).Select(i => (string?)r[i].Text).ToList()));
Made("dorset-dashboard-2016.csv");

foreach (var file in Directory.GetFiles(samples).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order())
{
    var workbook = TrackerFileReader.Read(file);
    Console.WriteLine($"read  {workbook.FileName}: {string.Join(", ", workbook.Sheets.Select(s => $"{s.Name ?? "table"} {s.Rows.Count} rows"))}");
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PlanBot.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("Run this from inside the repository (no PlanBot.sln found above the current directory).");
}

/// <summary>
/// Seed 000 as a workbook: sheet Milestones holds the title, a blank row and the milestone table, with No. as numbers
/// and plain dd-MMM-yy Start/Due dates as real dates (text such as "27-Sep-19 rev 31-Dec-19" or the impossible
/// "29-Feb-19" stays text); sheet Exceptions holds both exception report tables under their title rows, as in the seed.
/// </summary>
internal static class OdkmWorkbook
{
    private const int StartDateColumn = 4;
    private const int DueDateColumn = 5;

    public static void Write(IReadOnlyList<TrackerRow> rows, string path)
    {
        var title = rows.First(r => !r.IsBlank);
        var header = First(rows, r => r.Text(0) == "No.", "the milestone header (No.)");
        var exceptionsTitle = First(rows, r => r.Number > header.Number && r.Text(0).Contains("Exception Report", StringComparison.Ordinal), "the exception report title");

        var milestones = TrimBlankEnds(rows.Where(r => r.Number > header.Number && r.Number < exceptionsTitle.Number));
        var exceptions = TrimBlankEnds(rows.Where(r => r.Number >= exceptionsTitle.Number));

        XlsxWorkbookWriter.Write(path,
        [
            new XlsxSheet("Milestones",
                new[] { XlsxRow.Title(title.Text(0)), XlsxRow.Blank, XlsxRow.Header(Texts(header)) }
                    .Concat(milestones.Select(MilestoneRow)))
            {
                ColumnWidths = [6, 4, 10, 60, 11, 11, 40, 18, 18, 24, 14, 10, 6],
                FrozenRows = 3,
            },
            new XlsxSheet("Exceptions", exceptions.Select(ExceptionRow))
            {
                ColumnWidths = [10, 9, 45, 18, 80, 24],
            },
        ]);
    }

    private static XlsxRow MilestoneRow(TrackerRow row)
    {
        if (row.IsBlank) return XlsxRow.Blank;
        var values = new object?[row.Cells.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var text = row.Cells[i].Text;
            values[i] = text.Length == 0 ? null
                : i == 0 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
                : i is StartDateColumn or DueDateColumn && DateOnly.TryParseExact(text, "dd-MMM-yy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                : text;
        }

        return XlsxRow.Body(values);
    }

    private static XlsxRow ExceptionRow(TrackerRow row)
    {
        var nonBlank = row.Cells.Count(c => !c.IsBlank);
        if (nonBlank == 0) return XlsxRow.Blank;
        if (nonBlank == 1 && !row[0].IsBlank) return XlsxRow.Title(row.Cells[0].Text);
        return row.Text(0) == "Milestone Number" ? XlsxRow.Header(Texts(row)) : XlsxRow.Body(Texts(row));
    }

    private static object?[] Texts(TrackerRow row) => row.Cells.Select(c => c.Text.Length == 0 ? null : (object?)c.Text).ToArray();

    private static TrackerRow First(IReadOnlyList<TrackerRow> rows, Func<TrackerRow, bool> test, string what) =>
        rows.FirstOrDefault(test) ?? throw new InvalidDataException($"Seed 000 has changed: cannot find {what}.");

    private static List<TrackerRow> TrimBlankEnds(IEnumerable<TrackerRow> rows)
    {
        var list = rows.SkipWhile(r => r.IsBlank).ToList();
        while (list.Count > 0 && list[^1].IsBlank) list.RemoveAt(list.Count - 1);
        return list;
    }
}
