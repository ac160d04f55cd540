using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Plans;

namespace PlanBot.Storage.Milestones;

/// <summary>
/// Milestones table: one row per milestone per import generation.
/// PartitionKey <c>{planId}@{generation:D19}</c>: a whole plan is one partition read, and an import writes a new
/// partition in entity-group transactions without touching the one readers use.
/// RowKey <see cref="MilestoneRef.SortKey"/> ("000006.000017"): a point read by reference, rows in reference order.
/// Every <see cref="Milestone"/> field is stored: dates as five columns each, owners and unmapped columns as JSON.
/// </summary>
internal sealed class MilestoneEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Ref { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string? Team { get; set; }
    public string? Department { get; set; }
    public string? Programme { get; set; }
    public string? Requirement { get; set; }

    public string StartText { get; set; } = string.Empty;
    public string? StartDate { get; set; }
    public string? StartRangeStart { get; set; }
    public string? StartProblem { get; set; }
    public string? StartNote { get; set; }

    public string DueText { get; set; } = string.Empty;
    public string? DueDate { get; set; }
    public string? DueRangeStart { get; set; }
    public string? DueProblem { get; set; }
    public string? DueNote { get; set; }

    public string RevisedDueText { get; set; } = string.Empty;
    public string? RevisedDueDate { get; set; }
    public string? RevisedDueRangeStart { get; set; }
    public string? RevisedDueProblem { get; set; }
    public string? RevisedDueNote { get; set; }

    public bool NoBaselineDue { get; set; }
    public double? PercentComplete { get; set; }

    public string Status { get; set; } = nameof(MilestoneStatus.Unknown);
    public string StatusText { get; set; } = string.Empty;
    public string Rag { get; set; } = nameof(Core.Plans.Rag.None);
    public string RagText { get; set; } = string.Empty;
    public bool CriticalPath { get; set; }
    public string? CommitteeSignOff { get; set; }

    /// <summary>JSON array: <c>[{"name":"Jo Bloggs","role":"Delivery","title":"Ops lead","deputy":true}]</c>.</summary>
    public string? Owners { get; set; }

    public string? ProgressNote { get; set; }
    public string? Trend { get; set; }
    public string? Evidence { get; set; }

    /// <summary>JSON object of the tracker's unmapped columns, header to cell text, in column order.</summary>
    public string? OtherFields { get; set; }

    public string? SourceFile { get; set; }
    public string? SourceSheet { get; set; }
    public int? SourceRow { get; set; }
    public int? SourceColumn { get; set; }

    /// <summary>Maps a milestone, refusing any text too long for a column or a row (nothing is ever truncated).</summary>
    public static (MilestoneEntity Entity, long WireBytes) From(string planId, long generation, Milestone m)
    {
        var partitionKey = GenerationKeys.Partition(planId, generation);
        var budget = new EntityBudget(planId, "milestone " + m.Ref.Value, partitionKey, m.Ref.SortKey);
        var start = DateColumns.From(m.Start, budget, "Start", "Start date");
        var due = DateColumns.From(m.Due, budget, "Due", "Due date");
        var revised = DateColumns.From(m.RevisedDue, budget, "RevisedDue", "Revised due date");
        var source = SourceColumns.From(m.Source, budget);
        budget.Value(nameof(CriticalPath), 1);
        budget.Value(nameof(NoBaselineDue), 1);
        if (m.PercentComplete is not null) budget.Value(nameof(PercentComplete), 8);

        var entity = new MilestoneEntity
        {
            PartitionKey = partitionKey,
            RowKey = m.Ref.SortKey,
            Ref = budget.Text(nameof(Ref), m.Ref.Value)!,
            Title = budget.Text(nameof(Title), m.Title, "Title")!,
            Team = budget.Text(nameof(Team), m.Team, "Team"),
            Department = budget.Text(nameof(Department), m.Department, "Department"),
            Programme = budget.Text(nameof(Programme), m.Programme, "Programme"),
            Requirement = budget.Text(nameof(Requirement), m.Requirement, "Requirement"),
            StartText = start.Text, StartDate = start.Date, StartRangeStart = start.RangeStart, StartProblem = start.Problem, StartNote = start.Note,
            DueText = due.Text, DueDate = due.Date, DueRangeStart = due.RangeStart, DueProblem = due.Problem, DueNote = due.Note,
            RevisedDueText = revised.Text, RevisedDueDate = revised.Date, RevisedDueRangeStart = revised.RangeStart,
            RevisedDueProblem = revised.Problem, RevisedDueNote = revised.Note,
            NoBaselineDue = m.NoBaselineDue,
            PercentComplete = m.PercentComplete,
            Status = budget.Text(nameof(Status), m.Status.ToString())!,
            StatusText = budget.Text(nameof(StatusText), m.StatusText ?? string.Empty, "Status text")!,
            Rag = budget.Text(nameof(Rag), m.Rag.ToString())!,
            RagText = budget.Text(nameof(RagText), m.RagText ?? string.Empty, "RAG text")!,
            CriticalPath = m.CriticalPath,
            CommitteeSignOff = budget.Text(nameof(CommitteeSignOff), m.CommitteeSignOff, "Committee sign-off"),
            Owners = budget.Text(nameof(Owners), OwnersJson(m.Owners), "Owners"),
            ProgressNote = budget.Text(nameof(ProgressNote), m.ProgressNote, "Progress note"),
            Trend = budget.Text(nameof(Trend), m.Trend, "Trend"),
            Evidence = budget.Text(nameof(Evidence), m.Evidence, "Evidence"),
            SourceFile = source.File,
            SourceSheet = source.Sheet,
            SourceRow = source.Row,
            SourceColumn = source.Column,
        };
        var other = OtherFieldsJson(m.OtherFields);
        entity.OtherFields = budget.Text(nameof(OtherFields), other, other is { Length: > EntityBudget.MaxTextChars } ? DescribeOtherFields(m.OtherFields) : null);
        budget.EnsureFits();
        return (entity, budget.WireBytes);
    }

    public Milestone ToMilestone() => new()
    {
        Ref = MilestoneRef.Parse(Ref),
        Title = Title,
        Team = Team,
        Department = Department,
        Programme = Programme,
        Requirement = Requirement,
        Start = DateColumns.Read(StartText, StartDate, StartRangeStart, StartProblem, StartNote),
        Due = DateColumns.Read(DueText, DueDate, DueRangeStart, DueProblem, DueNote),
        RevisedDue = DateColumns.Read(RevisedDueText, RevisedDueDate, RevisedDueRangeStart, RevisedDueProblem, RevisedDueNote),
        NoBaselineDue = NoBaselineDue,
        PercentComplete = PercentComplete,
        Status = Enum.Parse<MilestoneStatus>(Status),
        StatusText = StatusText ?? string.Empty,
        Rag = Enum.Parse<Rag>(Rag),
        RagText = RagText ?? string.Empty,
        CriticalPath = CriticalPath,
        CommitteeSignOff = CommitteeSignOff,
        Owners = ReadOwners(Owners),
        ProgressNote = ProgressNote,
        Trend = Trend,
        Evidence = Evidence,
        OtherFields = ReadOtherFields(OtherFields),
        Source = SourceColumns.Read(SourceFile, SourceSheet, SourceRow, SourceColumn),
    };

    private static string? OwnersJson(IReadOnlyList<Owner> owners) =>
        owners.Count == 0
            ? null
            : JsonSerializer.Serialize(owners.Select(o => new OwnerJson(o.Name, o.Role.ToString(), o.RoleTitle, o.IsDeputy, o.Person)).ToList(), StorageJson.Compact.ListOwnerJson);

    private static IReadOnlyList<Owner> ReadOwners(string? json) =>
        json is null
            ? []
            : JsonSerializer.Deserialize(json, StorageJson.Compact.ListOwnerJson)!
                .Select(o => new Owner(o.Name, Enum.Parse<OwnerRole>(o.Role), o.Title, o.Deputy) { Person = o.Person }).ToList();

    private static string? OtherFieldsJson(IReadOnlyDictionary<string, string> fields) =>
        fields.Count == 0
            ? null
            : JsonSerializer.Serialize(fields as Dictionary<string, string> ?? new Dictionary<string, string>(fields), StorageJson.Compact.DictionaryStringString);

    private static IReadOnlyDictionary<string, string> ReadOtherFields(string? json) =>
        json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize(json, StorageJson.Compact.DictionaryStringString)!;

    private static string DescribeOtherFields(IReadOnlyDictionary<string, string> fields)
    {
        var largest = fields.OrderByDescending(f => f.Value.Length).First();
        return string.Create(CultureInfo.InvariantCulture,
            $"Other columns (the tracker's unmapped columns together; the largest is '{largest.Key}' at {largest.Value.Length:N0} characters)");
    }
}
