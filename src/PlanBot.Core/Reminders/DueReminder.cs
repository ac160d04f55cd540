using PlanBot.Core.Plans;

namespace PlanBot.Core.Reminders;

public enum ReminderKind
{
    /// <summary>A set number of working days before the due date.</summary>
    Before,

    /// <summary>On the due date, or the last working day before it.</summary>
    OnTheDay,

    /// <summary>A chaser while the milestone is overdue.</summary>
    Overdue,

    /// <summary>Overdue silence reported to the accountable owner(s), once.</summary>
    Escalation,
}

/// <summary>
/// One reminder to send now for one milestone. <see cref="Number"/> is the working days before the due date for
/// <see cref="ReminderKind.Before"/>, the chaser's number (1, 2, …) for <see cref="ReminderKind.Overdue"/>, the working
/// days of silence for <see cref="ReminderKind.Escalation"/>, and 0 on the day. <see cref="Key"/> names the slot —
/// <c>{plan}|{ref}|{kind}|{slot date yyyyMMdd}</c>, plus <c>|snoozed-{yyyyMMddHHmm}</c> for the one send after a snooze —
/// and is the same every time it is computed, so a store can claim it before sending (it is safe as a Table storage key).
/// <see cref="Recipients"/> may be empty when the milestone names nobody to send to; the sender reports that to the PMO.
/// </summary>
public sealed record DueReminder(
    string PlanId,
    MilestoneRef Ref,
    ReminderKind Kind,
    int Number,
    DateOnly DueDate,
    DateOnly SlotDate,
    DateTimeOffset Slot,
    IReadOnlyList<Owner> Recipients,
    string Key,
    string Reason,
    DateTimeOffset? SnoozedUntil = null);
