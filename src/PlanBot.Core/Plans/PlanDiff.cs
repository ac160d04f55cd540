namespace PlanBot.Core.Plans;

public sealed record MilestoneChange(MilestoneRef Ref, IReadOnlyList<FieldChange> Changes);

/// <summary>What importing a tracker would do to the stored plan: milestones added, changed (field by field) and removed.</summary>
public sealed record PlanDiff(
    IReadOnlyList<Milestone> Added,
    IReadOnlyList<MilestoneChange> Changed,
    IReadOnlyList<Milestone> Removed,
    int Unchanged)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    public static PlanDiff Between(Plan? before, Plan after)
    {
        var old = (before?.Milestones ?? []).ToDictionary(m => m.Ref);
        var added = new List<Milestone>();
        var changed = new List<MilestoneChange>();
        var unchanged = 0;
        foreach (var milestone in after.Milestones)
        {
            if (!old.Remove(milestone.Ref, out var previous))
            {
                added.Add(milestone);
                continue;
            }
            var changes = Compare(previous, milestone);
            if (changes.Count == 0) unchanged++;
            else changed.Add(new MilestoneChange(milestone.Ref, changes));
        }
        var removed = old.Values.OrderBy(m => m.Ref).ToList();
        return new PlanDiff(added, changed, removed, unchanged);
    }

    /// <summary>
    /// History entries recording this import against each milestone it touched. A first import records nothing:
    /// the tracker itself is the starting point.
    /// </summary>
    public IReadOnlyList<MilestoneHistoryEntry> ToHistory(bool planExisted, DateTimeOffset at, string by, string sourceFile)
    {
        if (!planExisted) return [];
        var entries = new List<MilestoneHistoryEntry>();
        entries.AddRange(Changed.Select(c => new MilestoneHistoryEntry(c.Ref, at, by, "import", c.Changes, $"Re-imported from {sourceFile}")));
        entries.AddRange(Added.Select(m => new MilestoneHistoryEntry(m.Ref, at, by, "import", [], $"Added by import of {sourceFile}")));
        entries.AddRange(Removed.Select(m => new MilestoneHistoryEntry(m.Ref, at, by, "import", [], $"Removed: not in {sourceFile}")));
        return entries;
    }

    /// <summary>Field-by-field comparison of the values a PMO reads; source row positions are not changes.</summary>
    public static IReadOnlyList<FieldChange> Compare(Milestone a, Milestone b)
    {
        var changes = new List<FieldChange>();
        void Check(string field, string? x, string? y)
        {
            x = string.IsNullOrEmpty(x) ? null : x;
            y = string.IsNullOrEmpty(y) ? null : y;
            if (!string.Equals(x, y, StringComparison.Ordinal)) changes.Add(new FieldChange(field, x, y));
        }
        static string People(IEnumerable<Owner> owners) => string.Join("; ", owners.Select(o => o.Name));
        static string? Percent(double? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

        Check("Title", a.Title, b.Title);
        Check("Team", a.Team, b.Team);
        Check("Department", a.Department, b.Department);
        Check("Programme", a.Programme, b.Programme);
        Check("Requirement", a.Requirement, b.Requirement);
        Check("Start", a.Start.Text, b.Start.Text);
        Check("Due", a.Due.Text, b.Due.Text);
        Check("RevisedDue", a.RevisedDue.Text, b.RevisedDue.Text);
        Check("NoBaselineDue", a.NoBaselineDue ? "Yes" : "No", b.NoBaselineDue ? "Yes" : "No");
        Check("PercentComplete", Percent(a.PercentComplete), Percent(b.PercentComplete));
        Check("Status", a.Status.ToString(), b.Status.ToString());
        Check("StatusText", a.StatusText, b.StatusText);
        Check("Rag", a.Rag.ToString(), b.Rag.ToString());
        Check("CriticalPath", a.CriticalPath ? "Yes" : "No", b.CriticalPath ? "Yes" : "No");
        Check("CommitteeSignOff", a.CommitteeSignOff, b.CommitteeSignOff);
        Check("DeliveryOwner", People(a.DeliveryOwners), People(b.DeliveryOwners));
        Check("AccountableOwner", People(a.AccountableOwners), People(b.AccountableOwners));
        Check("ProgressNote", a.ProgressNote, b.ProgressNote);
        Check("Trend", a.Trend, b.Trend);
        Check("Evidence", a.Evidence, b.Evidence);
        var keys = a.OtherFields.Keys.Union(b.OtherFields.Keys).Order(StringComparer.Ordinal);
        foreach (var key in keys)
            Check(key, a.OtherFields.GetValueOrDefault(key), b.OtherFields.GetValueOrDefault(key));
        return changes;
    }
}
