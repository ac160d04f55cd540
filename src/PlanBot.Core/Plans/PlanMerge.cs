namespace PlanBot.Core.Plans;

/// <summary>Which side wins a field both the tracker and Teams changed since the last import.</summary>
public enum MergePreference
{
    /// <summary>Keep the update made in Teams (the newer word from the owner).</summary>
    Teams,

    /// <summary>Take the tracker file's value.</summary>
    Tracker,
}

/// <summary>
/// A field the tracker and Teams both changed since the last import, to different values.
/// <see cref="Ours"/> is the value in PlanBot now, <see cref="Theirs"/> the file's, <see cref="Base"/> what the last
/// import stored. <see cref="ChangedBy"/> and <see cref="ChangedAt"/> say who made the Teams change, when known.
/// </summary>
public sealed record MergeConflict
{
    public required MilestoneRef Ref { get; init; }
    public required string Field { get; init; }
    public string? Base { get; init; }
    public string? Ours { get; init; }
    public string? Theirs { get; init; }
    public required bool KeptOurs { get; init; }
    public string? ChangedBy { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>"#43 RevisedDue: Teams 2020-03-31 (Pat Admin, 30 Jan 2020 09:12 UTC), file 28-Feb-20; kept Teams".</summary>
    public string Describe()
    {
        static string Value(string? text) => text is null ? "(blank)" : text.Length <= 40 ? text : text[..39] + "…";
        var who = ChangedBy is null
            ? string.Empty
            : ChangedAt is { } at ? $" ({ChangedBy}, {at.UtcDateTime.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC)" : $" ({ChangedBy})";
        return $"{Ref.Display} {Field}: Teams {Value(Ours)}{who}, file {Value(Theirs)}; {(KeptOurs ? "kept Teams" : "took the file")}";
    }
}

/// <summary>
/// A re-import merged field by field with what happened in Teams since the last import. For each field:
/// base = what the last import stored, ours = the value now, theirs = the new file. A field only one side changed
/// takes that side's value; a field both changed to different values is a <see cref="MergeConflict"/>, settled by the
/// <see cref="MergePreference"/>. <see cref="Diff"/> is what the import does to the stored plan;
/// <see cref="ImportBases"/> are the file's own milestones where the merged one differs from them, which become the
/// base of the next re-import (so a value kept from Teams is not undone next month by an unchanged file).
/// </summary>
public sealed record PlanMerge(
    Plan Merged,
    PlanDiff Diff,
    IReadOnlyList<MergeConflict> Conflicts,
    IReadOnlyList<Milestone> ImportBases,
    int FieldsKeptFromTeams)
{
    /// <summary>What a re-import of a milestone removed from the tracker after it was updated in Teams is listed as.</summary>
    public const string WholeMilestone = "Milestone";

    /// <param name="ours">The plan as stored now; null for a first import.</param>
    /// <param name="bases">
    /// What the last import stored, for milestones changed since; a milestone not in it is unchanged since the last
    /// import, so ours is its base.
    /// </param>
    /// <param name="theirs">The plan read from the new file.</param>
    public static PlanMerge Of(Plan? ours, IReadOnlyDictionary<MilestoneRef, Milestone> bases, Plan theirs, MergePreference prefer)
    {
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(theirs);
        if (ours is null) return new PlanMerge(theirs, PlanDiff.Between(null, theirs), [], [], 0);

        var current = ours.Milestones.ToDictionary(m => m.Ref);
        var merged = new List<Milestone>(theirs.Milestones.Count);
        var conflicts = new List<MergeConflict>();
        var importBases = new List<Milestone>();
        var keptFromTeams = 0;
        foreach (var incoming in theirs.Milestones)
        {
            if (!current.Remove(incoming.Ref, out var now))
            {
                merged.Add(incoming);
                continue;
            }
            var @base = bases.GetValueOrDefault(incoming.Ref) ?? now;
            var result = incoming;
            var keptOurs = false;
            foreach (var field in FieldsOf(@base, now, incoming))
            {
                var (b, o, t) = (field.Key(@base), field.Key(now), field.Key(incoming));
                if (o == t || o == b) continue; // the same on both sides, or only the tracker changed it: the file's stands
                if (t != b)
                {
                    var keepOurs = prefer == MergePreference.Teams;
                    conflicts.Add(new MergeConflict
                    {
                        Ref = incoming.Ref,
                        Field = field.Name,
                        Base = field.Show(@base),
                        Ours = field.Show(now),
                        Theirs = field.Show(incoming),
                        KeptOurs = keepOurs,
                    });
                    if (!keepOurs) continue;
                }
                result = field.Copy(result, now);
                keptFromTeams++;
                keptOurs = true;
            }

            // The same people in the same roles under a plainer column name (an export brought back) keep their role titles and deputies.
            if (OwnersKey(result) == OwnersKey(now) && !result.Owners.SequenceEqual(now.Owners)) result = result with { Owners = now.Owners };
            merged.Add(result);
            if (keptOurs) importBases.Add(incoming);
        }

        // Milestones the file no longer lists: removed, unless Teams changed them since the last import.
        foreach (var gone in current.Values.OrderBy(m => m.Ref))
        {
            if (!bases.TryGetValue(gone.Ref, out var @base) || PlanDiff.Compare(@base, gone).Count == 0) continue;
            var keepOurs = prefer == MergePreference.Teams;
            conflicts.Add(new MergeConflict
            {
                Ref = gone.Ref,
                Field = WholeMilestone,
                Base = "in the tracker",
                Ours = "updated in Teams",
                Theirs = "not in the tracker",
                KeptOurs = keepOurs,
            });
            if (keepOurs)
            {
                merged.Add(gone);
                importBases.Add(@base);
            }
        }

        var plan = theirs with
        {
            Milestones = merged.OrderBy(m => m.Ref).ToList(),
            Exceptions = MergeExceptions(ours.Exceptions, theirs.Exceptions),
        };
        return new PlanMerge(plan, PlanDiff.Between(ours, plan), conflicts, importBases, keptFromTeams);
    }

    /// <summary>Names who made each conflict's Teams change, and when, from <paramref name="lastUpdate"/>.</summary>
    public PlanMerge WithChangedBy(Func<MilestoneRef, (string By, DateTimeOffset At)?> lastUpdate) => this with
    {
        Conflicts = Conflicts.Select(c => lastUpdate(c.Ref) is { } u ? c with { ChangedBy = u.By, ChangedAt = u.At } : c).ToList(),
    };

    /// <summary>
    /// History entries for the import: what it changed, and for each conflict, which side was kept (with both values),
    /// so a milestone's history shows why a Teams update survived a re-import or was overwritten.
    /// </summary>
    public IReadOnlyList<MilestoneHistoryEntry> ToHistory(bool planExisted, DateTimeOffset at, string by, string sourceFile)
    {
        var entries = Diff.ToHistory(planExisted, at, by, sourceFile).ToList();
        foreach (var group in Conflicts.GroupBy(c => c.Ref))
        {
            var changes = group.Select(c => new FieldChange(c.Field, c.Ours, c.Theirs)).ToList();
            var kept = group.All(c => c.KeptOurs) ? "the Teams update was kept" : "the tracker's value was taken";
            var note = $"Conflict on re-import of {sourceFile}: the tracker and Teams both changed {string.Join(", ", group.Select(c => c.Field))}; {kept}.";
            entries.Add(new MilestoneHistoryEntry(group.Key, at, by, "import-merge", changes, note));
        }
        return entries;
    }

    /// <summary>
    /// The file's exception report, then the entries owners recorded in Teams (which have no source row), unless the
    /// file now carries the same entry (an exported tracker brought back).
    /// </summary>
    private static List<ExceptionReportEntry> MergeExceptions(IReadOnlyList<ExceptionReportEntry> ours, IReadOnlyList<ExceptionReportEntry> theirs)
    {
        static (string, string?, DateOnly?) Identity(ExceptionReportEntry e) => (e.MilestoneRefText, e.Reason, e.ProposedRevisedDate.Date);
        var inFile = theirs.Select(Identity).ToHashSet();
        return [.. theirs, .. ours.Where(e => e.Source is null && !inFile.Contains(Identity(e)))];
    }

    /// <summary>One unit of the merge: fields that change together (a status and its words) are one unit.</summary>
    private sealed record MergeField(string Name, Func<Milestone, string> Key, Func<Milestone, string?> Show, Func<Milestone, Milestone, Milestone> Copy);

    private static IEnumerable<MergeField> FieldsOf(Milestone @base, Milestone ours, Milestone theirs)
    {
        foreach (var field in Fields) yield return field;
        var others = @base.OtherFields.Keys.Union(ours.OtherFields.Keys).Union(theirs.OtherFields.Keys).Order(StringComparer.Ordinal);
        foreach (var key in others)
        {
            yield return new MergeField(key, m => m.OtherFields.GetValueOrDefault(key) ?? string.Empty, m => Blank(m.OtherFields.GetValueOrDefault(key)), (to, from) =>
            {
                var fields = new Dictionary<string, string>(to.OtherFields);
                if (from.OtherFields.TryGetValue(key, out var value)) fields[key] = value;
                else fields.Remove(key);
                return to with { OtherFields = fields };
            });
        }
    }

    private static readonly MergeField[] Fields =
    [
        Text("Title", m => m.Title, (m, v) => m with { Title = v ?? string.Empty }),
        Text("Team", m => m.Team, (m, v) => m with { Team = v }),
        Text("Department", m => m.Department, (m, v) => m with { Department = v }),
        Text("Programme", m => m.Programme, (m, v) => m with { Programme = v }),
        Text("Requirement", m => m.Requirement, (m, v) => m with { Requirement = v }),
        Date("Start", m => m.Start, (m, from) => m with { Start = from.Start }),
        Date("Due", m => m.Due, (m, from) => m with { Due = from.Due, NoBaselineDue = from.NoBaselineDue }),
        Date("RevisedDue", m => m.RevisedDue, (m, from) => m with { RevisedDue = from.RevisedDue }),
        new("Status", m => m.Status + "\u001f" + m.StatusText, m => Blank(m.StatusText) ?? StatusNames.Title(m.Status),
            (m, from) => m with { Status = from.Status, StatusText = from.StatusText }),
        new("Rag", m => m.Rag + "\u001f" + m.RagText, m => m.Rag == Rag.None ? Blank(m.RagText) : m.Rag.ToString(),
            (m, from) => m with { Rag = from.Rag, RagText = from.RagText }),
        new("CriticalPath", m => m.CriticalPath ? "Yes" : "No", m => m.CriticalPath ? "Yes" : "No", (m, from) => m with { CriticalPath = from.CriticalPath }),
        Text("CommitteeSignOff", m => m.CommitteeSignOff, (m, v) => m with { CommitteeSignOff = v }),
        new("Owners", OwnersKey, m => Blank(string.Join("; ", m.Owners.Select(o => o.Name))), (m, from) => m with { Owners = from.Owners }),
        Text("ProgressNote", m => m.ProgressNote, (m, v) => m with { ProgressNote = v }),
        Text("Trend", m => m.Trend, (m, v) => m with { Trend = v }),
        Text("Evidence", m => m.Evidence, (m, v) => m with { Evidence = v }),
        new("PercentComplete", m => Percent(m.PercentComplete) ?? string.Empty, m => Percent(m.PercentComplete),
            (m, from) => m with { PercentComplete = from.PercentComplete }),
    ];

    private static string? Percent(double? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Owners as the PMO reads them (names by role, as <see cref="PlanDiff"/> compares them); titles and deputies follow.</summary>
    private static string OwnersKey(Milestone m) =>
        string.Join("\u001e", m.DeliveryOwners.Select(o => o.Name)) + "\u001f" + string.Join("\u001e", m.AccountableOwners.Select(o => o.Name));

    private static MergeField Text(string name, Func<Milestone, string?> get, Func<Milestone, string?, Milestone> set) =>
        new(name, m => get(m) ?? string.Empty, m => Blank(get(m)), (to, from) => set(to, get(from)));

    // A date is compared by the words the tracker wrote: that is what the PMO edits.
    private static MergeField Date(string name, Func<Milestone, TrackerDate> get, Func<Milestone, Milestone, Milestone> copy) =>
        new(name, m => get(m).Text ?? string.Empty, m => Blank(get(m).Text), copy);

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
