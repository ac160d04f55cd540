namespace PlanBot.Core.Time;

/// <summary>A bank holiday as gov.uk names it ("Spring bank holiday"); <see cref="Note"/> says "Substitute day" and the like.</summary>
public sealed record BankHoliday(DateOnly Date, string Name, string Note = "");

/// <summary>
/// England and Wales bank holidays for 1995–2100, computed by rule: New Year's Day, Good Friday, Easter Monday, the
/// early May (first Monday), spring (last Monday of May) and summer (last Monday of August) bank holidays, Christmas
/// Day and Boxing Day, with substitute weekdays when those fall at a weekend; plus the one-off changes proclaimed
/// since 1995. Dates proclaimed after this was written (a future coronation, jubilee or funeral) need adding here.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    public const int FirstYear = 1995;
    public const int LastYear = 2100;

    private const string Substitute = "Substitute day";

    public static IReadOnlyList<BankHoliday> For(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"England and Wales bank holidays are known for {FirstYear}–{LastYear} only.");
        }

        var days = new List<BankHoliday>(10);

        var newYear = new DateOnly(year, 1, 1);
        days.Add(newYear.DayOfWeek switch
        {
            DayOfWeek.Saturday => new BankHoliday(newYear.AddDays(2), "New Year’s Day", Substitute),
            DayOfWeek.Sunday => new BankHoliday(newYear.AddDays(1), "New Year’s Day", Substitute),
            _ => new BankHoliday(newYear, "New Year’s Day"),
        });

        var easter = EasterSunday(year);
        days.Add(new BankHoliday(easter.AddDays(-2), "Good Friday"));
        days.Add(new BankHoliday(easter.AddDays(1), "Easter Monday"));

        days.Add(year switch
        {
            1995 => new BankHoliday(new DateOnly(1995, 5, 8), "Early May bank holiday (VE day)"),
            2020 => new BankHoliday(new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)"),
            _ => new BankHoliday(FirstMonday(year, 5), "Early May bank holiday"),
        });
        if (year == 2011) days.Add(new BankHoliday(new DateOnly(2011, 4, 29), "Royal wedding"));
        if (year == 2023) days.Add(new BankHoliday(new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III"));

        switch (year)
        {
            case 2002:
                days.Add(new BankHoliday(new DateOnly(2002, 6, 3), "Queen’s Golden Jubilee"));
                days.Add(new BankHoliday(new DateOnly(2002, 6, 4), "Spring bank holiday"));
                break;
            case 2012:
                days.Add(new BankHoliday(new DateOnly(2012, 6, 4), "Spring bank holiday"));
                days.Add(new BankHoliday(new DateOnly(2012, 6, 5), "Queen’s Diamond Jubilee"));
                break;
            case 2022:
                days.Add(new BankHoliday(new DateOnly(2022, 6, 2), "Spring bank holiday"));
                days.Add(new BankHoliday(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"));
                break;
            default:
                days.Add(new BankHoliday(LastMonday(year, 5), "Spring bank holiday"));
                break;
        }

        days.Add(new BankHoliday(LastMonday(year, 8), "Summer bank holiday"));
        if (year == 2022) days.Add(new BankHoliday(new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"));

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday: // Boxing Day is a Saturday
                days.Add(new BankHoliday(christmas, "Christmas Day"));
                days.Add(new BankHoliday(christmas.AddDays(3), "Boxing Day", Substitute));
                break;
            case DayOfWeek.Saturday:
                days.Add(new BankHoliday(christmas.AddDays(2), "Christmas Day", Substitute));
                days.Add(new BankHoliday(christmas.AddDays(3), "Boxing Day", Substitute));
                break;
            case DayOfWeek.Sunday:
                days.Add(new BankHoliday(christmas.AddDays(1), "Boxing Day"));
                days.Add(new BankHoliday(christmas.AddDays(2), "Christmas Day", Substitute));
                break;
            default:
                days.Add(new BankHoliday(christmas, "Christmas Day"));
                days.Add(new BankHoliday(christmas.AddDays(1), "Boxing Day"));
                break;
        }

        if (year == 1999) days.Add(new BankHoliday(new DateOnly(1999, 12, 31), "Millennium celebrations"));

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm, also known as Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
