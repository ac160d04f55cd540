using PlanBot.Core.Dates;
using PlanBot.Core.Plans;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// What the cells of one column hold, counted over a table's data rows: dates, RAG ratings, status words, e-mail
/// addresses, percentages, yes/no flags, references, long text. Lets the importer name a column by its content when its
/// header is one it does not know, and check that a header it does know holds what it says.
/// </summary>
internal sealed class ColumnContent
{
    public int Filled { get; private set; }
    public int Dates { get; private set; }
    public int Rags { get; private set; }
    public int StatusWords { get; private set; }
    public int Emails { get; private set; }
    public int Percents { get; private set; }
    public int YesNo { get; private set; }
    public int Refs { get; private set; }
    public int OpaqueIds { get; private set; }
    public int Numbers { get; private set; }
    public int PersonNames { get; private set; }
    public int Distinct => _distinct.Count;
    public long TotalLength { get; private set; }
    public List<string> Examples { get; } = [];

    private readonly HashSet<string> _distinct = new(StringComparer.OrdinalIgnoreCase);

    public double AverageLength => Filled == 0 ? 0 : (double)TotalLength / Filled;

    /// <summary>Share of filled cells that hold <paramref name="count"/>'s kind.</summary>
    public double Share(int count) => Filled == 0 ? 0 : (double)count / Filled;

    /// <summary>Counts each column of <paramref name="rows"/> (the first 200 rows are enough to judge a column).</summary>
    public static ColumnContent[] Of(IEnumerable<TrackerRow> rows, int width, ITrackerDateParser dates)
    {
        var columns = Enumerable.Range(0, width).Select(_ => new ColumnContent()).ToArray();
        foreach (var row in rows.Where(r => !r.IsBlank).Take(200))
            for (var c = 0; c < width && c < row.Cells.Count; c++)
                columns[c].Add(row.Cells[c], dates);
        return columns;
    }

    private void Add(TrackerCell cell, ITrackerDateParser dates)
    {
        var text = CellText.Clean(cell.Text);
        if (text.Length == 0)
        {
            if (cell.Fill is not null)
            {
                Rags++; // a RAG given by colour alone
                Filled++;
            }
            return;
        }

        Filled++;
        TotalLength += text.Length;
        _distinct.Add(text);
        if (Examples.Count < 3 && !Examples.Contains(text)) Examples.Add(text.Length > 20 ? text[..20] + "…" : text);
        if (IsDate(text, dates)) Dates++;
        if (StatusReader.ParseRag(text) != Rag.None) Rags++;
        if (text.Length <= 40 && StatusReader.Normalise(text, null) != MilestoneStatus.Unknown) StatusWords++;
        if (text.Contains('@')) Emails++; // one address or several ("a@x.org; b@y.org")
        if (IsPercent(text)) Percents++;
        if (IsYesNo(text)) YesNo++;
        if (MilestoneRef.TryParse(text, out _)) Refs++;
        if (MilestoneRef.IsOpaqueId(text)) OpaqueIds++;
        if (double.TryParse(text.TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)) Numbers++;
        if (LooksLikePersonName(text)) PersonNames++;
    }

    public static bool IsDate(string text, ITrackerDateParser dates)
    {
        if (text.Length > 40) return false;
        var parsed = dates.Parse(text).Date;
        return parsed.Date is not null && parsed.Problem == DateProblem.None;
    }

    public static bool IsPercent(string text) =>
        text.EndsWith('%') && double.TryParse(text[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    public static bool IsYesNo(string text) =>
        text.ToLowerInvariant() is "yes" or "no" or "y" or "n" or "true" or "false";

    /// <summary>"Jane Smith", "A. Jones; B. Khan", "J Smith and K Lee": two or three capitalised words per name, no digits.</summary>
    private static bool LooksLikePersonName(string text)
    {
        if (text.Length > 60 || text.Any(char.IsDigit)) return false;
        var names = OwnerNames.Split(text);
        if (names.Count == 0) return false;
        foreach (var name in names)
        {
            var words = name.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 1 or > 3) return false;
            if (!words.All(w => char.IsUpper(w[0]))) return false;
        }
        return true;
    }
}
