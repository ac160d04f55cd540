using PlanBot.Core.Reminders;

namespace PlanBot.Storage.Reminders;

/// <summary>
/// Reminders table, a notice row: the claim on one <see cref="ReminderNotice"/> — one person, one milestone, one working
/// day — and whether it was sent. PartitionKey: the plan id, so a plan's claims and milestone states
/// (<see cref="ReminderStateEntity"/>) share a partition and a send can be recorded in both rows in one entity-group
/// transaction. RowKey: <c>n|</c> + the notice key after the plan id (<c>n|6.17|20200120|1f2e…</c>: reference, London
/// day, person), escaped by <see cref="RowKeys.Escape"/>. Because the row names the day and the person rather than the
/// slot, an escalation and a chaser to the same person, a host and the command line sweeping the same day, or a late
/// slot after an early one all meet the same row: at most one card per milestone per person per working day. Claimed,
/// taken over, released and marked sent as <see cref="LeaseClaims"/> describes: inserting the row is the claim (a second
/// insert gets 409), and every later change is guarded by the row's ETag. (Rows starting <c>r|</c> are an earlier
/// version's per-slot claims; nothing reads them.)
/// </summary>
internal sealed class ReminderEntity : LeaseRow
{
    /// <summary>The whole <see cref="ReminderNotice.Key"/>, unescaped, for people reading the table.</summary>
    public string Key { get; set; } = string.Empty;

    public string Ref { get; set; } = string.Empty;

    /// <summary>The kinds merged into the card, escalation first ("Escalation+Overdue").</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The owner's name as the plan writes it; empty when nobody is named.</summary>
    public string Person { get; set; } = string.Empty;

    /// <summary>The slot keys merged into the card, separated by spaces.</summary>
    public string Slots { get; set; } = string.Empty;

    /// <summary>The row for <paramref name="notice"/>, keys and description only; <see cref="LeaseClaims"/> fills in the claim.</summary>
    public static ReminderEntity For(ReminderNotice notice) => new()
    {
        PartitionKey = notice.PlanId,
        RowKey = ReminderKeys.NoticeRowKey(notice),
        Key = notice.Key,
        Ref = notice.Ref.Value,
        Kind = string.Join('+', notice.Reminders.Select(r => r.Kind)),
        Person = notice.Person?.Name ?? string.Empty,
        Slots = string.Join(' ', notice.Reminders.Select(r => r.Key)),
    };
}

/// <summary>The Reminders table's RowKeys.</summary>
internal static class ReminderKeys
{
    public const string NoticePrefix = "n|";
    public const string StatePrefix = "s|";

    /// <summary>The first RowKey after every state row: '}' follows '|'.</summary>
    public const string StateEnd = "s}";

    /// <summary>
    /// <c>n|</c> + the key after <c>{plan}|</c>. Keys hold references, digits, '|' and a person key (an object id, or a
    /// name for someone not found), so they are escaped by <see cref="RowKeys.Escape"/>.
    /// </summary>
    public static string NoticeRowKey(ReminderNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var key = notice.Key;
        if (notice.PlanId is null || key.Length <= notice.PlanId.Length + 1 || !key.StartsWith(notice.PlanId + "|", StringComparison.Ordinal))
            throw new ArgumentException($"Notice key '{key}' does not start with its plan id '{notice.PlanId}' and '|'.", nameof(notice));
        return NoticePrefix + RowKeys.Escape(key.AsSpan(notice.PlanId.Length + 1));
    }

    /// <summary><c>s|</c> + <see cref="Core.Plans.MilestoneRef.SortKey"/> (<c>s|000006.000017</c>), so state rows sort by reference.</summary>
    public static string StateRowKey(Core.Plans.MilestoneRef reference) => StatePrefix + reference.SortKey;
}
