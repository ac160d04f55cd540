using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Plans;

namespace PlanBot.Storage.History;

/// <summary>
/// MilestoneHistory table: append-only, one row per change to a milestone.
/// PartitionKey <c>{planId}|{ref.SortKey}</c>: one milestone's history is one partition, independent of import generations.
/// RowKey <c>{DateTime.MaxValue.Ticks - at.UtcTicks:D19}-{hash}</c>: newest first in a plain partition scan; the hash
/// (12 hex digits of SHA-256 over the entry) makes the key a function of the entry, so writing it twice stores it once.
/// Changes is JSON; a change set longer than one column spills into Changes2..Changes4.
/// </summary>
internal sealed class MilestoneHistoryEntity : ITableEntity
{
    private const int ChangeColumns = 4;

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Ref { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = string.Empty;
    public string Source { get; set; } = string.Empty;
    public string? Note { get; set; }
    public string Changes { get; set; } = "[]";
    public string? Changes2 { get; set; }
    public string? Changes3 { get; set; }
    public string? Changes4 { get; set; }

    /// <summary>The import generation that recorded the entry.</summary>
    public long Generation { get; set; }

    public static string Partition(string planId, MilestoneRef reference) => planId + "|" + reference.SortKey;

    public static MilestoneHistoryEntity From(string planId, long generation, MilestoneHistoryEntry entry)
    {
        var changes = JsonSerializer.Serialize(
            entry.Changes.Select(c => new FieldChangeJson(c.Field, c.Old, c.New)).ToList(), StorageJson.Compact.ListFieldChangeJson);
        var partitionKey = Partition(planId, entry.Ref);
        var rowKey = RowKeyFor(entry, changes);
        var budget = new EntityBudget(planId, "history of milestone " + entry.Ref.Value, partitionKey, rowKey);
        budget.Value(nameof(At), 8);
        budget.Value(nameof(Generation), 8);

        var chunks = changes.Chunk(EntityBudget.MaxTextChars).Select(c => new string(c)).ToList();
        if (chunks.Count > ChangeColumns)
            throw TableStorageLimitException.TextTooLong(planId, "history of milestone " + entry.Ref.Value, "Changes", changes.Length);
        string? Chunk(int i) => i < chunks.Count ? budget.Text(nameof(Changes) + (i == 0 ? string.Empty : (i + 1).ToString(CultureInfo.InvariantCulture)), chunks[i], "Changes") : null;

        var entity = new MilestoneHistoryEntity
        {
            PartitionKey = partitionKey,
            RowKey = rowKey,
            Ref = budget.Text(nameof(Ref), entry.Ref.Value)!,
            At = entry.At,
            By = budget.Text(nameof(By), entry.By, "By")!,
            Source = budget.Text(nameof(Source), entry.Source, "Source")!,
            Note = budget.Text(nameof(Note), entry.Note, "Note"),
            Changes = Chunk(0) ?? "[]",
            Changes2 = Chunk(1),
            Changes3 = Chunk(2),
            Changes4 = Chunk(3),
            Generation = generation,
        };
        budget.EnsureFits();
        return entity;
    }

    public MilestoneHistoryEntry ToEntry()
    {
        var json = string.Concat(Changes, Changes2, Changes3, Changes4);
        var changes = JsonSerializer.Deserialize(json, StorageJson.Compact.ListFieldChangeJson)!
            .Select(c => new FieldChange(c.Field, c.Old, c.New)).ToList();
        return new MilestoneHistoryEntry(MilestoneRef.Parse(Ref), At, By, Source, changes, Note);
    }

    private static string RowKeyFor(MilestoneHistoryEntry entry, string changesJson)
    {
        var inverted = (DateTime.MaxValue.Ticks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var identity = string.Join('\u001f', entry.Ref.Value, entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture), entry.By, entry.Source, entry.Note ?? string.Empty, changesJson);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return inverted + "-" + Convert.ToHexStringLower(hash, 0, 6);
    }
}
