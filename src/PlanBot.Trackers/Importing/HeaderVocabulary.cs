using System.Text;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// Header names as real trackers spell them, and what each means. Exact names (after normalising case,
/// punctuation and spacing) win over names recognised by their opening words.
/// </summary>
public static class HeaderVocabulary
{
    private static readonly Dictionary<string, ColumnField> ExactNames = Build(
        (ColumnField.Ref, ["no", "no.", "number", "ref", "ref no", "reference", "id", "item", "item no", "action no", "action number",
            "action ref", "milestone no", "milestone number", "milestone ref", "milestone id", "#"]),
        (ColumnField.Title, ["milestone", "milestones", "milestone s", "action", "actions", "deliverable", "deliverables", "task",
            "description", "milestone description", "action description", "key milestone", "key milestones", "activity"]),
        (ColumnField.Team, ["team", "directorate", "team directorate", "exec team"]),
        (ColumnField.Department, ["department", "dept", "service", "function"]),
        (ColumnField.Programme, ["programme", "program", "improvement area", "area", "workstream", "work stream", "theme", "portfolio",
            "programme area"]),
        (ColumnField.Requirement, ["requirement", "recommendation", "objective"]),
        (ColumnField.Start, ["start", "start date", "date started", "from"]),
        (ColumnField.Due, ["due", "due date", "date due", "by when", "by when end of", "deadline", "milestone date", "target date",
            "completion date", "end date", "by", "due by", "target", "when"]),
        (ColumnField.RevisedDue, ["revised due date", "revised date", "revised deadline", "revised target date", "new due date"]),
        (ColumnField.Status, ["status", "current status", "progress status", "delivery status"]),
        (ColumnField.Rag, ["rag", "rag status", "rag rating", "current rag", "rag rating current"]),
        (ColumnField.DeliveryOwner, ["delivery owner", "owner", "owners", "lead", "ops lead", "operational lead", "supporting officer",
            "responsible", "responsible officer", "action owner", "project lead", "lead officer", "milestone owner"]),
        (ColumnField.AccountableOwner, ["sro", "sro executive", "gb owner", "cot owner", "exec lead", "executive lead",
            "accountable owner", "accountable lead", "accountable officer", "senior responsible officer", "executive owner",
            "accountable lead and supporting officer", "exec owner", "director", "accountable director"]),
        (ColumnField.CriticalPath, ["cp", "critical path", "critical"]),
        (ColumnField.CommitteeSignOff, ["committee sign off", "committee", "sign off", "approval", "committee approval"]),
        (ColumnField.ProgressNote, ["progress update", "update", "latest update", "update mitigation", "progress", "comments",
            "commentary", "sof response", "progress to date", "update on progress"]),
        (ColumnField.Trend, ["status since last report", "status since last", "trend", "trend since last report", "direction of travel"]),
        (ColumnField.Evidence, ["evidence", "evidence status", "evidence link"]),
        (ColumnField.ExceptionReason, ["rationale for delay recovery plan", "rationale for delay", "reason for delay", "recovery plan",
            "reason for delay recovery plan", "rationale"]),
        (ColumnField.ProposedRevisedDate, ["proposed revised date", "proposed date", "proposed new date"]),
        (ColumnField.Concern, ["concern", "remedial action required", "remedial action taken", "first raised at cmt", "first raised"]));

    // Opening words that identify a header when the whole name is not in the list above
    // ("Action proposed by NHSE", "SRO (executive)", "Milestone Number").
    private static readonly (string Prefix, ColumnField Field)[] Openings =
    [
        ("milestone number", ColumnField.Ref),
        ("action no", ColumnField.Ref),
        ("sro", ColumnField.AccountableOwner),
        ("senior responsible", ColumnField.AccountableOwner),
        ("accountable", ColumnField.AccountableOwner),
        ("delivery owner", ColumnField.DeliveryOwner),
        ("action proposed", ColumnField.Title),
        ("milestone", ColumnField.Title),
        ("due date", ColumnField.Due),
        ("by when", ColumnField.Due),
        ("rationale for delay", ColumnField.ExceptionReason),
        ("proposed revised", ColumnField.ProposedRevisedDate),
        ("status since", ColumnField.Trend),
        ("update", ColumnField.ProgressNote),
        ("progress update", ColumnField.ProgressNote),
        ("rag", ColumnField.Rag),
    ];

    // Words anywhere in the name: a column that states the action required is the requirement it answers.
    private static readonly (string Word, ColumnField Field)[] Containing =
    [
        ("action required", ColumnField.Requirement),
        ("recommendation", ColumnField.Requirement),
    ];

    /// <summary>Lower case, letters and digits only, single spaces: "By when (end of)" → "by when end of".</summary>
    public static string Normalise(string header)
    {
        var sb = new StringBuilder(header.Length);
        var space = false;
        foreach (var ch in header)
        {
            if (char.IsLetterOrDigit(ch) || ch == '#')
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>The field a header names and how sure the match is (2 exact, 1 by opening or contained words, 0 none).</summary>
    public static (ColumnField? Field, int Strength) Recognise(string header)
    {
        var name = Normalise(header);
        if (name.Length == 0 || name.Length > 60) return (null, 0);
        if (ExactNames.TryGetValue(name, out var exact)) return (exact, 2);
        foreach (var (prefix, field) in Openings)
            if (name.StartsWith(prefix + " ", StringComparison.Ordinal)) return (field, 1);
        foreach (var (word, field) in Containing)
            if (name.Contains(word, StringComparison.Ordinal)) return (field, 1);
        return (null, 0);
    }

    public static IEnumerable<string> KnownNames(ColumnField field) =>
        ExactNames.Where(kv => kv.Value == field).Select(kv => kv.Key);

    private static Dictionary<string, ColumnField> Build(params (ColumnField Field, string[] Names)[] groups)
    {
        var map = new Dictionary<string, ColumnField>(StringComparer.Ordinal);
        foreach (var (field, names) in groups)
            foreach (var name in names)
                map[Normalise(name)] = field;
        return map;
    }
}
