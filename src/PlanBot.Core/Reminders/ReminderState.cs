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

    /// <summary>
    /// The <see cref="DueReminder.Key"/> of the last owners' reminder sent. An escalation leaves it alone (it is
    /// recorded in <see cref="EscalatedAt"/>), so sending one never makes the owners' reminder for the same slot look unsent.
    /// </summary>
    public string? LastSentKey { get; init; }

    /// <summary>When the last update arrived from an owner, on a card or in chat.</summary>
    public DateTimeOffset? LastUpdateAt { get; init; }

    /// <summary>Nothing is sent before this instant; then the latest slot is sent once (see <see cref="ReminderPlanner"/>).</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>
    /// When the milestone was last escalated. Escalation happens once per overdue spell, and this is what stops a second one.
    /// </summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>
    /// Why the last reminder could not reach anyone (no Teams account found, PlanBot not installed and not installable),
    /// kept until a later one is sent, so the PMO's digest can name the owners PlanBot cannot reach.
    /// </summary>
    public string? UnreachableReason { get; init; }

    /// <summary>When the reminder loop first found nobody reachable for this milestone, in the current spell.</summary>
    public DateTimeOffset? UnreachableSince { get; init; }

    /// <summary>A reminder has gone out since the last update and no owner has answered it.</summary>
    public bool AwaitingAnswer => LastSentAt is { } sent && (LastUpdateAt is not { } updated || updated < sent);

    /// <summary>The state after <paramref name="reminder"/> was sent at <paramref name="at"/>.</summary>
    public ReminderState Sent(DueReminder reminder, DateTimeOffset at) => this with
    {
        LastSentAt = at,
        LastSentKey = reminder.Kind == ReminderKind.Escalation ? LastSentKey : reminder.Key,
        EscalatedAt = reminder.Kind == ReminderKind.Escalation ? at : EscalatedAt,
        UnreachableReason = null,
        UnreachableSince = null,
    };

    /// <summary>The state after nobody could be reached at <paramref name="at"/>, for <paramref name="reason"/>.</summary>
    public ReminderState Unreachable(string reason, DateTimeOffset at) => this with
    {
        UnreachableReason = reason,
        UnreachableSince = UnreachableSince ?? at,
    };

    public ReminderState Updated(DateTimeOffset at) => this with { LastUpdateAt = at };

    public ReminderState Snoozed(DateTimeOffset until) => this with { SnoozedUntil = until };
}
