using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// Owner cells that name a team, office or board supporting people ("Kate Kennally supported by Jessie Hamshar and SoF
/// PMO"): asked who owns a milestone, the blind writers name the people and leave the supporting team out (cornwall, 2
/// lines to 0). A team that is itself an owner or resource ("Procurement Team, Gareth Hughes") stays one (a02).
/// </summary>
public static class TeamOwners
{
    /// <summary>Last words that make a name a group of people, not one person ("SoF PMO", "Finance Team", "Portfolio Board").</summary>
    private static readonly HashSet<string> GroupWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "pmo", "team", "teams", "office", "board", "group", "committee", "unit", "directorate", "department", "hub",
        "forum", "panel", "partnership", "network",
    };

    /// <summary>
    /// Whether <paramref name="name"/> names a group: its last word is a group word and it is not a post in one
    /// ("Head of PMO", "Chair of the Board" are people).
    /// </summary>
    public static bool IsTeam(string name)
    {
        var words = name.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !GroupWords.Contains(words[^1].Trim('.', ',', ')', '('))) return false;
        return !words.Any(w => w.Equals("of", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The owners to answer with, and the teams supporting them set apart: a team in a supporting role (a "supported by"
    /// name, a "Support…" column) beside people. Every owner when nobody else is named.
    /// </summary>
    public static (List<Owner> People, List<Owner> Teams) Split(IEnumerable<Owner> owners)
    {
        var all = owners.ToList();
        var teams = all.Where(IsSupportingTeam).ToList();
        if (teams.Count == 0 || teams.Count == all.Count) return (all, []);
        return ([.. all.Where(o => !IsSupportingTeam(o))], teams);
    }

    private static bool IsSupportingTeam(Owner owner) =>
        owner.RoleTitle.Contains("support", StringComparison.OrdinalIgnoreCase) && IsTeam(owner.Name);
}
