using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Reminders;

namespace PlanBot.Storage.Reminders;

/// <summary>
/// Reminders table, a reminder row: the claim on one <see cref="DueReminder"/> and whether it was sent. PartitionKey:
/// the plan id, so a plan's claims and milestone states (<see cref="ReminderStateEntity"/>) share a partition and a send
/// can be recorded in both rows in one entity-group transaction. RowKey: <c>r|</c> + the reminder key after the plan id
/// (<c>r|6.17|before-7|20200120</c>), escaped by <see cref="ReminderKeys.Escape"/>. Inserting the row is the claim: a
/// second insert gets 409. Every later change is guarded by the row's ETag.
/// </summary>
internal sealed class ReminderEntity : ITableEntity
{
    public const string ClaimedStatus = "Claimed";
    public const string SentStatus = "Sent";
    public const string ReleasedStatus = "Released";

    /// <summary>Released too many times: no sweep claims it again.</summary>
    public const string GivenUpStatus = "GivenUp";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The whole <see cref="DueReminder.Key"/>, unescaped, for people reading the table.</summary>
    public string Key { get; set; } = string.Empty;

    public string Ref { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;

    /// <summary><see cref="ClaimedStatus"/>, <see cref="SentStatus"/>, <see cref="ReleasedStatus"/> or <see cref="GivenUpStatus"/>.</summary>
    public string Status { get; set; } = string.Empty;

    public string Claimant { get; set; } = string.Empty;

    /// <summary>A fresh id per claim, so a claim whose reply was lost (and whose retry got 409 or 412) is recognised as ours.</summary>
    public string ClaimId { get; set; } = string.Empty;

    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset LeaseUntil { get; set; }

    /// <summary>How many times the reminder has been claimed: 1 for the first claim, then one more per takeover or re-claim.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>Why the last claim was released or given up (the send failed).</summary>
    public string? LastError { get; set; }

    public static ReminderEntity Claim(DueReminder reminder, string claimant, string claimId, DateTimeOffset now, DateTimeOffset leaseUntil, ReminderEntity? previous) => new()
    {
        PartitionKey = reminder.PlanId,
        RowKey = ReminderKeys.ReminderRowKey(reminder),
        Key = reminder.Key,
        Ref = reminder.Ref.Value,
        Kind = reminder.Kind.ToString(),
        Status = ClaimedStatus,
        Claimant = claimant,
        ClaimId = claimId,
        ClaimedAt = now,
        LeaseUntil = leaseUntil,
        Attempts = (previous?.Attempts ?? 0) + 1,
        ReleasedAt = previous?.ReleasedAt,
        LastError = previous?.LastError,
    };
}

/// <summary>The Reminders table's RowKeys.</summary>
internal static class ReminderKeys
{
    public const string ReminderPrefix = "r|";
    public const string StatePrefix = "s|";

    /// <summary>The first RowKey after every state row: '}' follows '|'.</summary>
    public const string StateEnd = "s}";

    /// <summary>
    /// <c>r|</c> + the key after <c>{plan}|</c>. Keys the planner builds hold only letters, digits, '.', '-' and '|',
    /// but a RowKey may not hold '/', '\', '#', '?' or control characters, so those (and '%', to keep the escaping
    /// reversible and the key unique) are written as <c>%XX</c>.
    /// </summary>
    public static string ReminderRowKey(DueReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (reminder.Key is null || reminder.Key.Length <= reminder.PlanId.Length + 1
            || !reminder.Key.StartsWith(reminder.PlanId + "|", StringComparison.Ordinal))
            throw new ArgumentException($"Reminder key '{reminder.Key}' does not start with its plan id '{reminder.PlanId}' and '|'.", nameof(reminder));
        return ReminderPrefix + Escape(reminder.Key.AsSpan(reminder.PlanId.Length + 1));
    }

    /// <summary><c>s|</c> + <see cref="Core.Plans.MilestoneRef.SortKey"/> (<c>s|000006.000017</c>), so state rows sort by reference.</summary>
    public static string StateRowKey(Core.Plans.MilestoneRef reference) => StatePrefix + reference.SortKey;

    public static string Escape(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}
