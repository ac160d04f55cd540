namespace PlanBot.Core.Reminders;

/// <summary>
/// What the reminder loop remembers about one milestone between sweeps (stored beside the milestone; the planner only
/// reads it). Record a send with <see cref="Sent"/>, an owner's update with <see cref="Updated"/> and a snooze with
/// <see cref="Snoozed"/> so the fields stay consistent.
/// </summary>
public sealed record ReminderState
{
    public static ReminderState None { get; } = new();

    /// <summary>When the last reminder or escalation for this milestone was sent.</summary>
    public DateTimeOffset? LastSentAt { get; init; }

    /// <summary>The <see cref="DueReminder.Key"/> of the last reminder or escalation sent.</summary>
    public string? LastSentKey { get; init; }

    /// <summary>When the last update arrived from an owner, on a card or in chat.</summary>
    public DateTimeOffset? LastUpdateAt { get; init; }

    /// <summary>Nothing is sent before this instant; then the latest slot is sent once (see <see cref="ReminderPlanner"/>).</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>
    /// When the milestone was last escalated. Escalation happens once per overdue spell, and later chasers overwrite
    /// <see cref="LastSentKey"/>, so this is what stops a second one.
    /// </summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>The state after <paramref name="reminder"/> was sent at <paramref name="at"/>.</summary>
    public ReminderState Sent(DueReminder reminder, DateTimeOffset at) => this with
    {
        LastSentAt = at,
        LastSentKey = reminder.Key,
        EscalatedAt = reminder.Kind == ReminderKind.Escalation ? at : EscalatedAt,
    };

    public ReminderState Updated(DateTimeOffset at) => this with { LastUpdateAt = at };

    public ReminderState Snoozed(DateTimeOffset until) => this with { SnoozedUntil = until };
}
