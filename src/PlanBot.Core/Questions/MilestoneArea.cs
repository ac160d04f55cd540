using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// The one rule for which area a milestone is in, shared by answers (<see cref="PlanIndex"/>'s units), digests for
/// areas and the board pack's summary, so "Finance" covers the same milestones in all three: its department, programme
/// or team, compared as words (case, spacing and punctuation aside), a team by its code ("CFO (AD)" is in CFO).
/// </summary>
public static class MilestoneArea
{
    /// <summary>The directorate code a team cell names: the text before any bracket ("CFO (AD)" → "CFO").</summary>
    public static string? TeamCode(string? team)
    {
        if (string.IsNullOrWhiteSpace(team)) return null;
        var bracket = team.IndexOf('(');
        return (bracket > 0 ? team[..bracket] : team).Trim();
    }

    /// <summary>An area name as compared: its words in lower case ("Primary Care (IT)" → "primary care it").</summary>
    public static string Key(string? area) => string.IsNullOrWhiteSpace(area) ? "" : QuestionText.Phrase(area);

    /// <summary>Whether <paramref name="milestone"/> is in one of the areas whose <see cref="Key"/>s are given.</summary>
    public static bool IsIn(IReadOnlySet<string> areaKeys, string? department, string? programme, string? team) =>
        Has(areaKeys, department) || Has(areaKeys, programme) || Has(areaKeys, TeamCode(team));

    public static bool IsIn(IReadOnlySet<string> areaKeys, Milestone milestone) =>
        IsIn(areaKeys, milestone.Department, milestone.Programme, milestone.Team);

    private static bool Has(IReadOnlySet<string> areaKeys, string? area) => Key(area) is { Length: > 0 } key && areaKeys.Contains(key);
}
