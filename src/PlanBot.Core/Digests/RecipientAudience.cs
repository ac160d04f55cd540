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

    /// <summary>Whether <paramref name="audience"/> covers any milestone of <paramref name="plan"/>: a digest that covers none is all zeros.</summary>
    public static bool CoversAny(DigestAudience audience, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var filter = new AudienceFilter(audience);
        return plan.Milestones.Any(filter.Includes);
    }

    /// <summary>
    /// What to tell someone whose digest would cover nothing, and what they can do instead; null when it covers something.
    /// An example area is one the plan itself names, so following the advice works.
    /// </summary>
    public static string? WhenEmpty(DigestAudience audience, Plan plan)
    {
        if (CoversAny(audience, plan)) return null;
        var planName = plan.Id.ToUpperInvariant();
        var example = plan.Milestones.Select(m => m.Department).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))?.Trim()
            ?? plan.Milestones.Select(m => m.Programme ?? m.Team).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))?.Trim();
        var instead = example is null ? "Ask me \"what's overdue?\" instead." : $"Say \"digest for {example}\" to follow an area instead, or ask me \"what's overdue?\".";
        return audience.Kind == DigestAudienceKind.Areas
            ? $"No milestones in {planName} are in {audience.Describe()}, so that digest would be all zeros. {instead}"
            : $"I can't find any milestones of yours in {planName}, so your digest would be all zeros. {instead}";
    }
}
