using System.Globalization;
using PlanBot.Core.Time;

namespace PlanBot.Core.Tests.Time;

public class LondonTimeTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2020-01-31", "2020-01-31T09:00:00Z")] // GMT
    [InlineData("2020-03-27", "2020-03-27T09:00:00Z")] // Friday before the clocks go forward
    [InlineData("2020-03-30", "2020-03-30T08:00:00Z")] // Monday after: BST
    [InlineData("2020-10-23", "2020-10-23T08:00:00Z")] // Friday before the clocks go back
    [InlineData("2020-10-26", "2020-10-26T09:00:00Z")] // Monday after: GMT
    public void Nine_in_london_is_nine_utc_in_winter_and_eight_utc_in_summer(string date, string utc)
    {
        Assert.Equal(Utc(utc), LondonTime.At(Day(date), new TimeOnly(9, 0)));
    }

    [Fact]
    public void A_time_the_clocks_skip_is_read_as_the_same_moment_after_the_change()
    {
        Assert.Equal(Utc("2020-03-29T01:30:00Z"), LondonTime.At(Day("2020-03-29"), new TimeOnly(1, 30)));
    }

    [Fact]
    public void A_time_that_happens_twice_is_the_first_one_in_summer_time()
    {
        Assert.Equal(Utc("2020-10-25T00:30:00Z"), LondonTime.At(Day("2020-10-25"), new TimeOnly(1, 30)));
    }

    [Theory]
    [InlineData("2020-06-30T23:30:00Z", "2020-07-01")]
    [InlineData("2020-12-31T23:30:00Z", "2020-12-31")]
    public void The_london_date_of_an_instant_follows_london_midnight(string utc, string date)
    {
        Assert.Equal(Day(date), LondonTime.DateOf(Utc(utc)));
    }

    [Fact]
    public void Conversions_agree_with_the_system_time_zone_data_for_every_year_covered()
    {
        var random = new Random(1995);
        var zone = LondonTime.Zone;
        for (var year = 1995; year <= 2100; year++)
        {
            // Every hour around both of the year's clock changes, and a spread of instants across the year.
            var instants = new List<DateTimeOffset>();
            foreach (var month in new[] { 3, 10 })
            {
                var lastSunday = new DateTimeOffset(year, month, 31, 0, 0, 0, TimeSpan.Zero);
                while (lastSunday.DayOfWeek != DayOfWeek.Sunday) lastSunday = lastSunday.AddDays(-1);
                for (var minutes = -36 * 60; minutes <= 36 * 60; minutes += 30) instants.Add(lastSunday.AddMinutes(minutes));
            }
            for (var i = 0; i < 50; i++) instants.Add(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.NextDouble() * 365 * 86_400));

            foreach (var instant in instants)
            {
                var expected = TimeZoneInfo.ConvertTime(instant, zone);
                Assert.Equal(expected.Offset, LondonTime.ToLondon(instant).Offset);
                Assert.Equal(expected.DateTime, LondonTime.ToLondon(instant).DateTime);

                var local = DateOnly.FromDateTime(expected.DateTime);
                var time = TimeOnly.FromDateTime(expected.DateTime);
                if (!zone.IsAmbiguousTime(expected.DateTime)) Assert.Equal(instant, LondonTime.At(local, time));
            }
        }
    }

    [Fact]
    public void Years_beyond_the_table_still_convert()
    {
        Assert.Equal(Utc("2150-07-01T08:00:00Z"), LondonTime.At(Day("2150-07-01"), new TimeOnly(9, 0)));
        Assert.Equal(TimeSpan.FromHours(1), LondonTime.OffsetAt(Utc("2150-07-01T08:00:00Z")));
    }
}
