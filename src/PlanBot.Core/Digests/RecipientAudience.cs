using PlanBot.Core.People;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Digests;

/// <summary>
/// Which part of a plan someone's digest covers when they did not name areas: a PMO admin or chair the whole plan, a
/// director the departments (or, where a milestone has none, the programmes) of the milestones they are accountable
/// for, anyone else the milestones they own. Areas named in the request always win.
/// </summary>
public static class RecipientAudience
{
    /// <param name="isPmoAdmin">True for a PMO admin named in configuration rather than the people file.</param>
    public static DigestAudience For(Person? person, string? name, Plan plan, IReadOnlyList<string> areas, bool isPmoAdmin = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (areas.Count > 0) return DigestAudience.ForAreas(areas);
        if (isPmoAdmin || person?.IsPmoAdmin == true || person?.HasRole(PersonRoles.Chair) == true) return DigestAudience.WholePlan;
        name = person?.Name ?? name;
        if (string.IsNullOrWhiteSpace(name)) return DigestAudience.WholePlan;
        if (person?.HasRole(PersonRoles.Director) == true && DirectorateOf(name, plan) is { Count: > 0 } directorate)
            return DigestAudience.ForAreas(directorate);
        return DigestAudience.ForOwner(name);
    }

    /// <summary>The areas of the milestones <paramref name="name"/> is accountable for, in the order first met.</summary>
    public static IReadOnlyList<string> DirectorateOf(string name, Plan plan)
    {
        var key = PersonName.Key(name);
        var areas = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var milestone in plan.Milestones)
        {
            if (!milestone.AccountableOwners.Any(o => PersonName.Key(o.Name) == key)) continue;
            var area = !string.IsNullOrWhiteSpace(milestone.Department) ? milestone.Department : milestone.Programme;
            if (!string.IsNullOrWhiteSpace(area) && seen.Add(area.Trim())) areas.Add(area.Trim());
        }
        return areas;
    }
}
