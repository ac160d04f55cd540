using PlanBot.Core.Time;

namespace PlanBot.Core.Digests;

/// <summary>
/// When a weekly digest goes out: a day of the week and a wall-clock time in Europe/London, so 8am stays 8am across the
/// GMT/BST changes. The default is Monday at 8am, when chairs read it.
/// </summary>
public sealed record DigestSchedule(DayOfWeek Day, TimeOnly At)
{
    public static DigestSchedule Default { get; } = new(DayOfWeek.Monday, new TimeOnly(8, 0));

    /// <summary>The most recent time the digest was due at or before <paramref name="now"/>.</summary>
    public DateTimeOffset LatestAtOrBefore(DateTimeOffset now)
    {
        var today = LondonTime.DateOf(now);
        var date = today.AddDays(-(((int)today.DayOfWeek - (int)Day + 7) % 7));
        var due = LondonTime.At(date, At);
        return due <= now ? due : LondonTime.At(date.AddDays(-7), At);
    }

    /// <summary>The first time the digest is due after <paramref name="now"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset now) => LondonTime.At(LondonTime.DateOf(LatestAtOrBefore(now)).AddDays(7), At);

    /// <summary>"every Monday at 8am", "every Friday at 5:30pm".</summary>
    public string Describe() => $"every {Day} at {DescribeTime(At)}";

    /// <summary>"8am", "12:30pm", "midnight", "noon".</summary>
    public static string DescribeTime(TimeOnly time) => time switch
    {
        { Hour: 0, Minute: 0 } => "midnight",
        { Hour: 12, Minute: 0 } => "noon",
        _ => $"{(time.Hour % 12 == 0 ? 12 : time.Hour % 12)}{(time.Minute == 0 ? "" : $":{time.Minute:00}")}{(time.Hour < 12 ? "am" : "pm")}",
    };
}
