namespace PlanBot.Core.Dates;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// The UK public-sector financial year: 1 April to 31 March, named by its start year ("2019/20" starts 1 April 2019).
/// Q1 is April–June, Q2 July–September, Q3 October–December and Q4 January–March of the following calendar year.
/// </summary>
public static partial class FinancialYear
{
    public static int StartYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static int QuarterOf(DateOnly date) => (date.Month + 8) % 12 / 3 + 1;

    public static (DateOnly Start, DateOnly End) Quarter(int startYear, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(startYear, 4, 1).AddMonths(3 * (quarter - 1));
        return (start, start.AddMonths(3).AddDays(-1));
    }

    public static (DateOnly Start, DateOnly End) Year(int startYear) =>
        (new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31));

    public static string Label(int startYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{startYear}/{(startYear + 1) % 100:00}");

    /// <summary>
    /// The financial year a plan title names: "2019/2020 Operational Delivery Key Milestones", "Plan 2018-2019",
    /// "Southend CCG Improvement Delivery Plan 2018/19", "FY2019/20", "FY18/19". Only consecutive years count,
    /// so "model complete 2019 - 2021" is a span, not a financial year. A bare "18/19" is not read: without "FY"
    /// it is as likely to be a fraction or a day and month.
    /// </summary>
    public static int? FindInText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;

        foreach (Match match in YearPairPattern().Matches(text))
        {
            var startGroup = match.Groups["start"];
            var start = int.Parse(startGroup.ValueSpan, CultureInfo.InvariantCulture);
            if (startGroup.Length == 2) start += 2000;

            var endGroup = match.Groups["end"];
            var end = int.Parse(endGroup.ValueSpan, CultureInfo.InvariantCulture);
            var consecutive = endGroup.Length == 4 ? end == start + 1 : end == (start + 1) % 100;
            if (consecutive) return start;
        }

        return null;
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:FY ?(?<start>[0-9]{2})|(?:FY ?)?(?<start>(?:19|20)[0-9]{2})) ?[/\-–] ?(?<end>[0-9]{4}|[0-9]{2})(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearPairPattern();
}
