namespace PlanBot.Core.Tests.Dates;

using System.Globalization;
using PlanBot.Core.Dates;

public class FinancialYearTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2019-04-01", 2019)]
    [InlineData("2019-12-31", 2019)]
    [InlineData("2020-01-01", 2019)]
    [InlineData("2020-03-31", 2019)]
    [InlineData("2019-03-31", 2018)]
    public void Financial_year_starts_on_the_first_of_april(string date, int startYear)
    {
        Assert.Equal(startYear, FinancialYear.StartYearOf(Day(date)));
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 1)]
    [InlineData(7, 2)]
    [InlineData(9, 2)]
    [InlineData(10, 3)]
    [InlineData(12, 3)]
    [InlineData(1, 4)]
    [InlineData(2, 4)]
    [InlineData(3, 4)]
    public void Quarter_one_is_april_to_june(int month, int quarter)
    {
        Assert.Equal(quarter, FinancialYear.QuarterOf(new DateOnly(2019, month, 15)));
    }

    [Theory]
    [InlineData(2017, 1, "2017-04-01", "2017-06-30")]
    [InlineData(2017, 2, "2017-07-01", "2017-09-30")]
    [InlineData(2017, 3, "2017-10-01", "2017-12-31")]
    [InlineData(2017, 4, "2018-01-01", "2018-03-31")]
    [InlineData(2019, 4, "2020-01-01", "2020-03-31")]
    public void Quarter_four_is_january_to_march_of_the_next_calendar_year(int startYear, int quarter, string start, string end)
    {
        Assert.Equal((Day(start), Day(end)), FinancialYear.Quarter(startYear, quarter));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void There_are_only_four_quarters(int quarter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FinancialYear.Quarter(2019, quarter));
    }

    [Fact]
    public void Year_runs_from_april_to_march()
    {
        Assert.Equal((Day("2019-04-01"), Day("2020-03-31")), FinancialYear.Year(2019));
    }

    [Theory]
    [InlineData(2019, "2019/20")]
    [InlineData(2009, "2009/10")]
    [InlineData(1999, "1999/00")]
    public void Label_names_the_year_as_trackers_write_it(int startYear, string label)
    {
        Assert.Equal(label, FinancialYear.Label(startYear));
    }

    [Theory]
    [InlineData("2019/2020 Operational Delivery Key Milestones (ODKM) - Version 5 - For GB January 2020", 2019)]
    [InlineData("Improvement and Delivery Plan 2018-2019 – Month 10 Update", 2018)]
    [InlineData("Southend CCG Improvement Delivery Plan 2018/19", 2018)]
    [InlineData("# Southend CCG Improvement Delivery Plan 2018/19", 2018)]
    [InlineData("FY2019/20", 2019)]
    [InlineData("QIPP programme FY18/19", 2018)]
    [InlineData("Plan 2019-20", 2019)]
    [InlineData("Plan 2019 / 20", 2019)]
    [InlineData("Target Risk Score 2018/19 -", 2018)]
    [InlineData("Bed model 2019 - 2021, refreshed for 2020/21", 2020)]
    public void Financial_year_is_found_in_a_plan_title(string title, int startYear)
    {
        Assert.Equal(startYear, FinancialYear.FindInText(title));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Consolidated Performance Management Report November 2017")]
    [InlineData("System bed capacity and demand model complete 2019 - 2021")]
    [InlineData("Exception Report - January 2020")]
    [InlineData("Revised date 2019-09-27")]
    [InlineData("Why is 18/19 going to be different")]
    [InlineData("Version 3.16")]
    public void Text_without_a_financial_year_gives_none(string? title)
    {
        Assert.Null(FinancialYear.FindInText(title));
    }
}
