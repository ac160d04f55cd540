using System.Globalization;

namespace PlanBot.Core.Time;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays, for 1995-01-01 to 2100-12-31 (or other
/// weekdays, through <see cref="EnglandAndWalesOn"/>, for an organisation that works a different week).
/// The whole range (about 38,700 days) is laid out once as two arrays — working days counted before each day, and each
/// working day's position — so every method is a couple of array reads, whatever the distance.
/// Dates outside the range are refused with <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public sealed class WorkingCalendar
{
    private const int MondayToFriday = 0b0111110; // bit n: DayOfWeek n works

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<WorkingCalendar>> Shared = new();

    private readonly int _firstDayNumber;
    private readonly int _firstYear;

    // _workingBefore[i]: working days strictly before day i (day 0 is FirstDate); one more entry than there are days.
    private readonly int[] _workingBefore;

    // _workingDays[k]: the day index of the k-th working day in the range.
    private readonly int[] _workingDays;
    private readonly IReadOnlyList<BankHoliday>[] _holidaysByYear;
    private readonly Dictionary<DateOnly, BankHoliday> _holidayOn;

    private WorkingCalendar(int firstYear, int lastYear, Func<int, IReadOnlyList<BankHoliday>> holidaysIn, int workingWeekdays)
    {
        FirstDate = new DateOnly(firstYear, 1, 1);
        LastDate = new DateOnly(lastYear, 12, 31);
        _firstYear = firstYear;
        _firstDayNumber = FirstDate.DayNumber;

        _holidaysByYear = new IReadOnlyList<BankHoliday>[lastYear - firstYear + 1];
        _holidayOn = [];
        for (var year = firstYear; year <= lastYear; year++)
        {
            var holidays = holidaysIn(year).ToArray();
            _holidaysByYear[year - firstYear] = Array.AsReadOnly(holidays);
            foreach (var holiday in holidays) _holidayOn[holiday.Date] = holiday;
        }

        var days = LastDate.DayNumber - _firstDayNumber + 1;
        _workingBefore = new int[days + 1];
        var working = new List<int>(days * 5 / 7);
        for (var i = 0; i < days; i++)
        {
            var date = DateOnly.FromDayNumber(_firstDayNumber + i);
            var isWorking = (workingWeekdays & (1 << (int)date.DayOfWeek)) != 0 && !_holidayOn.ContainsKey(date);
            if (isWorking) working.Add(i);
            _workingBefore[i + 1] = _workingBefore[i] + (isWorking ? 1 : 0);
        }
        _workingDays = [.. working];
    }

    /// <summary>England and Wales, built on first use and shared (it is immutable).</summary>
    public static WorkingCalendar EnglandAndWales => EnglandAndWalesOn(null);

    /// <summary>
    /// England and Wales' bank holidays on the given weekdays (Monday to Friday when null); each week shape is built
    /// once and shared. At least one weekday is needed.
    /// </summary>
    public static WorkingCalendar EnglandAndWalesOn(IReadOnlyCollection<DayOfWeek>? weekdays)
    {
        var mask = weekdays is null ? MondayToFriday : weekdays.Aggregate(0, (m, d) => m | (1 << (int)d));
        if (mask == 0) throw new ArgumentException("A working week needs at least one working day.", nameof(weekdays));
        return Shared.GetOrAdd(mask, m => new Lazy<WorkingCalendar>(() => new WorkingCalendar(
            EnglandAndWalesBankHolidays.FirstYear, EnglandAndWalesBankHolidays.LastYear, EnglandAndWalesBankHolidays.For, m))).Value;
    }

    public DateOnly FirstDate { get; }
    public DateOnly LastDate { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        var i = Index(date);
        return _workingBefore[i + 1] != _workingBefore[i];
    }

    /// <summary>The bank holiday on a date, or null (weekends are not bank holidays unless one is moved onto them).</summary>
    public BankHoliday? BankHolidayOn(DateOnly date)
    {
        Index(date);
        return _holidayOn.GetValueOrDefault(date);
    }

    public IReadOnlyList<BankHoliday> BankHolidaysIn(int year)
    {
        if (year < FirstDate.Year || year > LastDate.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The working-day calendar covers {FirstDate.Year}–{LastDate.Year} only.");
        }
        return _holidaysByYear[year - _firstYear];
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="date"/> (before it when negative); the date
    /// itself is never counted, working day or not. Zero returns the date unchanged.
    /// Friday + 1 = Monday; Saturday + 1 = Monday; Saturday − 1 = Friday.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        if (days == 0) return date;
        var i = Index(date);
        var k = days > 0 ? _workingBefore[i + 1] + days - 1 : _workingBefore[i] + days;
        if ((uint)k >= (uint)_workingDays.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days,
                $"{Iso(date)} {(days > 0 ? "+" : "−")} {Math.Abs(days)} working days falls outside the calendar ({Iso(FirstDate)} to {Iso(LastDate)}).");
        }
        return DateOnly.FromDayNumber(_firstDayNumber + _workingDays[k]);
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when
    /// <paramref name="to"/> is earlier. For working days, <c>AddWorkingDays(from, WorkingDaysBetween(from, to)) == to</c>.
    /// Monday to Friday of one week is 4; Friday to the next Monday is 1.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => _workingBefore[Index(to) + 1] - _workingBefore[Index(from) + 1];

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        var k = _workingBefore[Index(date)];
        if (k >= _workingDays.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"There is no working day on or after {Iso(date)} in the calendar (to {Iso(LastDate)}).");
        }
        return DateOnly.FromDayNumber(_firstDayNumber + _workingDays[k]);
    }

    public DateOnly PreviousWorkingDayOnOrBefore(DateOnly date)
    {
        var k = _workingBefore[Index(date) + 1] - 1;
        if (k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"There is no working day on or before {Iso(date)} in the calendar (from {Iso(FirstDate)}).");
        }
        return DateOnly.FromDayNumber(_firstDayNumber + _workingDays[k]);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private int Index(DateOnly date)
    {
        var i = date.DayNumber - _firstDayNumber;
        if ((uint)i >= (uint)(_workingBefore.Length - 1))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"{Iso(date)} is outside the working-day calendar, which covers {Iso(FirstDate)} to {Iso(LastDate)}.");
        }
        return i;
    }
}
