using System.Globalization;
using PlanBot.Core.Time;

namespace PlanBot.Core.Tests.Time;

public class BankHolidayTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // https://www.gov.uk/bank-holidays, England and Wales, as published.
    public static TheoryData<int, string[]> GovUkLists => new()
    {
        { 2019, ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
    };

    [Theory]
    [MemberData(nameof(GovUkLists))]
    public void Bank_holidays_match_the_gov_uk_list(int year, string[] expected)
    {
        var computed = EnglandAndWalesBankHolidays.For(year).Select(h => h.Date).ToArray();

        Assert.Equal(expected.Select(Day).ToArray(), computed);
    }

    [Theory]
    [MemberData(nameof(GovUkLists))]
    public void Every_listed_bank_holiday_is_not_a_working_day_and_every_other_weekday_is(int year, string[] expected)
    {
        var calendar = WorkingCalendar.EnglandAndWales;
        var holidays = expected.Select(Day).ToHashSet();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var weekday = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            Assert.True(calendar.IsWorkingDay(date) == (weekday && !holidays.Contains(date)), $"{date:yyyy-MM-dd} ({date.DayOfWeek})");
        }
    }

    [Fact]
    public void Substitute_days_are_named_as_gov_uk_names_them()
    {
        var christmas2022 = EnglandAndWalesBankHolidays.For(2022).Where(h => h.Date.Month == 12).ToArray();

        Assert.Equal(("Boxing Day", ""), (christmas2022[0].Name, christmas2022[0].Note));
        Assert.Equal(("Christmas Day", "Substitute day"), (christmas2022[1].Name, christmas2022[1].Note));
        Assert.Equal("Early May bank holiday (VE day)", EnglandAndWalesBankHolidays.For(2020)[3].Name);
    }

    [Theory]
    [InlineData("1995-05-08", "Early May bank holiday (VE day)")]
    [InlineData("1999-12-31", "Millennium celebrations")]
    [InlineData("2000-01-03", "New Year’s Day")]
    [InlineData("2002-06-03", "Queen’s Golden Jubilee")]
    [InlineData("2002-06-04", "Spring bank holiday")]
    [InlineData("2011-04-29", "Royal wedding")]
    [InlineData("2012-06-04", "Spring bank holiday")]
    [InlineData("2012-06-05", "Queen’s Diamond Jubilee")]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]
    [InlineData("2022-06-02", "Spring bank holiday")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    public void One_off_bank_holidays_are_known(string date, string name)
    {
        Assert.Equal(name, WorkingCalendar.EnglandAndWales.BankHolidayOn(Day(date))?.Name);
        Assert.False(WorkingCalendar.EnglandAndWales.IsWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData("1995-05-01")] // the early May holiday moved to VE day
    [InlineData("2002-05-27")] // spring holiday moved to 4 June for the jubilee
    [InlineData("2012-05-28")]
    [InlineData("2020-05-04")] // early May moved to Friday 8 May
    [InlineData("2022-05-30")] // spring holiday moved to 2 June
    [InlineData("2045-05-08")] // VE day's centenary is a Monday but not (yet) a holiday
    public void Days_a_one_off_change_moved_a_holiday_away_from_are_working_days(string date)
    {
        Assert.True(WorkingCalendar.EnglandAndWales.IsWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData(1995, "1995-04-16")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2100, "2100-03-28")]
    public void Easter_sunday_follows_the_gregorian_computus(int year, string easter)
    {
        Assert.Equal(Day(easter), EnglandAndWalesBankHolidays.EasterSunday(year));
    }

    [Fact]
    public void Every_year_in_range_has_eight_rule_holidays_on_weekdays_and_no_duplicates()
    {
        for (var year = EnglandAndWalesBankHolidays.FirstYear; year <= EnglandAndWalesBankHolidays.LastYear; year++)
        {
            var holidays = EnglandAndWalesBankHolidays.For(year);
            Assert.InRange(holidays.Count, 8, 10);
            Assert.All(holidays, h => Assert.True(h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{h.Name} {h.Date:yyyy-MM-dd}"));
            Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(1994)]
    [InlineData(2101)]
    public void Years_outside_1995_to_2100_are_refused(int year)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWalesBankHolidays.For(year));
        Assert.Contains("1995–2100", error.Message);
    }
}
