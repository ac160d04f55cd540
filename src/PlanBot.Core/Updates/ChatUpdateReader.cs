using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Updates;

/// <summary>
/// Reads an update typed in chat: "#36 delayed to 29 Feb 2020 because the regulator moved the deadline",
/// "#12 complete", "6.17 at risk: supplier late", "update #36". The result is only a proposal: the bot shows it on
/// an update card for the owner to check and save, so nothing typed is stored without a confirmation.
/// </summary>
public static partial class ChatUpdateReader
{
    private static readonly string[] DateFormats =
        ["d MMM yyyy", "d MMMM yyyy", "d MMM yy", "d/M/yyyy", "d/M/yy", "yyyy-MM-dd", "d-MMM-yy", "d-MMM-yyyy", "d.M.yyyy"];

    /// <summary>True for "update #36" (a blank card) or "#36 &lt;status&gt; …" (a filled one).</summary>
    public static bool TryRead(string text, DateOnly today, out MilestoneRef reference, out MilestoneUpdate update)
    {
        reference = null!;
        update = new MilestoneUpdate();
        // "#36 done?" is a question, not an update.
        if (text.TrimEnd().EndsWith('?')) return false;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !MilestoneRef.TryParse(match.Groups["ref"].Value, out reference)) return false;
        var rest = match.Groups["rest"].Value.Trim();
        var asked = match.Groups["update"].Success;
        if (rest.Length == 0) return asked;

        var status = StatusAtStart().Match(rest);
        if (!status.Success && !asked) return false;
        MilestoneStatus? chosen = status.Success ? ReadStatus(status.Groups["status"].Value) : null;
        if (status.Success) rest = rest[status.Length..].Trim();

        DateOnly? revised = null;
        if (RevisedDate().Match(rest) is { Success: true } date && ReadDate(date.Groups["date"].Value, today) is { } parsed)
        {
            revised = parsed;
            rest = (rest[..date.Index] + rest[(date.Index + date.Length)..]).Trim();
        }

        string? reason = null, note = null;
        if (Because().Match(rest) is { Success: true } because)
        {
            reason = because.Groups["reason"].Value.Trim().TrimEnd('.');
            rest = rest[..because.Index].Trim();
        }
        rest = rest.TrimStart(':', '-', '–', ',').Trim();
        if (rest.Length > 0) note = rest;
        // A delay's explanation typed after a colon is its reason, not a separate note.
        if (reason is null && note is not null && (chosen == MilestoneStatus.Delayed || revised is not null)) (reason, note) = (note, null);

        update = new MilestoneUpdate { Status = chosen, RevisedDue = revised, DelayReason = reason, ProgressNote = note };
        return true;
    }

    private static MilestoneStatus ReadStatus(string word) => word.ToLowerInvariant() switch
    {
        "delayed" or "late" or "slipped" or "slipping" => MilestoneStatus.Delayed,
        "at risk" => MilestoneStatus.AtRisk,
        "on track" => MilestoneStatus.OnTrack,
        "not started" => MilestoneStatus.NotStarted,
        _ => MilestoneStatus.Complete,
    };

    private static DateOnly? ReadDate(string text, DateOnly today)
    {
        text = Ordinal().Replace(text.Trim(), "$1");
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)) return date;
        // "29 Feb": the next one from today.
        if (DateOnly.TryParseExact(text, ["d MMM", "d MMMM"], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var noYear))
        {
            var candidate = new DateOnly(today.Year, noYear.Month, Math.Min(noYear.Day, DateTime.DaysInMonth(today.Year, noYear.Month)));
            return candidate >= today ? candidate : candidate.AddYears(1);
        }
        return null;
    }

    [GeneratedRegex(@"^(?<update>update\s+(?:milestone\s+|action\s+)?)?#?(?<ref>\d+(?:\.\d+)*[a-z]?)\b[\s:,-]*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?:is\s+|now\s+)?(?<status>delayed|late|slipped|slipping|at\s+risk|on\s+track|not\s+started|complete|completed|done|finished|delivered)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatusAtStart();

    [GeneratedRegex(@"\b(?:to|until|till|now|revised\s+to|moved\s+to|new\s+date|by)\s+(?<date>\d{1,2}(?:st|nd|rd|th)?[\s/.-]+(?:[a-z]{3,9}|\d{1,2})(?:[\s/.-]+\d{2,4})?|\d{4}-\d{2}-\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex RevisedDate();

    [GeneratedRegex(@"\b(?:because|due\s+to|reason:?)\s+(?<reason>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Because();

    [GeneratedRegex(@"(\d{1,2})(?:st|nd|rd|th)", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();
}
