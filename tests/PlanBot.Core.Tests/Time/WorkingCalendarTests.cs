using System.Globalization;
using PlanBot.Core.Time;

namespace PlanBot.Core.Tests.Time;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.EnglandAndWales;

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2020-01-31", 1, "2020-02-03")] // Friday + 1 = Monday
    [InlineData("2020-02-01", 1, "2020-02-03")] // Saturday + 1 = Monday
    [InlineData("2020-02-01", -1, "2020-01-31")] // Saturday − 1 = Friday
    [InlineData("2020-01-31", 5, "2020-02-07")]
    [InlineData("2020-01-31", -14, "2020-01-13")]
    [InlineData("2020-04-09", 1, "2020-04-14")] // over Good Friday and Easter Monday
    [InlineData("2020-04-14", -1, "2020-04-09")]
    [InlineData("2020-12-24", 1, "2020-12-29")] // over Christmas and the Boxing Day substitute
    [InlineData("2020-12-24", 5, "2021-01-05")] // ... and New Year's Day
    [InlineData("2021-12-24", 1, "2021-12-29")] // both substitutes in 2021
    [InlineData("2020-01-20", 0, "2020-01-20")]
    [InlineData("2020-01-19", 0, "2020-01-19")] // zero leaves even a Sunday alone
    [InlineData("2020-01-20", 253, "2021-01-19")]
    public void Working_days_are_added_skipping_weekends_and_bank_holidays(string from, int days, string expected)
    {
        Assert.Equal(Day(expected), Calendar.AddWorkingDays(Day(from), days));
    }

    [Theory]
    [InlineData("2020-01-27", "2020-01-31", 4)]
    [InlineData("2020-01-31", "2020-02-03", 1)]
    [InlineData("2020-01-31", "2020-01-31", 0)]
    [InlineData("2020-02-01", "2020-02-02", 0)]
    [InlineData("2020-01-31", "2020-01-27", -4)]
    [InlineData("2020-04-09", "2020-04-14", 1)]
    [InlineData("2019-12-31", "2020-12-31", 254)] // 262 weekdays in 2020, 8 of them bank holidays
    public void Working_days_between_count_the_days_after_the_first_up_to_and_including_the_second(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(Day(from), Day(to)));
    }

    [Theory]
    [InlineData("2020-04-10", "2020-04-14", "2020-04-09")] // Good Friday
    [InlineData("2020-04-13", "2020-04-14", "2020-04-09")] // Easter Monday
    [InlineData("2020-12-26", "2020-12-29", "2020-12-24")]
    [InlineData("2020-01-20", "2020-01-20", "2020-01-20")]
    public void Next_and_previous_working_days_step_over_closed_days(string date, string next, string previous)
    {
        Assert.Equal(Day(next), Calendar.NextWorkingDayOnOrAfter(Day(date)));
        Assert.Equal(Day(previous), Calendar.PreviousWorkingDayOnOrBefore(Day(date)));
    }

    [Fact]
    public void Calendar_arithmetic_agrees_with_counting_day_by_day()
    {
        var random = new Random(20200120);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var start = Day("1996-01-01").AddDays(random.Next(0, 37_000));
            var days = random.Next(-300, 301);

            var stepped = start;
            for (var left = Math.Abs(days); left > 0;)
            {
                stepped = stepped.AddDays(Math.Sign(days));
                if (IsWorkingByRule(stepped)) left--;
            }
            Assert.Equal(stepped, Calendar.AddWorkingDays(start, days));

            var end = start.AddDays(random.Next(-400, 401));
            var counted = 0;
            for (var d = (end > start ? start : end).AddDays(1); d <= (end > start ? end : start); d = d.AddDays(1))
            {
                if (IsWorkingByRule(d)) counted++;
            }
            Assert.Equal(end >= start ? counted : -counted, Calendar.WorkingDaysBetween(start, end));
        }
    }

    [Fact]
    public void Adding_the_working_days_between_two_working_days_gets_from_one_to_the_other()
    {
        var a = Day("2020-03-02");
        var b = Day("2020-06-15");
        Assert.Equal(b, Calendar.AddWorkingDays(a, Calendar.WorkingDaysBetween(a, b)));
        Assert.Equal(a, Calendar.AddWorkingDays(b, Calendar.WorkingDaysBetween(b, a)));
    }

    [Theory]
    [InlineData("1994-12-31")]
    [InlineData("2101-01-01")]
    public void Dates_outside_the_calendar_are_refused_with_the_range(string date)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(Day(date)));
        Assert.Contains("1995-01-01 to 2100-12-31", error.Message);
    }

    [Fact]
    public void Arithmetic_that_would_leave_the_calendar_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Day("2100-12-20"), 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Day("1995-01-05"), -5));
        Assert.Equal(Day("2100-12-31"), Calendar.AddWorkingDays(Day("2100-12-30"), 1));
    }

    private static bool IsWorkingByRule(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && EnglandAndWalesBankHolidays.For(date.Year).All(h => h.Date != date);
}
