using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Core.Time;

namespace PlanBot.Core.Reminders;

/// <summary>
/// Reads an owner's "remind me …" or "snooze …" reply into the instant to remind them again: 09:00 London time
/// (or <c>sendAt</c>) on the day they name, moved on to the next working day when that day is a weekend or bank
/// holiday. The day must be in the future and at most <see cref="MaxDaysAhead"/> calendar days after today (the
/// move to a working day may add a few more).
/// <list type="bullet">
/// <item>"remind me tomorrow", "remind me today" (only before 09:00)</item>
/// <item>"remind me Monday" / "on Mon": the next Monday after today (said on a Monday, the one a week later);
/// "next Friday": Friday of next week (weeks run Monday to Sunday); "this Friday": Friday of this week</item>
/// <item>"remind me next week": Monday of next week</item>
/// <item>"remind me in 3 days", "snooze for two days": working days; "in 2 weeks": calendar weeks</item>
/// <item>"snooze until 3 Feb", "remind me on 3rd February 2020", "until Feb 3", "until 3/2": day and month in British
/// order; without a year, this year's date unless it has passed, then next year's</item>
/// </list>
/// </summary>
public static partial class SnoozeReader
{
    public const int MaxDaysAhead = 30;
    public static readonly TimeOnly DefaultSendAt = new(9, 0);

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    private const string Examples = "try “remind me Monday”, “remind me tomorrow”, “remind me next week”, “remind me in 3 days” or “snooze until 3 Feb”";

    public static bool TryRead(string text, DateTimeOffset now, WorkingCalendar calendar, out DateTimeOffset until) =>
        TryRead(text, now, calendar, DefaultSendAt, out until, out _);

    /// <summary>
    /// As the short overload; when it returns false, <paramref name="problem"/> is null if the text is not a snooze
    /// request at all (let another reader have it) and otherwise a sentence to show the owner.
    /// </summary>
    public static bool TryRead(string text, DateTimeOffset now, WorkingCalendar calendar, TimeOnly sendAt, out DateTimeOffset until, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        until = default;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return false;

        var request = Request().Match(Normalise(text));
        if (!request.Success) return false;
        var when = request.Groups["when"].Value;
        if (when.Length == 0)
        {
            problem = $"When should I remind you? {Capitalise(Examples)}.";
            return false;
        }

        var today = LondonTime.DateOf(now);
        if (!TryReadDay(when, today, calendar, out var day, out problem))
        {
            problem ??= $"I couldn't tell when “{when}” is; {Examples}.";
            return false;
        }

        if (day > today.AddDays(MaxDaysAhead))
        {
            problem = $"{WeekDay(day)} is more than {MaxDaysAhead} days ahead; the latest I can snooze to is {WeekDay(today.AddDays(MaxDaysAhead))}.";
            return false;
        }
        if (day >= calendar.LastDate)
        {
            problem = $"{WeekDay(day)} is beyond the working-day calendar.";
            return false;
        }
        var workingDay = calendar.NextWorkingDayOnOrAfter(day);
        var instant = LondonTime.At(workingDay, sendAt);
        if (instant <= now)
        {
            problem = day < today
                ? $"{WeekDay(day)} has passed; pick a day in the next {MaxDaysAhead} days."
                : $"{sendAt.ToString("HH:mm", English)} on {WeekDay(workingDay)} has already passed; pick a later day.";
            return false;
        }
        until = instant;
        return true;
    }

    private static bool TryReadDay(string when, DateOnly today, WorkingCalendar calendar, out DateOnly day, out string? problem)
    {
        day = default;
        problem = null;
        switch (when)
        {
            case "today":
                day = today;
                return true;
            case "tomorrow":
                day = today.AddDays(1);
                return true;
            case "next week":
                day = MondayOf(today).AddDays(7);
                return true;
        }

        if (WeekdayPattern().Match(when) is { Success: true } weekday)
        {
            var target = DayOfWeekFrom(weekday.Groups["day"].Value);
            var offset = ((int)target - (int)DayOfWeek.Monday + 7) % 7; // days after Monday
            switch (weekday.Groups["which"].Value)
            {
                case "next":
                    day = MondayOf(today).AddDays(7 + offset);
                    return true;
                case "this":
                    day = MondayOf(today).AddDays(offset);
                    if (day > today) return true;
                    problem = $"{WeekDay(day)} has passed; pick a day in the next {MaxDaysAhead} days.";
                    return false;
                default:
                    var ahead = ((int)target - (int)today.DayOfWeek + 7) % 7;
                    day = today.AddDays(ahead == 0 ? 7 : ahead);
                    return true;
            }
        }

        if (DurationPattern().Match(when) is { Success: true } duration)
        {
            if (!TryCount(duration.Groups["n"].Value, out var n) || n < 1)
            {
                return false;
            }
            if (duration.Groups["unit"].Value.StartsWith('w'))
            {
                if (n > 52) return TooFar(today, out problem);
                day = today.AddDays(7 * n);
                return true;
            }
            if (n > 260) return TooFar(today, out problem);
            day = calendar.AddWorkingDays(today, n);
            return true;
        }

        if (DayMonthPattern().Match(when) is { Success: true } dayMonth)
        {
            return TryDate(today, dayMonth.Groups["d"].Value, Month(dayMonth.Groups["m"].Value), dayMonth.Groups["y"].Value, out day, out problem);
        }
        if (MonthDayPattern().Match(when) is { Success: true } monthDay)
        {
            return TryDate(today, monthDay.Groups["d"].Value, Month(monthDay.Groups["m"].Value), monthDay.Groups["y"].Value, out day, out problem);
        }
        if (NumericDatePattern().Match(when) is { Success: true } numeric)
        {
            return TryDate(today, numeric.Groups["d"].Value, int.Parse(numeric.Groups["m"].Value, English), numeric.Groups["y"].Value, out day, out problem);
        }
        return false;
    }

    private static bool TooFar(DateOnly today, out string? problem)
    {
        problem = $"That is more than {MaxDaysAhead} days ahead; the latest I can snooze to is {WeekDay(today.AddDays(MaxDaysAhead))}.";
        return false;
    }

    private static bool TryDate(DateOnly today, string dayText, int month, string yearText, out DateOnly day, out string? problem)
    {
        day = default;
        problem = null;
        var dayOfMonth = int.Parse(dayText, English);
        var monthName = month is >= 1 and <= 12 ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month) : null;
        if (monthName is null)
        {
            problem = $"{dayText}/{month} is not a date (day first, then month, as in 3/2 for 3 Feb).";
            return false;
        }

        int year;
        if (yearText.Length > 0)
        {
            year = int.Parse(yearText, English);
            if (year < 100) year += 2000;
        }
        else
        {
            year = today.Year;
            // "3 Jan" said in late December means next January; said in March, it means a date that has passed.
            if (dayOfMonth <= DateTime.DaysInMonth(year, month)
                && new DateOnly(year, month, dayOfMonth) is var thisYear && thisYear < today
                && thisYear.AddYears(1) <= today.AddDays(MaxDaysAhead))
            {
                year++;
            }
        }
        if (year is < 1 or > 9999 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            problem = $"{dayOfMonth} {monthName}{(yearText.Length > 0 ? " " + yearText : "")} is not a date.";
            return false;
        }
        day = new DateOnly(year, month, dayOfMonth);
        if (day < today)
        {
            problem = $"{WeekDay(day)} has passed; pick a day in the next {MaxDaysAhead} days.";
            return false;
        }
        return true;
    }

    private static string Normalise(string text)
    {
        var lower = Whitespace().Replace(text.Trim().ToLowerInvariant(), " ");
        return lower.Replace('’', '\'').TrimEnd('.', '!', '?', ' ');
    }

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));

    private static DayOfWeek DayOfWeekFrom(string name) => name[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static int Month(string name) => name[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    private static bool TryCount(string text, out int n)
    {
        n = text switch
        {
            "a" or "an" or "one" => 1,
            "two" or "a couple of" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            _ => -1,
        };
        return n > 0 || int.TryParse(text, NumberStyles.None, English, out n);
    }

    private static string WeekDay(DateOnly date) => date.ToString("ddd d MMM yyyy", English);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // "please remind me on Monday, thanks" → when = "monday"; "snooze" alone → when = "".
    [GeneratedRegex(@"^(?:(?:please|ok|okay|pls),? )?(?:remind me|snooze(?: (?:this reminder|the reminder|reminder|this|it))?)(?: again)?(?:(?: (?:until|till|til|'til|to|on|for|in))? (?<when>.+?))?(?:,? (?:please|pls|thanks|thank you|ta))?$")]
    private static partial Regex Request();

    [GeneratedRegex(@"^(?:(?<which>next|this) )?(?<day>mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)(?: morning)?$")]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"^(?<n>\d{1,3}|a|an|a couple of|one|two|three|four|five|six|seven|eight|nine|ten) (?:(?:working|business|work) )?(?<unit>days?|weeks?)(?:(?:'s|') time| time)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?(?: of)? (?<m>jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)(?:,? (?<y>\d{4}))?$")]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"^(?<m>jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december) (?<d>\d{1,2})(?:st|nd|rd|th)?(?:,? (?<y>\d{4}))?$")]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})/(?<m>\d{1,2})(?:/(?<y>\d{2}|\d{4}))?$")]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
