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

    /// <summary>
    /// True when the question asks for every milestone dated in the window, finished ones too: asked in the past tense
    /// ("what was due in Q1") or naming the milestones by their date ("which actions have a target date in March", "how
    /// many fall due in Q4"). False for work still to do ("what's due in March", "anything due this week") and for
    /// "by …"/"before …" (everything up to a date), which list open milestones only.
    /// </summary>
    public bool IncludesFinished { get; init; }
}

/// <summary>
/// Finds the due window in a question, relative to today. Weeks run Monday to Sunday; a month named without a year is
/// the nearest one (March asked in November is the coming March, September asked in January the last one), a quarter
/// named without a year is the one in today's UK financial year (April to March), as a PMO reads its plan; quarters
/// are financial quarters (Q1 = April–June); a year alone ("in 2018") is the calendar year.
/// </summary>
public static partial class DueWindowReader
{
    // Invariant month names ("Sep", not ICU's en-GB "Sept") in British day-month-year order.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>The first due window named in <paramref name="question"/>, and where it was found so the rest can be read.</summary>
    public static bool TryRead(string question, DateOnly today, out DueWindow window, out Range found)
    {
        var text = question.ToLowerInvariant();
        var past = PastTense().IsMatch(text);
        foreach (var (pattern, build) in Readers)
        {
            var match = pattern.Match(text);
            if (!match.Success) continue;
            if (build(match, today, past) is not { } built) continue;
            window = built with { IncludesFinished = built.From is not null && (past || (!AsksWhatIsStillDue().IsMatch(text) && NamesMilestonesByDate().IsMatch(text))) };
            found = new Range(match.Index, match.Index + match.Length);
            return true;
        }
        window = null!;
        found = default;
        return false;
    }

    /// <summary>
    /// "coming up" / "upcoming" with no window named: for a person ("what have I got coming up?") everything of theirs
    /// still to come, however far off, as blind writers read it (4 of 4); for the plan as a whole the next 2 weeks.
    /// </summary>
    public static DueWindow ComingUp(DateOnly today, bool forPerson) => forPerson
        ? new DueWindow(today, DateOnly.MaxValue, $"due from {today.ToString("d MMM yyyy", English)} on")
        : new DueWindow(today, today.AddDays(14), $"due in the next 2 weeks ({Span(today, today.AddDays(14))})");

    private static readonly (Regex Pattern, Func<Match, DateOnly, bool, DueWindow?> Build)[] Readers =
    [
        (Between(), (m, today, past) => BetweenWindow(today, m, past)),
        (ByEndOfRelative(), (m, today, _) => ByEndOfRelativeWindow(today, m)),
        (ByChristmas(), (m, today, _) => ByChristmasWindow(today, m)),
        (NextDays(), (m, today, _) => Within(today, Count(m) * (m.Groups["unit"].Value.StartsWith('w') ? 7 : 1), m.Groups["unit"].Value)),
        (WithinDays(), (m, today, _) => Within(today, Count(m) * (m.Groups["unit"].Value.StartsWith('w') ? 7 : 1), m.Groups["unit"].Value)),
        (Fortnight(), (_, today, _) => Within(today, 14, "weeks")),
        (NextMonths(), (m, today, _) => Months(today, Count(m))),
        (RelativeWeek(), (m, today, _) => Week(today, m.Groups["which"].Value)),
        (RelativeMonth(), (m, today, _) => Month(today, m.Groups["which"].Value)),
        (RelativeQuarter(), (m, today, _) => Quarter(today, m.Groups["which"].Value)),
        (NamedQuarter(), (m, today, _) => NamedQuarterWindow(today, int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture), m.Groups["fy"].Value, m.Groups["rel"].Value)),
        (ByDate(), (m, today, past) => ByDateWindow(today, m, past)),
        (ByEndOfMonth(), (m, today, past) => ByEndOfMonthWindow(today, m, past)),
        (DueEndOfMonth(), (m, today, past) => InMonthWindow(today, m, past)),
        (AfterMonth(), (m, today, past) => AfterMonthWindow(today, m, past)),
        (InMonth(), (m, today, past) => InMonthWindow(today, m, past)),
        (InFinancialYear(), (m, today, _) => FinancialYearWindow(today, m)),
        (InYear(), (m, _, _) => YearWindow(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture))),
        (Day(), (m, today, _) => m.Groups["day"].Value switch
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

    private static DueWindow? NamedQuarterWindow(DateOnly today, int quarter, string financialYear, string relative)
    {
        if (quarter is < 1 or > 4) return null;
        // "Q1 25/26": a year pair of two digits each is a financial year too.
        var startYear = financialYear.Length > 0
            ? FinancialYear.FindInText(financialYear) ?? FinancialYear.FindInText("FY" + financialYear.Replace(" ", "", StringComparison.Ordinal)) ?? FinancialYear.StartYearOf(today)
            : FinancialYear.StartYearOf(today);
        // "Q1 of the new financial year": the year after today's.
        if (relative is "new" or "next") startYear = FinancialYear.StartYearOf(today) + 1;
        return QuarterWindow(startYear, quarter);
    }

    private static DueWindow? BetweenWindow(DateOnly today, Match m, bool past)
    {
        var to = m.Groups["tomonth"].Success
            ? MonthNumber(m.Groups["tomonth"].Value) is { } month ? EndOfMonth(MonthYear(today, m.Groups["toyear"], month, past), month) : (DateOnly?)null
            : m.Groups["tounit"].Value is { Length: > 0 } unit ? EndOf(today, unit, m.Groups["towhich"].Value) : null;
        if (to is not { } end) return null;
        DateOnly from;
        if (m.Groups["frommonth"].Success)
        {
            if (MonthNumber(m.Groups["frommonth"].Value) is not { } fromMonth) return null;
            // "between October and December 2025": the year named last covers both months.
            var year = m.Groups["toyear"].Success ? end.Year - (fromMonth > end.Month ? 1 : 0) : MonthYear(today, m.Groups["fromyear"], fromMonth, past);
            from = new DateOnly(year, fromMonth, 1);
        }
        else from = today;
        if (from > end) return null;
        return new DueWindow(from, end, $"due between {from.ToString("d MMM yyyy", English)} and {end.ToString("d MMM yyyy", English)}");
    }

    private static DueWindow? ByEndOfRelativeWindow(DateOnly today, Match m) =>
        EndOf(today, m.Groups["unit"].Value, m.Groups["which"].Value) is { } end
            ? new DueWindow(null, end, $"due by the end of {(m.Groups["which"].Value == "next" ? "next" : "this")} {m.Groups["unit"].Value} ({end.ToString("d MMM yyyy", English)})")
            : null;

    /// <summary>The last day of this or next week, month, quarter (financial), calendar year or financial year.</summary>
    private static DateOnly? EndOf(DateOnly today, string unit, string which)
    {
        var next = which == "next";
        switch (unit)
        {
            case "week":
                return today.AddDays(6 - (((int)today.DayOfWeek + 6) % 7) + (next ? 7 : 0));
            case "month":
                var month = new DateOnly(today.Year, today.Month, 1).AddMonths(next ? 1 : 0);
                return month.AddMonths(1).AddDays(-1);
            case "quarter":
                return Quarter(today, next ? "next" : "this").To;
            case "year":
                return new DateOnly(today.Year + (next ? 1 : 0), 12, 31);
            case "financial year":
                return FinancialYear.Year(FinancialYear.StartYearOf(today) + (next ? 1 : 0)).End;
            default:
                return null;
        }
    }

    private static DueWindow ByChristmasWindow(DateOnly today, Match m)
    {
        var christmas = new DateOnly(today.Month == 12 && today.Day > 25 ? today.Year + 1 : today.Year, 12, 25);
        var to = m.Groups["word"].Value == "before" ? christmas.AddDays(-1) : christmas;
        return new DueWindow(null, to, $"due {m.Groups["word"].Value} Christmas ({christmas.ToString("d MMM yyyy", English)})");
    }

    private static DueWindow? FinancialYearWindow(DateOnly today, Match m)
    {
        int startYear;
        if (m.Groups["fy"].Success)
        {
            if (FinancialYear.FindInText("FY" + m.Groups["fy"].Value.Replace(" ", "", StringComparison.Ordinal)) is not { } named) return null;
            startYear = named;
        }
        else startYear = FinancialYear.StartYearOf(today) + (m.Groups["which"].Value is "next" or "new" ? 1 : m.Groups["which"].Value is "last" or "previous" ? -1 : 0);
        var (start, end) = FinancialYear.Year(startYear);
        return new DueWindow(start, end, $"due in {FinancialYear.Label(startYear)} ({Span(start, end)})");
    }

    private static DueWindow? YearWindow(int year) =>
        year is < 2000 or > 2099 ? null : new DueWindow(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"due in {year}");

    private static DateOnly EndOfMonth(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);

    private static int MonthYear(DateOnly today, Group year, int month, bool past) => year.Success ? FullYear(year.Value) : NearestYear(today, month, past);

    private static DueWindow QuarterWindow(int startYear, int quarter)
    {
        var (start, end) = FinancialYear.Quarter(startYear, quarter);
        return new DueWindow(start, end, $"due in Q{quarter} {FinancialYear.Label(startYear)} ({Span(start, end)})");
    }

    private static DueWindow? ByDateWindow(DateOnly today, Match m, bool past)
    {
        if (MonthNumber(m.Groups["month"].Value) is not { } month) return null;
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = m.Groups["year"].Success ? FullYear(m.Groups["year"].Value) : NearestYear(today, month, past);
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        var date = new DateOnly(year, month, day);
        // "before 31 Jan" leaves the day out; "by 31 Jan" keeps it.
        var to = m.Groups["word"].Value == "before" ? date.AddDays(-1) : date;
        return new DueWindow(null, to, $"due {m.Groups["word"].Value} {date.ToString("d MMM yyyy", English)}");
    }

    private static DueWindow? ByEndOfMonthWindow(DateOnly today, Match m, bool past)
    {
        if (MonthNumber(m.Groups["month"].Value) is not { } month) return null;
        var year = m.Groups["year"].Success ? FullYear(m.Groups["year"].Value) : NearestYear(today, month, past);
        var end = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        return new DueWindow(null, end, $"due by the end of {end.ToString("MMMM yyyy", English)}");
    }

    private static DueWindow? AfterMonthWindow(DateOnly today, Match m, bool past)
    {
        if (MonthNumber(m.Groups["month"].Value) is not { } month) return null;
        var year = m.Groups["year"].Success ? FullYear(m.Groups["year"].Value) : NearestYear(today, month, past);
        var from = new DateOnly(year, month, 1).AddMonths(1);
        return new DueWindow(from, DateOnly.MaxValue, $"due after {new DateOnly(year, month, 1).ToString("MMMM yyyy", English)}");
    }

    private static DueWindow? InMonthWindow(DateOnly today, Match m, bool past)
    {
        if (MonthNumber(m.Groups["month"].Value) is not { } month) return null;
        var year = m.Groups["year"].Success ? FullYear(m.Groups["year"].Value) : NearestYear(today, month, past);
        return MonthWindow(new DateOnly(year, month, 1));
    }

    private static DueWindow Single(DateOnly day, string name) => new(day, day, $"due {name} ({day.ToString("d MMM yyyy", English)})");

    /// <summary>
    /// The calendar year of the <paramref name="month"/> nearest today: March asked in November 2017 is March 2018,
    /// September asked in January 2020 is September 2019. Six months either way is the one in today's financial year.
    /// Asked in the past tense ("what was done in June"), it is the latest such month up to this one.
    /// (July asked in January is six months either way: the July of 2019/20.)
    /// </summary>
    private static int NearestYear(DateOnly today, int month, bool past)
    {
        if (past) return month <= today.Month ? today.Year : today.Year - 1;
        var now = today.Year * 12 + today.Month;
        var best = today.Year;
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            var distance = Math.Abs(year * 12 + month - now);
            var bestDistance = Math.Abs(best * 12 + month - now);
            if (distance < bestDistance || (distance == bestDistance && year == YearInFinancialYear(today, month))) best = year;
        }
        return best;
    }

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

    [GeneratedRegex(@"\b(?:q|quarter\s*)(?<q>[1-4])\b(?:\s*(?:of\s+)?(?<fy>(?:fy\s*)?(?:20)?\d\d\s*[/-]\s*\d{2,4})|\s+(?:of\s+)?(?:the\s+)?(?<rel>new|next|this|current)\s+(?:financial\s+)?year)?")]
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

    // "what's due in March", "anything due this week", "what have I got due": the work still to do in the window.
    [GeneratedRegex(@"\b(?:what'?s|whats|what\s+is|anything|got|have)\b.*\bdue\b")]
    private static partial Regex AsksWhatIsStillDue();

    // "which actions have a target date in March", "how many fall due in Q4", "Q4 actions": milestones picked by their date.
    [GeneratedRegex(@"\b(?:how\s+many|number\s+of|milestones?|actions?|items?|tasks?|deliverables?|commitments?|tickets?|kdms?|target\s+dates?|deadlines?|by-?when|falls?\s+due|runs?\s+out)\b")]
    private static partial Regex NamesMilestonesByDate();

    // Asking what happened: "was", "were", "did", "got done".
    [GeneratedRegex(@"\b(?:was|were|did|had|got\s+done)\b")]
    private static partial Regex PastTense();

    // "between now and the end of June", "between now and end of the month", "between October and December".
    [GeneratedRegex(@"\b(?:between|from)\s+(?:(?:now|today)|" + FromMonth + @"(?:\s+(?<fromyear>20\d\d))?)\s+(?:and|to|until|till)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:(?<towhich>this|next)\s+)?(?:(?<tounit>week|month|quarter|financial\s+year|year)\b|" + ToMonth + @"\b(?:\s+(?<toyear>20\d\d))?)")]
    private static partial Regex Between();

    [GeneratedRegex(@"\b(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?<which>this|next|current)?\s*(?<unit>week|month|quarter|financial\s+year|year)\b")]
    private static partial Regex ByEndOfRelative();

    [GeneratedRegex(@"\b(?<word>by|before)\s+(?:xmas|christmas)\b")]
    private static partial Regex ByChristmas();

    [GeneratedRegex(@"\b(?:in|during|for|due|of)\s+(?:the\s+)?(?:(?:fy\s*|financial\s+year\s+)(?<fy>(?:20)?\d\d\s*[/-]\s*\d{2,4})|(?<fy>20\d\d\s*[/-]\s*\d{2,4})|(?<which>this|next|new|last|previous|current)\s+financial\s+year)\b")]
    private static partial Regex InFinancialYear();

    [GeneratedRegex(@"\b(?:in|during|for|due|of|throughout)\s+(?:the\s+(?:calendar\s+)?year\s+)?(?<year>20\d\d)\b(?!\s*[/-]\s*\d)")]
    private static partial Regex InYear();

    private const string FromMonth =
        "(?<frommonth>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private const string ToMonth =
        "(?<tomonth>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    [GeneratedRegex(@"\b(?<day>today|tomorrow|yesterday)\b")]
    private static partial Regex Day();
}
