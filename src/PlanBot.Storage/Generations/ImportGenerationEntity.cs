using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace PlanBot.Storage.Generations;

/// <summary>
/// ImportGenerations table: one row per import attempt. PartitionKey the plan id, RowKey the generation (19 digits, so
/// rows sort oldest first). Written as <see cref="ImportGenerationState.Writing"/> before any milestone, so an import
/// that stops part way leaves a record the next commit finds and deletes; set to Committed after the plan row flips.
/// </summary>
internal sealed class ImportGenerationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string State { get; set; } = nameof(ImportGenerationState.Writing);
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CommittedAt { get; set; }
    public string StartedBy { get; set; } = string.Empty;
    public int MilestoneCount { get; set; }
    public int ExceptionCount { get; set; }

    public long Generation => long.Parse(RowKey, CultureInfo.InvariantCulture);

    public static string Key(long generation) => generation.ToString("D19", CultureInfo.InvariantCulture);
}

internal enum ImportGenerationState
{
    Writing,
    Committed,
}
