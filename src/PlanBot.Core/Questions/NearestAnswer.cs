using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// What to say after "No milestones …", so an empty answer is never a dead end: a person's next open milestones ("Next
/// for Alys Turner: #48, #49, #50, due 31 Mar 2020."), how the same milestones stand without the status asked for
/// ("13 are due in Q4 2019/20; 2 at risk."), or the next milestones due after the window asked about.
/// </summary>
public static class NearestAnswer
{
    private const int MaxRefs = 5;

    /// <summary>What to add to an empty answer to <paramref name="reading"/>, read with the same filter and targets as the answer.</summary>
    public static string? For(QuestionReading reading, PlanIndex index, DateOnly today)
    {
        var filter = reading.Filter;
        if (filter.People.Count == 1 && NextFor(filter.People[0], index, today) is { } next) return next;
        var relaxed = filter with { Overdue = false, Statuses = [], Rags = [] };
        if (relaxed != filter && (!relaxed.IsEmpty || reading.Targets.Count > 0))
        {
            var same = QuestionAnswerer.Filter(reading with { Filter = relaxed }, index, today);
            if (same.Count > 0) return $"{Milestones(same.Count)} {Described(relaxed, reading, index)}{Standing(same, today)}.";
        }
        if (filter.Window is { } window)
        {
            var after = QuestionAnswerer.Filter(reading with { Filter = relaxed with { Window = null } }, index, today)
                .Where(m => !m.IsFinished && m.EffectiveDue is { } due && due > window.To).ToList();
            if (after.Count > 0) return "Next due after that: " + RefsOnFirstDate(after) + ".";
        }
        return null;
    }

    private static string? NextFor(PlanPerson person, PlanIndex index, DateOnly today)
    {
        var open = person.Milestones.OrderBy(i => index.DuePosition[i]).Select(i => index.Milestones[i]).Where(m => !m.IsFinished).ToList();
        if (open.Count == 0) return $"{person.Name} has nothing open in {AnswerFormat.PlanLabel(index)}.";
        var coming = open.Where(m => m.EffectiveDue is { } due && due >= today).ToList();
        if (coming.Count > 0) return $"Next for {person.Name}: {RefsOnFirstDate(coming)}.";
        return $"{person.Name} has {Milestones(open.Count)} open: {string.Join(", ", open.Take(MaxRefs).Select(m => m.Ref.Display))}{(open.Count > MaxRefs ? " …" : "")}.";
    }

    /// <summary>"#48, #49, #50, due 31 Mar 2020": the milestones that share the earliest due date.</summary>
    private static string RefsOnFirstDate(List<Milestone> sorted)
    {
        var first = sorted[0].EffectiveDue;
        var same = sorted.TakeWhile(m => m.EffectiveDue == first).ToList();
        var refs = string.Join(", ", same.Take(MaxRefs).Select(m => m.Ref.Display)) + (same.Count > MaxRefs ? " …" : "");
        return first is { } date ? $"{refs}, due {QuestionAnswerer.Date(date)}" : refs;
    }

    private static string Milestones(int count) => count == 1 ? "1 milestone" : $"{count} milestones";

    private static string Described(MilestoneFilter filter, QuestionReading reading, PlanIndex index)
    {
        var parts = new List<string>();
        if (filter.CriticalPath) parts.Add("on the critical path");
        foreach (var unit in filter.UnitGroups) parts.Add((unit.Units.All(u => u.Kind == UnitKind.Status) ? "marked " : "in ") + unit.Name);
        if (filter.People.Count > 0) parts.Add("owned by " + string.Join(" and ", filter.People.Select(p => p.Name)));
        if (filter.TitleWords.Count > 0) parts.Add("with " + string.Join(" and ", filter.TitleWords.Select(w => $"'{w.Typed}'")) + " in the title");
        foreach (var set in filter.Sets) parts.Add(set.Description);
        if (filter.Window is { } window) parts.Add(window.Description);
        if (reading.TargetsLabel is { } label) parts.Add("in " + label);
        else if (reading.Targets.Count > 0) parts.Add("of " + string.Join(", ", reading.Targets.Take(MaxRefs).Select(i => index.Milestones[i].Ref.Display)));
        return parts.Count == 0 ? "open" : string.Join(' ', parts);
    }

    /// <summary>"; 2 at risk, 1 overdue": how the milestones found stand, so the reader sees why none matched.</summary>
    private static string Standing(List<Milestone> found, DateOnly today)
    {
        var parts = new List<string>();
        var overdue = found.Count(m => m.IsOverdueAt(today));
        var delayed = found.Count(m => MilestoneFilter.HasStatus(m, StatusWanted.Delayed));
        var atRisk = found.Count(m => m.Status == MilestoneStatus.AtRisk);
        var complete = found.Count(m => m.IsComplete);
        var closed = found.Count(m => m.IsFinished && !m.IsComplete);
        if (overdue > 0) parts.Add($"{overdue} overdue");
        if (delayed > 0) parts.Add($"{delayed} delayed");
        if (atRisk > 0) parts.Add($"{atRisk} at risk");
        if (complete > 0) parts.Add($"{complete} complete");
        if (closed > 0) parts.Add($"{closed} closed");
        return parts.Count == 0 ? "" : "; " + string.Join(", ", parts);
    }
}
