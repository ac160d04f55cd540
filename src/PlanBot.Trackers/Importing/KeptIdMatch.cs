using PlanBot.Core.Plans;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// A tracker without references is numbered 1..n in file order, so a row added or removed in the middle shifts every
/// number after it. Where each milestone keeps the tool's own id (Planner's or Asana's task id), a re-import gives a
/// milestone the number it was stored under when the stored plan has its id, and a new one the next number after
/// the stored plan's highest: the same task keeps its number from month to month.
/// </summary>
public static class KeptIdMatch
{
    public sealed record Outcome(Plan Plan, int Matched, int Numbered);

    public static Outcome Renumber(Plan incoming, Plan stored, string idField)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(stored);
        var storedById = new Dictionary<string, MilestoneRef>(StringComparer.Ordinal);
        foreach (var milestone in stored.Milestones)
            if (milestone.OtherFields.TryGetValue(idField, out var id) && id.Length > 0) storedById.TryAdd(id, milestone.Ref);
        if (storedById.Count == 0) return new Outcome(incoming, 0, 0);

        var taken = new HashSet<MilestoneRef>();
        var renumbered = new Milestone[incoming.Milestones.Count];
        // File order, not the incoming numbers' order, decides who gets the new numbers; they are the same order here.
        for (var i = 0; i < incoming.Milestones.Count; i++)
        {
            var milestone = incoming.Milestones[i];
            if (milestone.OtherFields.TryGetValue(idField, out var id) && storedById.TryGetValue(id, out var kept) && taken.Add(kept))
                renumbered[i] = milestone with { Ref = kept };
        }

        var matched = taken.Count;
        var next = stored.Milestones.Select(m => int.TryParse(m.Ref.Value, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        for (var i = 0; i < renumbered.Length; i++)
        {
            if (renumbered[i] is not null) continue;
            MilestoneRef fresh;
            while (!taken.Add(fresh = MilestoneRef.Parse((next++).ToString(System.Globalization.CultureInfo.InvariantCulture)))) { }
            renumbered[i] = incoming.Milestones[i] with { Ref = fresh };
        }

        var plan = incoming with { Milestones = renumbered.OrderBy(m => m.Ref).ToList() };
        return new Outcome(plan, matched, renumbered.Length - matched);
    }
}
