using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;

namespace PlanBot.Storage.Reminders;

/// <summary>
/// Reminders table, a state row: one milestone's <see cref="ReminderState"/>. PartitionKey: the plan id, beside the
/// plan's reminder rows. RowKey: <c>s|</c> + <see cref="MilestoneRef.SortKey"/>, so the sweep reads every state of a
/// plan with one partition scan over the RowKey range <c>s|</c> to <c>s}</c>. Written by read-modify-write under the ETag.
/// </summary>
internal sealed class ReminderStateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The milestone reference as the plan writes it (<c>6.17</c>, <c>2c</c>).</summary>
    public string Ref { get; set; } = string.Empty;

    public DateTimeOffset? LastSentAt { get; set; }
    public string? LastSentKey { get; set; }
    public DateTimeOffset? LastUpdateAt { get; set; }
    public DateTimeOffset? SnoozedUntil { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public string? UnreachableReason { get; set; }
    public DateTimeOffset? UnreachableSince { get; set; }

    public ReminderState ToState() => new()
    {
        LastSentAt = LastSentAt,
        LastSentKey = LastSentKey,
        LastUpdateAt = LastUpdateAt,
        SnoozedUntil = SnoozedUntil,
        EscalatedAt = EscalatedAt,
        UnreachableReason = UnreachableReason,
        UnreachableSince = UnreachableSince,
    };

    public static ReminderStateEntity From(string planId, MilestoneRef reference, ReminderState state, ETag etag) => new()
    {
        PartitionKey = planId,
        RowKey = ReminderKeys.StateRowKey(reference),
        ETag = etag,
        Ref = reference.Value,
        LastSentAt = state.LastSentAt,
        LastSentKey = state.LastSentKey,
        LastUpdateAt = state.LastUpdateAt,
        SnoozedUntil = state.SnoozedUntil,
        EscalatedAt = state.EscalatedAt,
        UnreachableReason = state.UnreachableReason,
        UnreachableSince = state.UnreachableSince,
    };
}
