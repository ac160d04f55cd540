using PlanBot.Core.Reminders;

namespace PlanBot.Storage.Reminders;

/// <summary>
/// Reminders table, a reminder row: the claim on one <see cref="DueReminder"/> and whether it was sent. PartitionKey:
/// the plan id, so a plan's claims and milestone states (<see cref="ReminderStateEntity"/>) share a partition and a send
/// can be recorded in both rows in one entity-group transaction. RowKey: <c>r|</c> + the reminder key after the plan id
/// (<c>r|6.17|before-7|20200120</c>), escaped by <see cref="RowKeys.Escape"/>. Claimed, taken over, released and marked
/// sent as <see cref="LeaseClaims"/> describes: inserting the row is the claim (a second insert gets 409), and every
/// later change is guarded by the row's ETag.
/// </summary>
internal sealed class ReminderEntity : LeaseRow
{
    /// <summary>The whole <see cref="DueReminder.Key"/>, unescaped, for people reading the table.</summary>
    public string Key { get; set; } = string.Empty;

    public string Ref { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;

    /// <summary>The row for <paramref name="reminder"/>, keys and description only; <see cref="LeaseClaims"/> fills in the claim.</summary>
    public static ReminderEntity For(DueReminder reminder) => new()
    {
        PartitionKey = reminder.PlanId,
        RowKey = ReminderKeys.ReminderRowKey(reminder),
        Key = reminder.Key,
        Ref = reminder.Ref.Value,
        Kind = reminder.Kind.ToString(),
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
    /// but are escaped by <see cref="RowKeys.Escape"/> all the same, in case one ever holds a character a RowKey may not.
    /// </summary>
    public static string ReminderRowKey(DueReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (reminder.Key is null || reminder.Key.Length <= reminder.PlanId.Length + 1
            || !reminder.Key.StartsWith(reminder.PlanId + "|", StringComparison.Ordinal))
            throw new ArgumentException($"Reminder key '{reminder.Key}' does not start with its plan id '{reminder.PlanId}' and '|'.", nameof(reminder));
        return ReminderPrefix + RowKeys.Escape(reminder.Key.AsSpan(reminder.PlanId.Length + 1));
    }

    /// <summary><c>s|</c> + <see cref="Core.Plans.MilestoneRef.SortKey"/> (<c>s|000006.000017</c>), so state rows sort by reference.</summary>
    public static string StateRowKey(Core.Plans.MilestoneRef reference) => StatePrefix + reference.SortKey;
}
