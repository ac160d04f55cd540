using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Core.Dates;

namespace PlanBot.Core.Questions;

/// <summary>
/// A stretch of dates a question asks about ("next week", "in March", "Q4", "by end of Feb"), inclusive at both ends;
/// <see cref="From"/> is null for "by …"/"before …" (everything up to the date). <see cref="Description"/> is how an
/// answer names it back to the user ("due next week (27 Jan – 2 Feb 2020)").
/// </summary>
public sealed record DueWindow(DateOnly? From, DateOnly To, string Description)
{
    public bool Contains(DateOnly date) => (From is null || date >= From) && date <= To;
}

/// <summary>
/// Finds the due window in a question, relative to today. Weeks run Monday to Sunday; a month or quarter named
/// without a year is the one in today's UK financial year (April to March), as a PMO reads its plan; quarters are
/// financial quarters (Q1 = April–June).
/// </summary>
public static partial class DueWindowReader
{
    // Invariant month names ("Sep", not ICU's en-GB "Sept") in British day-month-year order.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>The first due window named in <paramref name="question"/>, and where it was found so the rest can be read.</summary>
    public static bool TryRead(string question, DateOnly today, out DueWindow window, out Range found)
    {
        var text = question.ToLowerInvariant();
        foreach (var (pattern, build) in Readers)
        {
            var match = pattern.Match(text);
            if (!match.Success) continue;
            if (build(match, today) is not { } built) continue;
            window = built;
            found = new Range(match.Index, match.Index + match.Length);
            return true;
        }
        window = null!;
        found = default;
        return false;
    }

    private static readonly (Regex Pattern, Func<Match, DateOnly, DueWindow?> Build)[] Readers =
    [
        (NextDays(), (m, today) => Within(today, Count(m) * (m.Groups["unit"].Value.StartsWith('w') ? 7 : 1), m.Groups["unit"].Value)),
        (WithinDays(), (m, today) => Within(today, Count(m) * (m.Groups["unit"].Value.StartsWith('w') ? 7 : 1), m.Groups["unit"].Value)),
        (Fortnight(), (_, today) => Within(today, 14, "weeks")),
        (NextMonths(), (m, today) => Months(today, Count(m))),
        (RelativeWeek(), (m, today) => Week(today, m.Groups["which"].Value)),
        (RelativeMonth(), (m, today) => Month(today, m.Groups["which"].Value)),
        (RelativeQuarter(), (m, today) => Quarter(today, m.Groups["which"].Value)),
        (NamedQuarter(), (m, today) => NamedQuarterWindow(today, int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture), m.Groups["fy"].Value)),
        (ByDate(), (m, today) => ByDateWindow(today, m)),
        (ByEndOfMonth(), (m, today) => ByEndOfMonthWindow(today, m)),
        (DueEndOfMonth(), (m, today) => InMonthWindow(today, m)),
        (AfterMonth(), (m, today) => AfterMonthWindow(today, m)),
        (InMonth(), (m, today) => InMonthWindow(today, m)),
        (Day(), (m, today) => m.Groups["day"].Value switch
        {
            "today" => Single(today, "today"),
            "tomorrow" => Single(today.AddDays(1), "tomorrow"),
            _ => Single(today.AddDays(-1), "yesterday"),
        }),
    ];

    // "next week" is the calendar week (RelativeWeek); "next 1 week" or "next 7 days" count from today.
    private static int Count(Match m) =>
        m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : WordNumber(m.Groups["word"].Value);

    private static int WordNumber(string word) => word switch
    {
        "one" => 1, "two" or "couple of" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, _ => 1,
    };

    private static DueWindow? Within(DateOnly today, int days, string unit)
    {
        if (days is < 1 or > 366) return null;
        var to = today.AddDays(days);
        var count = unit.StartsWith('w') ? $"{days / 7} week{(days == 7 ? "" : "s")}" : $"{days} day{(days == 1 ? "" : "s")}";
        return new DueWindow(today, to, $"due in the next {count} ({Span(today, to)})");
    }

    private static DueWindow? Months(DateOnly today, int months)
    {
        if (months is < 1 or > 24) return null;
        var to = today.AddMonths(months);
        return new DueWindow(today, to, $"due in the next {months} month{(months == 1 ? "" : "s")} ({Span(today, to)})");
    }

    private static DueWindow Week(DateOnly today, string which)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var offset = which switch { "next" => 7, "last" or "previous" => -7, _ => 0 };
        var from = monday.AddDays(offset);
        var name = which is "next" ? "next week" : which is "last" or "previous" ? "last week" : "this week";
        return new DueWindow(from, from.AddDays(6), $"due {name} ({Span(from, from.AddDays(6))})");
    }

    private static DueWindow Month(DateOnly today, string which)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(which switch { "next" => 1, "last" or "previous" => -1, _ => 0 });
        return MonthWindow(first);
    }

    private static DueWindow MonthWindow(DateOnly first) =>
        new(first, first.AddMonths(1).AddDays(-1), $"due in {first.ToString("MMMM yyyy", English)}");

    private static DueWindow Quarter(DateOnly today, string which)
    {
        var startYear = FinancialYear.StartYearOf(today);
        var quarter = FinancialYear.QuarterOf(today) + which switch { "next" => 1, "last" or "previous" => -1, _ => 0 };
        if (quarter == 5) (startYear, quarter) = (startYear + 1, 1);
        if (quarter == 0) (startYear, quarter) = (startYear - 1, 4);
        return QuarterWindow(startYear, quarter);
    }

    private static DueWindow? NamedQuarterWindow(DateOnly today, int quarter, string financialYear)
    {
        if (quarter is < 1 or > 4) return null;
        var startYear = financialYear.Length > 0 ? FinancialYear.FindInText(financialYear) ?? FinancialYear.StartYearOf(today) : FinancialYear.StartYearOf(today);
        return QuarterWindow(startYear, quarter);
    }

    private static DueWindow QuarterWindow(int startYear, int quarter)
    {
        var (start, end) = FinancialYear.Quarter(startYear, quarter);
        return new DueWindow(start, end, $"due in Q{quarter} {FinancialYear.Label(startYear)} ({Span(start, end)})");
    }

    private static DueWindow? ByDateWindow(DateOnly today, Match m)
    {
        if (MonthNumber(m.Groups["month"].Value) is not { } month) return null;
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = m.Groups["year"].Success ? FullYear(m.Groups["year"].Value) : YearInFinancialYear(today, month);
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        var date = new DateOnly(year, month, day);
        // "before 31 Jan" leaves the day out; "by 31 Jan" keeps it.
        var to = m.Groups["word"].Value == "before" ? date.AddDays(-1) : date;
        return new DueWindow(null, to, $"due {m.Groups["word"].Value} {date.ToString("d MMM yyyy", English)}");
    }

    private static DueWindow? ByEndOfMonthWindow(DateOnly today, Match m)
    {
        if (MonthNumber(m.Groups["month"].Value) is not { } month) return null;
        var year = m.Groups["year"].Success ? FullYear(m.Groups["year"].Value) : YearInFinancialYear(today, month);
        var end = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        return new DueWindow(null, end, $"due by the end of {end.ToString("MMMM yyyy", English)}");
    }

    private static DueWindow? AfterMonthWindow(DateOnly today, Match m)
    {
        if (MonthNumber(m.Groups["month"].Value) is not { } month) return null;
        var year = m.Groups["year"].Success ? FullYear(m.Groups["year"].Value) : YearInFinancialYear(today, month);
        var from = new DateOnly(year, month, 1).AddMonths(1);
        return new DueWindow(from, DateOnly.MaxValue, $"due after {new DateOnly(year, month, 1).ToString("MMMM yyyy", English)}");
    }

    private static DueWindow? InMonthWindow(DateOnly today, Match m)
    {
        if (MonthNumber(m.Groups["month"].Value) is not { } month) return null;
        var year = m.Groups["year"].Success ? FullYear(m.Groups["year"].Value) : YearInFinancialYear(today, month);
        return MonthWindow(new DateOnly(year, month, 1));
    }

    private static DueWindow Single(DateOnly day, string name) => new(day, day, $"due {name} ({day.ToString("d MMM yyyy", English)})");

    /// <summary>The calendar year of <paramref name="month"/> within today's financial year (January 2020 in 2019/20).</summary>
    private static int YearInFinancialYear(DateOnly today, int month)
    {
        var startYear = FinancialYear.StartYearOf(today);
        return month >= 4 ? startYear : startYear + 1;
    }

    private static int FullYear(string year) => year.Length == 2 ? 2000 + int.Parse(year, CultureInfo.InvariantCulture) : int.Parse(year, CultureInfo.InvariantCulture);

    private static int? MonthNumber(string name) => name.Length < 3 ? null : name[..3] switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12, _ => null,
    };

    private static string Span(DateOnly from, DateOnly to) =>
        from.Year == to.Year
            ? $"{from.ToString(from.Month == to.Month ? "%d" : "d MMM", English)} – {to.ToString("d MMM yyyy", English)}"
            : $"{from.ToString("d MMM yyyy", English)} – {to.ToString("d MMM yyyy", English)}";

    private const string MonthNames =
        "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    [GeneratedRegex(@"\b(?:in\s+the\s+|within\s+the\s+|over\s+the\s+|within\s+|in\s+)?(?:next|coming)\s+(?:(?<n>\d{1,3})|(?<word>one|two|couple\s+of|three|four|five|six))\s*(?<unit>days?|weeks?|wks?)\b")]
    private static partial Regex NextDays();

    [GeneratedRegex(@"\b(?:in|within)\s+(?:(?<n>\d{1,3})|(?<word>one|two|couple\s+of|three|four|five|six))\s*(?<unit>days?|weeks?|wks?)\b")]
    private static partial Regex WithinDays();

    [GeneratedRegex(@"\b(?:(?:in|within|over)\s+the\s+)?(?:next|coming|in|within)\s+(?:(?<n>\d{1,2})|(?<word>one|two|couple\s+of|three|four|five|six))\s*months?\b")]
    private static partial Regex NextMonths();

    [GeneratedRegex(@"\b(?:(?:next|coming)\s+fortnight|within\s+a\s+fortnight|fortnight)\b")]
    private static partial Regex Fortnight();

    [GeneratedRegex(@"\b(?<which>this|next|last|previous)\s+week\b")]
    private static partial Regex RelativeWeek();

    [GeneratedRegex(@"\b(?<which>this|next|last|previous)\s+month\b")]
    private static partial Regex RelativeMonth();

    [GeneratedRegex(@"\b(?<which>this|next|last|previous)\s+quarter\b")]
    private static partial Regex RelativeQuarter();

    [GeneratedRegex(@"\b(?:q|quarter\s*)(?<q>[1-4])\b(?:\s*(?:of\s+)?(?<fy>(?:fy\s*)?(?:20)?\d\d\s*[/-]\s*\d{2,4}))?")]
    private static partial Regex NamedQuarter();

    [GeneratedRegex(@"\b(?<word>by|before)\s+(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthNames + @"\b(?:\s+(?<year>20\d\d))?")]
    private static partial Regex ByDate();

    [GeneratedRegex(@"\b(?:by|before)\s+(?:the\s+)?end\s+of\s+" + MonthNames + @"\b(?:\s+(?<year>20\d\d|\d\d)\b)?")]
    private static partial Regex ByEndOfMonth();

    // "due end of Oct 18": the month itself, as a tracker's "end Oct-18" date is; "by end of" is everything up to it.
    [GeneratedRegex(@"\b(?:due\s+)(?:at\s+)?(?:the\s+)?end\s+of\s+" + MonthNames + @"\b(?:\s+(?<year>20\d\d|\d\d)\b)?")]
    private static partial Regex DueEndOfMonth();

    [GeneratedRegex(@"\b(?:due\s+)?(?:after|later\s+than|beyond)\s+(?:the\s+end\s+of\s+)?" + MonthNames + @"\b(?:\s+(?<year>20\d\d|\d\d)\b)?")]
    private static partial Regex AfterMonth();

    [GeneratedRegex(@"\b(?:in|during|for|due)\s+" + MonthNames + @"\b(?:\s+(?<year>20\d\d))?")]
    private static partial Regex InMonth();

    [GeneratedRegex(@"\b(?<day>today|tomorrow|yesterday)\b")]
    private static partial Regex Day();
}
