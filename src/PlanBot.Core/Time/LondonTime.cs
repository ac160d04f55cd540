namespace PlanBot.Core.Time;

/// <summary>
/// Wall-clock time in Europe/London, where plans are run and reminders are sent. Converts both ways between an instant
/// and a London date and time, across the GMT/BST changes.
/// <para>
/// For 1995–2100 the two clock changes of each year are read from the system's time zone data once, on first use, so
/// a conversion is a comparison with two instants rather than a <see cref="TimeZoneInfo"/> rule search (which costs
/// about a microsecond and the reminder sweep makes several per milestone). Other years go to <see cref="TimeZoneInfo"/>.
/// </para>
/// </summary>
public static class LondonTime
{
    private const int FirstYear = 1995;
    private const int LastYear = 2100;

    /// <summary>Europe/London (IANA id, or "GMT Standard Time" where only Windows ids exist).</summary>
    public static TimeZoneInfo Zone { get; } = Find();

    private static readonly Lazy<YearClocks[]> Years = new(ReadClockChanges);

    /// <summary>
    /// The instant a London wall-clock time happens. A time the clocks skip (01:00–01:59 on the last Sunday in March)
    /// is read as the same moment after the change; a time that happens twice (01:00–01:59 on the last Sunday in
    /// October) is the first of the two, in BST.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (date.Year is < FirstYear or > LastYear) return AtByRules(local);

        var year = Years.Value[date.Year - FirstYear];
        var localTicks = local.Ticks;
        var summerValid = year.IsSummer(localTicks - year.Summer.Ticks);
        var winterValid = !year.IsSummer(localTicks - year.Winter.Ticks);
        // Both: the repeated hour, read as the first (summer) one. Neither: the skipped hour, read in winter time.
        var offset = summerValid ? year.Summer : year.Winter;
        var instant = new DateTimeOffset(local, offset);
        return summerValid || winterValid ? instant : instant.ToOffset(year.Summer);
    }

    /// <summary>The instant shown in London time (offset +00:00 in winter, +01:00 in summer).</summary>
    public static DateTimeOffset ToLondon(DateTimeOffset instant) => instant.ToOffset(OffsetAt(instant));

    /// <summary>The London calendar date at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLondon(instant).DateTime);

    /// <summary>London's offset from UTC at an instant.</summary>
    public static TimeSpan OffsetAt(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        var yearNumber = new DateTime(utc, DateTimeKind.Utc).Year;
        if (yearNumber is < FirstYear or > LastYear) return Zone.GetUtcOffset(instant);
        var year = Years.Value[yearNumber - FirstYear];
        return year.IsSummer(utc) ? year.Summer : year.Winter;
    }

    private static DateTimeOffset AtByRules(DateTime local)
    {
        if (Zone.IsAmbiguousTime(local)) return new DateTimeOffset(local, Zone.GetAmbiguousTimeOffsets(local).Max());
        if (Zone.IsInvalidTime(local))
        {
            var before = Zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToOffset(Zone.GetUtcOffset(local.AddHours(3)));
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>One year's offsets and the UTC ticks of its clock changes; a year without changes has Start == End.</summary>
    private readonly record struct YearClocks(TimeSpan Winter, TimeSpan Summer, long SummerStartUtc, long SummerEndUtc)
    {
        public bool IsSummer(long utcTicks) => utcTicks >= SummerStartUtc && utcTicks < SummerEndUtc;
    }

    private static YearClocks[] ReadClockChanges()
    {
        var years = new YearClocks[LastYear - FirstYear + 1];
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var january = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var july = new DateTimeOffset(year, 7, 1, 0, 0, 0, TimeSpan.Zero);
            var nextJanuary = january.AddYears(1);
            var winter = Zone.GetUtcOffset(january);
            var summer = Zone.GetUtcOffset(july);
            if (summer == winter || Zone.GetUtcOffset(nextJanuary.AddTicks(-1)) != winter)
            {
                // No summer time that year (or a shape the table does not model): one offset all year.
                years[year - FirstYear] = new YearClocks(winter, winter, 0, 0);
                continue;
            }
            var start = FirstChange(january, july, winter);
            var end = FirstChange(july, nextJanuary, summer);
            years[year - FirstYear] = new YearClocks(winter, summer, start.UtcTicks, end.UtcTicks);
        }
        return years;
    }

    /// <summary>The first instant in [from, to) whose offset is not <paramref name="before"/>, to the second.</summary>
    private static DateTimeOffset FirstChange(DateTimeOffset from, DateTimeOffset to, TimeSpan before)
    {
        var low = from.UtcTicks;
        var high = to.UtcTicks;
        while (high - low > TimeSpan.TicksPerSecond)
        {
            var middle = low + (high - low) / 2;
            if (Zone.GetUtcOffset(new DateTimeOffset(middle, TimeSpan.Zero)) == before) low = middle;
            else high = middle;
        }
        // Clock changes fall on whole seconds.
        return new DateTimeOffset(high - high % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private static TimeZoneInfo Find()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
        {
            try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
            catch (TimeZoneNotFoundException) { }
            catch (InvalidTimeZoneException) { }
        }
        // Falling back to UTC would send every summer reminder an hour late without anyone noticing.
        throw new InvalidOperationException(
            "The Europe/London time zone is not installed on this machine (install tzdata, or ICU on Windows); PlanBot needs it to send reminders at 09:00 London time.");
    }
}
