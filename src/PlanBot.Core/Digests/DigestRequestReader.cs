using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanBot.Core.Digests;

public enum DigestRequestKind
{
    /// <summary>"digest now", "digest for Finance": this week's digest, here and now.</summary>
    Now,

    /// <summary>"send me the weekly digest", "digest for Finance every Friday at 8am", "send the weekly digest to chairs".</summary>
    Subscribe,

    /// <summary>"stop the digest", "stop the digest for chairs".</summary>
    Unsubscribe,

    /// <summary>"my digests", "who gets the digest".</summary>
    ListSubscriptions,
}

/// <summary>
/// A digest asked for in chat. <see cref="Areas"/> is empty unless areas were named ("digest for Finance and CFO");
/// <see cref="Schedule"/> is set when a day or time was named (the rest comes from the default, Monday at 8am);
/// <see cref="Role"/> when the request is for everyone with a role ("to chairs"); <see cref="Problem"/> says, for the
/// user, what could not be read (a time such as "25pm").
/// </summary>
public sealed record DigestRequest(
    DigestRequestKind Kind,
    IReadOnlyList<string> Areas,
    DigestSchedule? Schedule = null,
    string? Role = null,
    string? Problem = null);

/// <summary>
/// Tells a request about the digest from other text. Anything mentioning "digest" is looked at: stopping and listing
/// words first, then a schedule ("every Friday", "on Mondays", "at 7:30am") or a role ("to chairs", "directors") or
/// "subscribe" make it a subscription, and what is left must read as asking for the digest now.
/// </summary>
public static partial class DigestRequestReader
{
    public static DigestRequest? TryRead(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var rest = Whitespace().Replace(text.Trim().TrimEnd('.', '!', '?'), " ");
        if (!rest.Contains("digest", StringComparison.OrdinalIgnoreCase)) return null;

        string? role = null;
        if (RoleWords().Match(rest) is { Success: true } roleMatch)
        {
            role = roleMatch.Groups["role"].Value.StartsWith("chair", StringComparison.OrdinalIgnoreCase) ? People.PersonRoles.Chair : People.PersonRoles.Director;
            rest = Cut(rest, roleMatch);
        }
        if (StopWords().IsMatch(rest)) return new DigestRequest(DigestRequestKind.Unsubscribe, [], Role: role);
        if (ListWords().IsMatch(rest)) return new DigestRequest(DigestRequestKind.ListSubscriptions, []);

        var (schedule, problem, withoutSchedule) = ReadSchedule(rest);
        rest = withoutSchedule;
        var areas = Areas().Match(rest) is { Success: true } named ? SplitAreas(named.Groups["areas"].Value) : [];
        if (schedule is not null || problem is not null || role is not null || (SubscribeWords().IsMatch(rest) && !NowWords().IsMatch(rest)))
            return new DigestRequest(DigestRequestKind.Subscribe, areas, schedule, role, problem);
        return Now().IsMatch(rest) ? new DigestRequest(DigestRequestKind.Now, areas) : null;
    }

    /// <summary>The day and time named, defaulting the other from <see cref="DigestSchedule.Default"/>; the text without them.</summary>
    private static (DigestSchedule? Schedule, string? Problem, string Remainder) ReadSchedule(string text)
    {
        DayOfWeek? day = null;
        TimeOnly? time = null;
        string? problem = null;
        if (DayWords().Match(text) is { Success: true } dayMatch)
        {
            day = ParseDay(dayMatch.Groups["day"].Value);
            text = Cut(text, dayMatch);
        }
        else if (EveryWeek().Match(text) is { Success: true } weekly)
        {
            day = DigestSchedule.Default.Day;
            text = Cut(text, weekly);
        }
        if (TimeWords().Match(text) is { Success: true } timeMatch)
        {
            time = ParseTime(timeMatch.Groups["time"].Value);
            if (time is null)
                problem = $"I couldn't read the time \"{timeMatch.Groups["time"].Value}\". Say a time such as 8am, 7:30am or 17:00 (UK time).";
            text = Cut(text, timeMatch);
        }
        if (day is null && time is null) return (null, problem, text);
        return (new DigestSchedule(day ?? DigestSchedule.Default.Day, time ?? DigestSchedule.Default.At), problem, text);
    }

    private static DayOfWeek ParseDay(string word) => word.ToLowerInvariant()[..3] switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    /// <summary>"8am", "8.30am", "7:30", "17:00", "12pm", "noon"; null for a time that does not exist ("25:00", "13pm").</summary>
    internal static TimeOnly? ParseTime(string text)
    {
        var word = text.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (word is "noon" or "midday") return new TimeOnly(12, 0);
        if (word == "midnight") return new TimeOnly(0, 0);
        if (ClockTime().Match(word) is not { Success: true } clock) return null;
        var hour = int.Parse(clock.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = clock.Groups["minute"].Success ? int.Parse(clock.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        if (minute > 59) return null;
        if (clock.Groups["half"].Success)
        {
            if (hour is < 1 or > 12) return null;
            hour = hour % 12 + (clock.Groups["half"].Value == "pm" ? 12 : 0);
        }
        return hour <= 23 ? new TimeOnly(hour, minute) : null;
    }

    private static IReadOnlyList<string> SplitAreas(string areas) =>
        areas.Split([",", " and ", "&"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Cut(string text, Match match) =>
        Whitespace().Replace(text[..match.Index] + " " + text[(match.Index + match.Length)..], " ").Trim();

    [GeneratedRegex(@"\b(?:to |for |of )?(?:all |the |every |our )?(?<role>chairs?|directors?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RoleWords();

    [GeneratedRegex(@"\b(?:stop|unsubscribe|cancel|turn off|switch off|no more|don't send|do not send)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StopWords();

    [GeneratedRegex(@"\b(?:my digests|digest subscriptions|subscriptions|who gets|who receives|which digests|what digests|list)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListWords();

    // "weekly digest for Finance" on its own reads as asking to see it; "send me the weekly digest" as wanting it each week.
    [GeneratedRegex(@"\b(?:subscribe|on a schedule|(?:send|give) me (?:the |a |my )?weekly|(?:i'd like|i want|sign me up for) (?:the |a )?weekly)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubscribeWords();

    [GeneratedRegex(@"\b(?:now|preview)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NowWords();

    [GeneratedRegex(@"\b(?:(?:every|each|on) )?(?<day>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayWords();

    [GeneratedRegex(@"\b(?:every|each) week\b", RegexOptions.IgnoreCase)]
    private static partial Regex EveryWeek();

    [GeneratedRegex(@"\bat (?<time>noon|midday|midnight|\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)?)(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeWords();

    [GeneratedRegex(@"^(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))?(?<half>am|pm)?$")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\bdigest(?: now| preview)? (?:for|of|covering) (?<areas>.+?)(?: now)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Areas();

    [GeneratedRegex(@"^(?:(?:show|give|send) me )?(?:the |this week's |a |my )?(?:weekly )?digest(?: now| preview)?(?: (?:for|of) .+?)?(?: now)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Now();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
