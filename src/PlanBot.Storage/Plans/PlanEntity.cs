using Azure;
using System.Text.Json;
using Azure.Data.Tables;
using PlanBot.Core.Plans;

namespace PlanBot.Storage.Plans;

/// <summary>
/// Plans table: one row per plan. PartitionKey "plan", RowKey the plan id.
/// All plans share a partition so listing them is one partition scan; there are tens of plans, not thousands.
/// The row names the generation of the Milestones and ExceptionReports partitions readers should use,
/// and its ETag is the plan's <see cref="PlanSummary.Version"/>: replacing it is the commit point of an import.
/// </summary>
internal sealed class PlanEntity : ITableEntity
{
    public const string Partition = "plan";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = string.Empty;
    public string? SourceFile { get; set; }
    public int MilestoneCount { get; set; }
    public int ExceptionCount { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = string.Empty;
    public long Generation { get; set; }

    /// <summary>The plan's table titles (<see cref="Plan.TableTitles"/>) as a JSON list; null when none.</summary>
    public string? TableTitles { get; set; }

    /// <summary>The header of the tracker's rating column (<see cref="Plan.RatingHeader"/>).</summary>
    public string? RatingHeader { get; set; }

    /// <summary>When a milestone was last updated from a card or chat (the row is rewritten so the version changes).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    public static PlanEntity From(Plan plan, string importedBy, DateTimeOffset importedAt, long generation)
    {
        var budget = new EntityBudget(plan.Id, "the plan", Partition, plan.Id);
        var entity = new PlanEntity
        {
            RowKey = plan.Id,
            Name = budget.Text(nameof(Name), plan.Name, "plan name")!,
            SourceFile = budget.Text(nameof(SourceFile), plan.SourceFile, "source file name"),
            MilestoneCount = plan.Milestones.Count,
            ExceptionCount = plan.Exceptions.Count,
            ImportedAt = importedAt,
            ImportedBy = budget.Text(nameof(ImportedBy), importedBy, "imported by")!,
            Generation = generation,
            TableTitles = budget.Text(nameof(TableTitles),
                plan.TableTitles.Count == 0 ? null : JsonSerializer.Serialize(plan.TableTitles.ToList(), StorageJson.Compact.ListString), "table titles"),
            RatingHeader = budget.Text(nameof(RatingHeader), plan.RatingHeader, "rating column header"),
        };
        budget.EnsureFits();
        return entity;
    }

    public IReadOnlyList<string> ReadTableTitles() =>
        TableTitles is null ? [] : JsonSerializer.Deserialize(TableTitles, StorageJson.Compact.ListString) ?? [];

    public PlanSummary ToSummary(ETag version) =>
        new(RowKey, Name, SourceFile, MilestoneCount, ExceptionCount, ImportedAt, ImportedBy, version.ToString(), Generation);
}
