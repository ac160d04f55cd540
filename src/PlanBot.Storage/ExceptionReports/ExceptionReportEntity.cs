using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Plans;

namespace PlanBot.Storage.ExceptionReports;

/// <summary>
/// ExceptionReports table: one row per exception report entry per import generation.
/// PartitionKey <c>{planId}@{generation:D19}</c> (the same generation scheme as milestones, so a plan's report is
/// one partition read and is replaced with its milestones); RowKey the entry's position, zero-padded ("000003"),
/// because entries have no key of their own ("41 &amp; 44", "-") and report order matters.
/// </summary>
internal sealed class ExceptionReportEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string MilestoneRefText { get; set; } = string.Empty;

    /// <summary>The references read from <see cref="MilestoneRefText"/>, comma-separated ("41,44").</summary>
    public string? Refs { get; set; }

    public string? Team { get; set; }
    public string? Title { get; set; }

    public string DateDueText { get; set; } = string.Empty;
    public string? DateDueDate { get; set; }
    public string? DateDueRangeStart { get; set; }
    public string? DateDueProblem { get; set; }
    public string? DateDueNote { get; set; }

    public string? Reason { get; set; }

    public string ProposedRevisedDateText { get; set; } = string.Empty;
    public string? ProposedRevisedDateDate { get; set; }
    public string? ProposedRevisedDateRangeStart { get; set; }
    public string? ProposedRevisedDateProblem { get; set; }
    public string? ProposedRevisedDateNote { get; set; }

    public string? ReportTitle { get; set; }

    public string? SourceFile { get; set; }
    public string? SourceSheet { get; set; }
    public int? SourceRow { get; set; }
    public int? SourceColumn { get; set; }

    public static string Key(int index) => index.ToString("D6", CultureInfo.InvariantCulture);

    public static (ExceptionReportEntity Entity, long WireBytes) From(string planId, long generation, int index, ExceptionReportEntry e)
    {
        var partitionKey = GenerationKeys.Partition(planId, generation);
        var rowKey = Key(index);
        var item = string.Create(CultureInfo.InvariantCulture, $"exception report entry {index + 1} ({e.MilestoneRefText})");
        var budget = new EntityBudget(planId, item, partitionKey, rowKey);
        var due = DateColumns.From(e.DateDue, budget, "DateDue", "Date due");
        var proposed = DateColumns.From(e.ProposedRevisedDate, budget, "ProposedRevisedDate", "Proposed revised date");
        var source = SourceColumns.From(e.Source, budget);
        var entity = new ExceptionReportEntity
        {
            PartitionKey = partitionKey,
            RowKey = rowKey,
            MilestoneRefText = budget.Text(nameof(MilestoneRefText), e.MilestoneRefText, "Milestone reference")!,
            Refs = budget.Text(nameof(Refs), e.Refs.Count == 0 ? null : string.Join(',', e.Refs.Select(r => r.Value)), "Milestone references"),
            Team = budget.Text(nameof(Team), e.Team, "Team"),
            Title = budget.Text(nameof(Title), e.Title, "Title"),
            DateDueText = due.Text, DateDueDate = due.Date, DateDueRangeStart = due.RangeStart, DateDueProblem = due.Problem, DateDueNote = due.Note,
            Reason = budget.Text(nameof(Reason), e.Reason, "Reason"),
            ProposedRevisedDateText = proposed.Text, ProposedRevisedDateDate = proposed.Date, ProposedRevisedDateRangeStart = proposed.RangeStart,
            ProposedRevisedDateProblem = proposed.Problem, ProposedRevisedDateNote = proposed.Note,
            ReportTitle = budget.Text(nameof(ReportTitle), e.ReportTitle, "Report title"),
            SourceFile = source.File,
            SourceSheet = source.Sheet,
            SourceRow = source.Row,
            SourceColumn = source.Column,
        };
        budget.EnsureFits();
        return (entity, budget.WireBytes);
    }

    public ExceptionReportEntry ToEntry() => new()
    {
        MilestoneRefText = MilestoneRefText,
        Refs = Refs is null ? [] : Refs.Split(',').Select(MilestoneRef.Parse).ToList(),
        Team = Team,
        Title = Title,
        DateDue = DateColumns.Read(DateDueText, DateDueDate, DateDueRangeStart, DateDueProblem, DateDueNote),
        Reason = Reason,
        ProposedRevisedDate = DateColumns.Read(ProposedRevisedDateText, ProposedRevisedDateDate, ProposedRevisedDateRangeStart, ProposedRevisedDateProblem, ProposedRevisedDateNote),
        ReportTitle = ReportTitle,
        Source = SourceColumns.Read(SourceFile, SourceSheet, SourceRow, SourceColumn),
    };
}
