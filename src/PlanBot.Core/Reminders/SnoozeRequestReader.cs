using System.Text.RegularExpressions;
using PlanBot.Core.Plans;
using PlanBot.Core.Time;

namespace PlanBot.Core.Reminders;

/// <summary>
/// Reads a snooze typed in chat, with or without the milestone it is about: "remind me Monday", "remind me Monday
/// about #36", "#36 remind me next week", "snooze #6.17 until 3 Feb". The reference is taken out and the rest read
/// by <see cref="SnoozeReader"/>.
/// </summary>
public static partial class SnoozeRequestReader
{
    /// <summary>
    /// True with the instant (and the reference, when one was named) for a snooze; false with <paramref name="problem"/>
    /// null when the text is not a snooze at all, or a sentence for the owner when it is one that cannot be done.
    /// </summary>
    public static bool TryRead(string text, DateTimeOffset now, WorkingCalendar calendar,
        out MilestoneRef? reference, out DateTimeOffset until, out string? problem)
    {
        reference = null;
        until = default;
        problem = null;
        if (string.IsNullOrWhiteSpace(text) || !SnoozeWords().IsMatch(text)) return false;

        var rest = text;
        if (Reference().Match(text) is { Success: true } found && MilestoneRef.TryParse(found.Groups["ref"].Value, out var parsed))
        {
            reference = parsed;
            rest = (text[..found.Index] + " " + text[(found.Index + found.Length)..]).Trim();
        }
        return SnoozeReader.TryRead(Whitespace().Replace(rest, " "), now, calendar, SnoozeReader.DefaultSendAt, out until, out problem);
    }

    [GeneratedRegex(@"\b(?:remind me|snooze)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SnoozeWords();

    // "#36", "about #36", "for milestone 6.17", "re action 2c": the words tying the reference in go with it.
    [GeneratedRegex(@"(?:\b(?:about|for|re|of)\s+)?(?:(?:milestone|action)\s+#?|#)(?<ref>\d+(?:\.\d+)*[a-z]?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
