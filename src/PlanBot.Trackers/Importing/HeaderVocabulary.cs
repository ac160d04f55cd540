using System.Text;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// Header names as real trackers spell them, and what each means. Exact names (after normalising case,
/// punctuation and spacing) win over names recognised by their opening words.
/// </summary>
public static class HeaderVocabulary
{
    // Names from PMO trackers (seeds, council and NHS logs) and from the documented exports of Microsoft Planner
    // ("Export plan to Excel"), Microsoft Project, Smartsheet, Jira (CSV), Asana (CSV) and monday.com (Excel).
    private static readonly Dictionary<string, ColumnField> ExactNames = Build(
        (ColumnField.Ref, ["no", "no.", "number", "ref", "ref no", "ref.", "reference", "reference no", "id", "item", "item no", "action no",
            "action number", "action ref", "action id", "milestone no", "milestone number", "milestone ref", "milestone id", "#",
            "issue key", "key", "wbs", "task no", "task number", "task ref", "risk id", "risk no", "raid id", "raid ref", "log no",
            "ref id", "unique ref", "task id", "project ref", "deliverable ref", "deliverable no", "activity no", "activity id", "item ref"]),
        (ColumnField.Title, ["milestone", "milestones", "milestone s", "action", "actions", "deliverable", "deliverables", "task",
            "description", "milestone description", "action description", "key milestone", "key milestones", "activity",
            "task name", "name", "summary", "title", "item name", "action title", "milestone title", "deliverable description",
            "task description", "action required", "action to be taken", "key deliverable", "key deliverables", "activity description",
            "milestone action", "milestone task", "actions milestones", "action detail", "action details", "project",
            "subject", "issue", "detail", "what", "task title", "work item", "step", "initiative", "scheme", "subitems", "subitem",
            "subtasks", "sub tasks", "sub task"]),
        (ColumnField.Team, ["team", "directorate", "team directorate", "exec team", "division", "organisation", "organization", "partner",
            "agency", "owning team"]),
        (ColumnField.Department, ["department", "dept", "service", "function", "service area", "business unit"]),
        (ColumnField.Programme, ["programme", "program", "improvement area", "area", "workstream", "work stream", "theme", "portfolio",
            "programme area", "bucket", "bucket name", "section", "section column", "section/column", "group", "phase", "stage",
            "epic", "epic link", "epic name", "parent summary", "category", "priority area", "work package", "strand", "objective area",
            "project area", "pillar", "stream", "sub programme", "project workstream", "heading", "parent task", "parent"]),
        (ColumnField.Requirement, ["requirement", "recommendation", "objective"]),
        (ColumnField.Start, ["start", "start date", "date started", "from", "start on", "baseline start", "planned start", "actual start",
            "planned start date", "begin", "begin date"]),
        (ColumnField.Due, ["due", "due date", "date due", "by when", "by when end of", "deadline", "milestone date", "target date",
            "completion date", "end date", "by", "due by", "target", "when", "finish", "finish date", "end", "due on", "baseline date",
            "baseline due date", "baseline finish", "baseline end date", "original due date", "original date", "original target date",
            "planned end date", "planned end", "planned finish", "planned completion", "planned completion date", "planned date", "target completion date", "date",
            "timeline", "timescale", "timescales", "target end date", "agreed date", "target delivery date", "delivery date",
            "due date dd mm yyyy", "date for completion", "completion by", "baseline", "planned due date", "original deadline",
            "baseline completion date", "scheduled finish", "scheduled end"]),
        (ColumnField.RevisedDue, ["revised due date", "revised date", "revised deadline", "revised target date", "new due date",
            "forecast date", "forecast", "forecast completion date", "forecast due date", "forecast finish", "forecast end date",
            "revised completion date", "revised end date", "expected date", "expected completion date", "current due date",
            "latest forecast", "revised target", "new target date", "new date", "forecast completion", "revised timescale",
            "revised", "current forecast", "current forecast date", "re forecast date", "reforecast date", "expected completion"]),
        (ColumnField.Status, ["status", "current status", "progress status", "delivery status", "progress", "state", "action status",
            "milestone status", "task status", "overall status", "open closed", "open/closed", "stage status"]),
        (ColumnField.Rag, ["rag", "rag status", "rag rating", "current rag", "rag rating current", "health", "rag rag", "b rag", "brag",
            "rag b", "overall rag", "rating", "status rag", "rag rating this month", "current rag rating", "this month rag", "delivery rag",
            "confidence", "delivery confidence", "r a g", "health status", "colour", "traffic light"]),
        (ColumnField.DeliveryOwner, ["delivery owner", "owner", "owners", "lead", "ops lead", "operational lead", "supporting officer",
            "responsible", "responsible officer", "action owner", "project lead", "lead officer", "milestone owner", "assigned to",
            "assignee", "assignee email", "person", "people", "resource names", "resource", "resources", "responsible person",
            "task owner", "action lead", "lead person", "who", "lead s", "leads", "officer", "named lead", "delivery lead",
            "responsible lead", "owner s", "assigned", "lead name", "responsibility", "lead officer s", "workstream lead",
            "operational owner", "responsible manager", "manager", "by whom", "delivered by", "contact"]),
        (ColumnField.AccountableOwner, ["sro", "sro executive", "gb owner", "cot owner", "exec lead", "executive lead",
            "accountable owner", "accountable lead", "accountable officer", "senior responsible officer", "executive owner",
            "accountable lead and supporting officer", "exec owner", "director", "accountable director", "executive sponsor",
            "sponsor", "exec sponsor", "accountable executive", "lead director", "responsible director", "accountable",
            "executive", "exec", "lead executive", "board sponsor", "director lead", "strategic lead", "senior owner"]),
        (ColumnField.CriticalPath, ["cp", "critical path", "critical"]),
        (ColumnField.CommitteeSignOff, ["committee sign off", "committee", "sign off", "approval", "committee approval", "governance route",
            "reporting to", "assurance route", "forum"]),
        (ColumnField.ProgressNote, ["progress update", "update", "latest update", "update mitigation", "comments",
            "commentary", "sof response", "progress to date", "update on progress", "notes", "note", "comment", "updates",
            "progress notes", "latest position", "current position", "position", "progress comments", "narrative",
            "progress commentary", "status update", "update comments", "progress update comments", "remarks", "latest comments",
            "monthly update", "status comments", "status commentary", "update narrative", "progress narrative"]),
        (ColumnField.Trend, ["status since last report", "status since last", "trend", "trend since last report", "direction of travel"]),
        (ColumnField.Evidence, ["evidence", "evidence status", "evidence link"]),
        (ColumnField.ExceptionReason, ["rationale for delay recovery plan", "rationale for delay", "reason for delay", "recovery plan",
            "reason for delay recovery plan", "rationale"]),
        (ColumnField.ProposedRevisedDate, ["proposed revised date", "proposed date", "proposed new date"]),
        (ColumnField.Concern, ["concern", "remedial action required", "remedial action taken", "first raised at cmt", "first raised"]),
        (ColumnField.PercentComplete, ["complete", "percent complete", "% complete", "pct complete",
            "percentage complete", "% done", "percent done", "complete %", "completion %", "% completion"]),
        (ColumnField.CompletedDate, ["completed date", "completed at", "completed on", "date completed", "actual finish",
            "actual end date", "actual completion date", "resolved", "resolution date", "date closed", "closed date", "actual end",
            "completion date actual", "actual date", "date achieved", "achieved date"]),
        (ColumnField.Late, ["late", "overdue", "is late"]),
        (ColumnField.OutlineLevel, ["outline level", "level", "hierarchy", "indent", "outline"]),
        (ColumnField.IsParent, ["summary task", "is summary", "parent row", "is parent"]),
        (ColumnField.RowType, ["issue type", "type", "task type", "item type", "row type", "work item type", "record type"]),
        (ColumnField.Resolution, ["resolution"]));

    // Opening words that identify a header when the whole name is not in the list above
    // ("Action proposed by NHSE", "SRO (executive)", "Milestone Number").
    private static readonly (string Prefix, ColumnField Field)[] Openings =
    [
        ("milestone number", ColumnField.Ref),
        ("action no", ColumnField.Ref),
        ("sro", ColumnField.AccountableOwner),
        ("senior responsible", ColumnField.AccountableOwner),
        ("accountable", ColumnField.AccountableOwner),
        ("executive", ColumnField.AccountableOwner),
        ("exec", ColumnField.AccountableOwner),
        ("delivery owner", ColumnField.DeliveryOwner),
        ("lead officer", ColumnField.DeliveryOwner),
        ("action owner", ColumnField.DeliveryOwner),
        ("responsible", ColumnField.DeliveryOwner),
        ("assigned", ColumnField.DeliveryOwner),
        ("action proposed", ColumnField.Title),
        ("milestone", ColumnField.Title),
        ("due date", ColumnField.Due),
        ("target date", ColumnField.Due),
        ("baseline", ColumnField.Due),
        ("original", ColumnField.Due),
        ("by when", ColumnField.Due),
        ("forecast", ColumnField.RevisedDue),
        ("revised", ColumnField.RevisedDue),
        ("rationale for delay", ColumnField.ExceptionReason),
        ("proposed revised", ColumnField.ProposedRevisedDate),
        ("status since", ColumnField.Trend),
        ("update", ColumnField.ProgressNote),
        ("progress update", ColumnField.ProgressNote),
        ("latest update", ColumnField.ProgressNote),
        ("comments", ColumnField.ProgressNote),
        ("rag", ColumnField.Rag),
        ("status", ColumnField.Status),
    ];

    private static readonly string[] TitleEndings = ["action", "actions", "milestone", "milestones", "deliverable", "deliverables", "task"];

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
        // Jira writes custom fields as "Custom field (Epic Link)": the name in brackets is the column's name.
        if (name.StartsWith("custom field ", StringComparison.Ordinal)) name = name["custom field ".Length..];
        if (name.Length == 0 || name.Length > 60) return (null, 0);
        if (ExactNames.TryGetValue(name, out var exact)) return (exact, 2);
        foreach (var (prefix, field) in Openings)
            if (name.StartsWith(prefix + " ", StringComparison.Ordinal)) return (field, 1);
        foreach (var (word, field) in Containing)
            if (name.Contains(word, StringComparison.Ordinal)) return (field, 1);
        // "Improvement Action", "Key Milestone", "Agreed Deliverable": a title named by its last word.
        foreach (var word in TitleEndings)
            if (name.EndsWith(" " + word, StringComparison.Ordinal)) return (ColumnField.Title, 1);
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
