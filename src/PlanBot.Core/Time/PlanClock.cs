namespace PlanBot.Core.Time;

/// <summary>
/// Today's date for PlanBot, in Europe/London. <c>PlanBot:Today</c> (env <c>PlanBot__Today</c>, yyyy-MM-dd) pins it,
/// so a historical plan can be shown as at its report date; the time of day still moves.
/// </summary>
public sealed class PlanClock(TimeProvider time, DateOnly? today = null)
{
    public static TimeZoneInfo London => LondonTime.Zone;

    public TimeProvider Time { get; } = today is { } d ? new PinnedDateTimeProvider(time, d, London) : time;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), London).DateTime);

    /// <summary>Reads the PlanBot:Today setting; a malformed value is an error, not a silent fallback to the real date.</summary>
    public static DateOnly? ParseToday(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting)) return null;
        if (DateOnly.TryParseExact(setting.Trim(), "yyyy-MM-dd", out var date)) return date;
        throw new FormatException($"PlanBot:Today is '{setting}', which is not a date in the form yyyy-MM-dd (e.g. 2020-01-20).");
    }

    /// <summary>Keeps the real time of day but moves the calendar date to the pinned one.</summary>
    private sealed class PinnedDateTimeProvider(TimeProvider inner, DateOnly date, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
        {
            var local = TimeZoneInfo.ConvertTime(inner.GetUtcNow(), zone);
            var pinned = date.ToDateTime(TimeOnly.FromDateTime(local.DateTime), DateTimeKind.Unspecified);
            return new DateTimeOffset(pinned, zone.GetUtcOffset(pinned)).ToUniversalTime();
        }

        public override TimeZoneInfo LocalTimeZone => zone;
        public override long GetTimestamp() => inner.GetTimestamp();
        public override long TimestampFrequency => inner.TimestampFrequency;
    }
}
