using System.Globalization;
using Azure.Data.Tables;

namespace PlanBot.Storage.Snapshots;

/// <summary>
/// Snapshots table, chunk rows: a snapshot's compressed payload cut into binary columns. PartitionKey:
/// <c>{planId}|{weekOf:yyyy-MM-dd}@{generation:D19}</c>, one partition per save, so a save writes beside the generation
/// readers use and an old generation is deleted as one partition. RowKey: the chunk's position, <c>{index:D6}</c>, so
/// the chunks come back in order; <c>claim</c> (written first, carrying nothing) reserves the generation number.
/// </summary>
/// <remarks>
/// A binary column holds at most 64 KiB and an entity 1 MiB. Binary travels base64-encoded, a third larger, and Azurite
/// measures an entity by its request body, so each row carries up to <see cref="PartsPerRow"/> columns <c>Part00</c>,
/// <c>Part01</c>, … of <see cref="MaxPartBytes"/> bytes: 704,000 bytes, about 940,000 as JSON, under the limit either
/// way it is counted (the documented formula gives 4 bytes + length for each byte array).
/// </remarks>
internal static class SnapshotChunks
{
    public const int MaxPartBytes = 64_000;
    public const int PartsPerRow = 11;
    public const int MaxRowBytes = MaxPartBytes * PartsPerRow;
    public const string ClaimKey = "claim";
    public const string PartsColumn = "Parts";

    public static string Partition(string planId, DateOnly weekOf, long generation) =>
        planId + "|" + SnapshotEntity.Key(weekOf) + "@" + generation.ToString("D19", CultureInfo.InvariantCulture);

    public static string Key(int index) => index.ToString("D6", CultureInfo.InvariantCulture);

    public static string PartColumn(int part) => "Part" + part.ToString("D2", CultureInfo.InvariantCulture);

    public static int RowsFor(int bytes) => Math.Max(1, (bytes + MaxRowBytes - 1) / MaxRowBytes);

    /// <summary>The payload as chunk rows; an empty payload still gets one row, so every generation has its rows.</summary>
    public static List<TableEntity> Split(string partition, byte[] payload)
    {
        var rows = new List<TableEntity>(RowsFor(payload.Length));
        for (var index = 0; index < RowsFor(payload.Length); index++)
        {
            var row = new TableEntity(partition, Key(index));
            var rowStart = index * MaxRowBytes;
            var parts = 0;
            for (var offset = rowStart; offset < Math.Min(payload.Length, rowStart + MaxRowBytes); offset += MaxPartBytes)
                row[PartColumn(parts++)] = payload.AsSpan(offset, Math.Min(MaxPartBytes, payload.Length - offset)).ToArray();
            row[PartsColumn] = parts;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The payload put back together from a generation's rows (the claim row is skipped).</summary>
    /// <exception cref="InvalidDataException">A row misses a part it says it has.</exception>
    public static MemoryStream Join(IEnumerable<TableEntity> rows)
    {
        var payload = new MemoryStream();
        foreach (var row in rows.Where(r => r.RowKey != ClaimKey).OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            var parts = row.GetInt32(PartsColumn) ?? 0;
            for (var part = 0; part < parts; part++)
            {
                var bytes = row.GetBinary(PartColumn(part))
                    ?? throw new InvalidDataException($"Snapshot chunk {row.PartitionKey} {row.RowKey} has no {PartColumn(part)}.");
                payload.Write(bytes);
            }
        }
        payload.Position = 0;
        return payload;
    }
}
