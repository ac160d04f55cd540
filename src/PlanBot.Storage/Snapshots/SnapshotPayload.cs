using System.IO.Compression;
using System.Text.Json;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;

namespace PlanBot.Storage.Snapshots;

/// <summary>
/// A snapshot's milestones as one gzip-compressed JSON array (<see cref="Format"/>): a 100,000-milestone plan's
/// 20 MB of JSON shrinks to a few megabytes, which <see cref="SnapshotChunks"/> then spreads over a handful of rows.
/// </summary>
internal static class SnapshotPayload
{
    /// <summary>Written on the head row, so a later change of encoding can still read what is stored.</summary>
    public const string Format = "milestones-json-gzip-1";

    public static byte[] Write(IReadOnlyList<MilestoneSnapshot> milestones)
    {
        var rows = new List<MilestoneSnapshotJson>(milestones.Count);
        foreach (var m in milestones)
        {
            rows.Add(new MilestoneSnapshotJson(m.Ref.Value, m.Title, m.Team, m.Department, m.Programme, m.Status.ToString(), m.Rag.ToString(),
                m.Due, m.RevisedDue, m.Overdue));
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            JsonSerializer.Serialize(gzip, rows, StorageJson.Compact.ListMilestoneSnapshotJson);
        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a payload this version wrote.</exception>
    public static IReadOnlyList<MilestoneSnapshot> Read(Stream compressed)
    {
        List<MilestoneSnapshotJson>? rows;
        try
        {
            // Inflated in full first, then parsed from one span: the serializer's fast path, not its resumable stream reader.
            using var json = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true)) gzip.CopyTo(json);
            rows = JsonSerializer.Deserialize(json.GetBuffer().AsSpan(0, (int)json.Length), StorageJson.Compact.ListMilestoneSnapshotJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("A stored snapshot's milestones are not valid JSON.", e);
        }

        if (rows is null) throw new InvalidDataException("A stored snapshot holds no milestone list.");
        var milestones = new List<MilestoneSnapshot>(rows.Count);
        foreach (var row in rows)
        {
            if (!MilestoneRef.TryParse(row.Ref, out var reference))
                throw new InvalidDataException($"A stored snapshot holds '{row.Ref}', which is not a milestone reference.");
            milestones.Add(new MilestoneSnapshot
            {
                Ref = reference,
                Title = row.Title ?? string.Empty,
                Team = row.Team,
                Department = row.Department,
                Programme = row.Programme,
                // A name this version does not know (written by a later one) reads as the default rather than failing.
                Status = Enum.TryParse<MilestoneStatus>(row.Status, out var status) ? status : MilestoneStatus.Unknown,
                Rag = Enum.TryParse<Rag>(row.Rag, out var rag) ? rag : Rag.None,
                Due = row.Due,
                RevisedDue = row.RevisedDue,
                Overdue = row.Overdue,
            });
        }
        return milestones;
    }
}

/// <summary>One milestone in a stored snapshot; enums by name so the JSON still reads if their order changes.</summary>
internal sealed record MilestoneSnapshotJson(
    string Ref,
    string? Title,
    string? Team,
    string? Department,
    string? Programme,
    string? Status,
    string? Rag,
    DateOnly? Due,
    DateOnly? RevisedDue,
    bool Overdue);
