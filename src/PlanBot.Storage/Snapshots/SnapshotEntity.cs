using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace PlanBot.Storage.Snapshots;

/// <summary>
/// Snapshots table, head rows: one per plan and week. PartitionKey: the plan id, so listing a plan's weeks and finding
/// the latest before a week are one partition scan over small rows. RowKey: the week's Monday, <c>yyyy-MM-dd</c>, which
/// sorts by date and reads as one in Storage Explorer. The row names the generation whose chunk rows hold the
/// milestones; replacing it under its ETag is the commit of a save.
/// </summary>
internal sealed class SnapshotEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Generation { get; set; }

    /// <summary>The plan day the snapshot was read as at, <c>yyyy-MM-dd</c>.</summary>
    public string AsAt { get; set; } = string.Empty;

    public DateTimeOffset TakenAt { get; set; }
    public int MilestoneCount { get; set; }

    /// <summary>How many chunk rows the generation has, and how many compressed bytes they hold between them.</summary>
    public int ChunkCount { get; set; }

    public long Bytes { get; set; }
    public string Format { get; set; } = string.Empty;

    public static string Key(DateOnly weekOf) => weekOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryReadKey(string rowKey, out DateOnly weekOf) =>
        DateOnly.TryParseExact(rowKey, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out weekOf);

    // Methods rather than properties: the SDK would try to store a DateOnly property as a column, and cannot.
    public DateOnly ReadWeekOf() => TryReadKey(RowKey, out var week) ? week : throw new InvalidDataException($"Snapshot row key '{RowKey}' is not a date.");

    public DateOnly ReadAsAt() => DateOnly.TryParseExact(AsAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        ? day
        : throw new InvalidDataException($"Snapshot {PartitionKey} {RowKey} has AsAt '{AsAt}', which is not a date.");
}
