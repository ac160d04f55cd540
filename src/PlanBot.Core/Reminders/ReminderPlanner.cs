using System.Globalization;
using PlanBot.Core.Plans;
using PlanBot.Core.Time;
using PlanBot.Core.Questions;

namespace PlanBot.Core.Reminders;

/// <summary>Why the planner did or did not find a reminder to send.</summary>
public enum ReminderOutcome
{
    Due,

    /// <summary>Complete, closed or Blue: never reminded.</summary>
    Finished,

    /// <summary>Neither a due date nor a revised one could be read.</summary>
    NoDueDate,

    /// <summary>The due date is outside the years the working-day calendar covers (usually a mistyped year).</summary>
    OutsideCalendar,

    /// <summary>No slot has passed yet.</summary>
    NotYet,

    /// <summary>The sweep is outside the send window (not a working day, or before or after its hours): nothing is sent.</summary>
    OutsideSendWindow,

    /// <summary>The owner snoozed it and the snooze has not ended.</summary>
    Snoozed,

    /// <summary>The latest slot has already been sent.</summary>
    AlreadySent,

    /// <summary>The owner sent an update during this round, so the latest slot is skipped.</summary>
    AnsweredThisRound,
}

/// <summary>
/// The planner's answer for one milestone: the owners' <see cref="Reminder"/> and the <see cref="Escalation"/> due now
/// (either, both or neither). <see cref="SlotDate"/> is the slot it looked at: the latest one passed, or for
/// <see cref="ReminderOutcome.NotYet"/> the next one to come (null when there is none).
/// </summary>
public readonly record struct ReminderDecision(ReminderOutcome Outcome, DueReminder? Reminder = null, DateOnly? SlotDate = null, DueReminder? Escalation = null)
{
    /// <summary>Every reminder due, the escalation first.</summary>
    public IReadOnlyList<DueReminder> All => (Escalation, Reminder) switch
    {
        (null, null) => [],
        ({ } escalation, null) => [escalation],
        (null, { } reminder) => [reminder],
        ({ } escalation, { } reminder) => [escalation, reminder],
    };

    /// <summary>The escalation when one is due, else the owners' reminder.</summary>
    public DueReminder? First => Escalation ?? Reminder;
}

/// <summary>
/// Decides which reminder, if any, one milestone is due now under a plan's <see cref="ReminderPolicy"/>. Pure: no
/// clock, no storage; the caller passes the instant and the milestone's <see cref="ReminderState"/>.
/// <para>
/// <b>Slots.</b> With D the effective due date (the revised one when there is one) and D* the last working day on or
/// before D: a "before" slot n working days ahead is D* − n working days; the on-the-day slot is D* (so a due date on a
/// weekend or bank holiday is reminded on the working day before it); chaser k is D + k × ChaseEveryWorkingDays working
/// days (a weekend due date's chasers count from the next working day). Slots are at <see cref="ReminderPolicy.SendAt"/>
/// London time, so 09:00 is 09:00 UTC in winter and 08:00 UTC in summer.
/// </para>
/// <para>
/// <b>Delivery owners' reminders</b> (before, on the day, chasers): only the latest slot that has passed is ever
/// considered, so a host that was down sends one reminder, not a backlog. It is skipped when an update arrived at or
/// after the previous slot's time (the owner has answered this round). The first slot has no previous round: it counts
/// as answered only by an update at or after its own time — which happens when a revised date or a late import puts
/// the slot in the past and the owner has written since; an update before the first slot does not stop it. Nothing is
/// sent for a slot whose key was the last one sent.
/// </para>
/// <para>
/// <b>Escalation</b> goes to the accountable owner(s) after EscalateAfterWorkingDays working days of overdue
/// silence: counted from D, or from the day of the latest update when one arrived after D. It happens once per overdue
/// spell (<see cref="ReminderState.EscalatedAt"/>) and is decided together with a chaser due at the same time, so one
/// sweep sends both (the sender merges them into one card for someone who gets both). Unlike chasers it is not superseded by later slots, so downtime or a snooze delays it
/// but never loses it.
/// </para>
/// <para>
/// <b>Snooze.</b> Until <see cref="ReminderState.SnoozedUntil"/> nothing is sent. After it, the latest slot is sent once
/// even if it was sent before the snooze (its key gains <c>|snoozed-{yyyyMMddHHmm}</c>); slots after the snooze are as usual.
/// </para>
/// </summary>
public sealed class ReminderPlanner
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    // Working days before the due date, distinct and largest first: the slots in date order.
    private readonly int[] _before;
    private readonly DateOnly _earliestDue;
    private readonly DateOnly _latestDue;

    public ReminderPlanner(ReminderPolicy policy, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        Policy = policy.Validated();
        Calendar = calendar;
        _before = [.. policy.WorkingDaysBefore.Distinct().OrderDescending()];
        // A year's margin each side keeps every slot calculation inside the calendar.
        _earliestDue = calendar.FirstDate.AddYears(1);
        _latestDue = calendar.LastDate.AddYears(-1);
    }

    public ReminderPolicy Policy { get; }
    public WorkingCalendar Calendar { get; }

    /// <summary>
    /// A planner for <paramref name="policy"/> on its own working week (<see cref="ReminderPolicy.WorkingDays"/>, less
    /// England-and-Wales bank holidays).
    /// </summary>
    public ReminderPlanner(ReminderPolicy policy)
        : this(policy, WorkingCalendar.EnglandAndWalesOn(policy.Validated().WorkingDays))
    {
    }

    /// <summary>
    /// Whether <paramref name="now"/> is in the send window: a working day, from <see cref="ReminderPolicy.SendAt"/> to
    /// <see cref="ReminderPolicy.SendUntil"/> London time. Outside it nothing is sent, not even a catch-up.
    /// </summary>
    public bool IsInSendWindow(DateTimeOffset now)
    {
        var local = LondonTime.ToLondon(now).DateTime;
        var date = DateOnly.FromDateTime(local);
        if (date < Calendar.FirstDate || date > Calendar.LastDate || !Calendar.IsWorkingDay(date)) return false;
        var time = TimeOnly.FromDateTime(local);
        return time >= Policy.SendAt && time <= Policy.SendUntil;
    }

    /// <summary>When the send window next opens at or after <paramref name="now"/> (now itself when it is open).</summary>
    public DateTimeOffset NextSendWindow(DateTimeOffset now)
    {
        if (IsInSendWindow(now)) return now;
        var local = LondonTime.ToLondon(now).DateTime;
        var date = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= Policy.SendAt) date = date.AddDays(1);
        return LondonTime.At(Calendar.NextWorkingDayOnOrAfter(date), Policy.SendAt);
    }

    /// <summary>
    /// The first reminder to send for <paramref name="milestone"/> at <paramref name="now"/> (the escalation when one is
    /// due), or null. <see cref="Decide"/> gives every reminder due.
    /// </summary>
    public DueReminder? Due(string planId, Milestone milestone, ReminderState state, DateTimeOffset now) =>
        Decide(planId, milestone, state, now).First;

    /// <summary>
    /// Everything due for the milestone at <paramref name="now"/> — the owners' reminder and the escalation, both when
    /// both are due, so one sweep decides the instant — or why nothing is (for <c>planbot remind --dry-run</c>).
    /// </summary>
    public ReminderDecision Decide(string planId, Milestone milestone, ReminderState state, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(state);
        if (milestone.IsFinished) return new(ReminderOutcome.Finished);
        if (milestone.EffectiveDue is not { } due) return new(ReminderOutcome.NoDueDate);
        if (due < _earliestDue || due > _latestDue) return new(ReminderOutcome.OutsideCalendar);
        if (state.SnoozedUntil is { } snoozedUntil && snoozedUntil > now) return new(ReminderOutcome.Snoozed);

        var local = LondonTime.ToLondon(now).DateTime;
        var today = DateOnly.FromDateTime(local);
        // The latest date whose slot time has come.
        var lastSlotDate = TimeOnly.FromDateTime(local) >= Policy.SendAt ? today : today.AddDays(-1);
        var escalation = DueEscalation(planId, milestone, state, due, lastSlotDate, today);
        var owners = DecideForOwners(planId, milestone, state, due, lastSlotDate, today);
        if (escalation is null) return owners;
        return owners.Outcome == ReminderOutcome.Due
            ? owners with { Escalation = escalation }
            : new(ReminderOutcome.Due, SlotDate: escalation.SlotDate, Escalation: escalation);
    }

    /// <summary>The escalation due now, if any: once per overdue spell, never superseded by later slots.</summary>
    private DueReminder? DueEscalation(string planId, Milestone milestone, ReminderState state, DateOnly due, DateOnly lastSlotDate, DateOnly today)
    {
        if (Policy.EscalateAfterWorkingDays is not { } silence || lastSlotDate <= due) return null;
        var overdueFrom = LondonTime.At(due.AddDays(1), TimeOnly.MinValue);
        if (state.EscalatedAt is { } escalatedAt && escalatedAt >= overdueFrom) return null;
        var quietSince = state.LastUpdateAt is { } updated && updated >= overdueFrom ? LondonTime.DateOf(updated) : due;
        var date = Calendar.AddWorkingDays(quietSince, silence);
        if (date > lastSlotDate) return null;
        var slot = new Slot(ReminderKind.Escalation, silence, date);
        return Build(planId, milestone, due, slot, Key(planId, milestone.Ref, slot), today, quietSince, null);
    }

    /// <summary>The delivery owners' reminder (before, on the day, chasers): the latest slot passed, or why none.</summary>
    private ReminderDecision DecideForOwners(string planId, Milestone milestone, ReminderState state, DateOnly due, DateOnly lastSlotDate, DateOnly today)
    {
        if (!TryLatestPassed(due, lastSlotDate, out var latest, out var previous, out var next))
        {
            return new(ReminderOutcome.NotYet, SlotDate: next);
        }
        if (state.LastUpdateAt is { } lastUpdate && lastUpdate >= SlotAt(previous.Date))
        {
            return new(ReminderOutcome.AnsweredThisRound, SlotDate: latest.Date);
        }

        DateTimeOffset? deferredBy = state.SnoozedUntil is { } until && SlotAt(latest.Date) < until ? until : null;
        string? slotKey = null;
        bool sent;
        if (deferredBy is { } snooze)
        {
            slotKey = Key(planId, milestone.Ref, latest) + "|snoozed-" + LondonTime.ToLondon(snooze).ToString("yyyyMMddHHmm", English);
            sent = state.LastSentKey == slotKey;
        }
        else
        {
            // A suffix is a snoozed re-send of this slot whose snooze has since been cleared from the state.
            sent = StartsWithKey(state.LastSentKey, planId, milestone.Ref, latest, out _);
        }
        if (sent) return new(ReminderOutcome.AlreadySent, SlotDate: latest.Date);

        slotKey ??= Key(planId, milestone.Ref, latest);
        return new(ReminderOutcome.Due, Build(planId, milestone, due, latest, slotKey, today, due, deferredBy), latest.Date);
    }

    /// <summary>
    /// Every slot for a milestone up to and including <paramref name="through"/>, in time order, as if no one answers:
    /// the reminders before and on the due date, the chasers, and the escalation after the due date's silence.
    /// Empty for a finished milestone or one without a usable due date.
    /// </summary>
    public IReadOnlyList<DueReminder> Schedule(string planId, Milestone milestone, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.IsFinished || milestone.EffectiveDue is not { } due || due < _earliestDue || due > _latestDue) return [];

        var slots = new List<Slot>();
        var dueWorkingDay = Calendar.PreviousWorkingDayOnOrBefore(due);
        foreach (var days in _before) slots.Add(new Slot(ReminderKind.Before, days, Calendar.AddWorkingDays(dueWorkingDay, -days)));
        if (Policy.OnTheDay) slots.Add(new Slot(ReminderKind.OnTheDay, 0, dueWorkingDay));
        if (Policy.ChaseEveryWorkingDays is { } every)
        {
            var last = through > Calendar.LastDate.AddYears(-1) ? Calendar.LastDate.AddYears(-1) : through;
            for (var k = 1; Policy.MaxChasers is not { } max || k <= max; k++)
            {
                var date = Calendar.AddWorkingDays(due, k * every);
                if (date > last) break;
                slots.Add(new Slot(ReminderKind.Overdue, k, date));
            }
        }
        if (Policy.EscalateAfterWorkingDays is { } silence)
        {
            slots.Add(new Slot(ReminderKind.Escalation, silence, Calendar.AddWorkingDays(due, silence)));
        }

        return slots
            .Where(s => s.Date <= through)
            .OrderBy(s => s.Date)
            .ThenByDescending(s => s.Kind == ReminderKind.Escalation) // sent before a chaser due the same morning
            .Select(s => Build(planId, milestone, due, s, Key(planId, milestone.Ref, s), s.Date, due, null))
            .ToList();
    }

    private readonly record struct Slot(ReminderKind Kind, int Number, DateOnly Date);

    /// <summary>
    /// The latest delivery-owner slot on or before <paramref name="lastSlotDate"/>, the slot before it (itself when it
    /// is the first), and otherwise the next slot to come.
    /// </summary>
    private bool TryLatestPassed(DateOnly due, DateOnly lastSlotDate, out Slot latest, out Slot previous, out DateOnly? next)
    {
        latest = previous = default;
        next = null;
        var dueWorkingDay = Calendar.PreviousWorkingDayOnOrBefore(due);
        var preDueCount = _before.Length + (Policy.OnTheDay ? 1 : 0);

        if (Policy.ChaseEveryWorkingDays is { } every && lastSlotDate > due)
        {
            var chasers = Calendar.WorkingDaysBetween(due, lastSlotDate) / every;
            if (Policy.MaxChasers is { } max && chasers > max) chasers = max;
            if (chasers >= 1)
            {
                latest = new Slot(ReminderKind.Overdue, chasers, Calendar.AddWorkingDays(due, chasers * every));
                previous = chasers >= 2
                    ? new Slot(ReminderKind.Overdue, chasers - 1, Calendar.AddWorkingDays(due, (chasers - 1) * every))
                    : preDueCount > 0 ? PreDue(dueWorkingDay, preDueCount - 1) : latest;
                return true;
            }
        }

        var found = false;
        for (var i = 0; i < preDueCount; i++)
        {
            var slot = PreDue(dueWorkingDay, i);
            if (slot.Date > lastSlotDate)
            {
                next = slot.Date;
                break;
            }
            previous = found ? latest : slot;
            latest = slot;
            found = true;
        }
        if (!found && next is null && Policy.ChaseEveryWorkingDays is { } interval)
        {
            next = Calendar.AddWorkingDays(due, interval);
        }
        return found;
    }

    private Slot PreDue(DateOnly dueWorkingDay, int index) => index < _before.Length
        ? new Slot(ReminderKind.Before, _before[index], Calendar.AddWorkingDays(dueWorkingDay, -_before[index]))
        : new Slot(ReminderKind.OnTheDay, 0, dueWorkingDay);

    private DateTimeOffset SlotAt(DateOnly date) => LondonTime.At(date, Policy.SendAt);

    private static string Key(string planId, MilestoneRef reference, Slot slot)
    {
        Span<char> buffer = stackalloc char[128];
        return TryWriteKey(buffer, planId, reference, slot, out var written)
            ? new string(buffer[..written])
            : string.Create(English, $"{planId}|{reference.Value}|{KindToken(slot)}|{slot.Date:yyyyMMdd}");
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> is the slot's key (<paramref name="exact"/>) or the key followed by a
    /// '|' suffix. Compares without building the key, since the sweep asks this of almost every milestone.
    /// </summary>
    private static bool StartsWithKey(string? candidate, string planId, MilestoneRef reference, Slot slot, out bool exact)
    {
        exact = false;
        if (candidate is null) return false;
        Span<char> buffer = stackalloc char[128];
        ReadOnlySpan<char> key = TryWriteKey(buffer, planId, reference, slot, out var written) ? buffer[..written] : Key(planId, reference, slot);
        if (!candidate.AsSpan().StartsWith(key, StringComparison.Ordinal)) return false;
        exact = candidate.Length == key.Length;
        return exact || candidate[key.Length] == '|';
    }

    private static bool TryWriteKey(Span<char> destination, string planId, MilestoneRef reference, Slot slot, out int written) => slot.Kind switch
    {
        ReminderKind.Before => destination.TryWrite(English, $"{planId}|{reference.Value}|before-{slot.Number}|{slot.Date:yyyyMMdd}", out written),
        ReminderKind.OnTheDay => destination.TryWrite(English, $"{planId}|{reference.Value}|on-the-day|{slot.Date:yyyyMMdd}", out written),
        ReminderKind.Overdue => destination.TryWrite(English, $"{planId}|{reference.Value}|overdue-{slot.Number}|{slot.Date:yyyyMMdd}", out written),
        _ => destination.TryWrite(English, $"{planId}|{reference.Value}|escalation|{slot.Date:yyyyMMdd}", out written),
    };

    private static string KindToken(Slot slot) => slot.Kind switch
    {
        ReminderKind.Before => "before-" + slot.Number.ToString(English),
        ReminderKind.OnTheDay => "on-the-day",
        ReminderKind.Overdue => "overdue-" + slot.Number.ToString(English),
        _ => "escalation",
    };

    private DueReminder Build(string planId, Milestone milestone, DateOnly due, Slot slot, string key, DateOnly today, DateOnly quietSince, DateTimeOffset? snoozedUntil)
    {
        var escalation = slot.Kind == ReminderKind.Escalation;
        var delivery = Named(milestone, OwnerRole.Delivery);
        var recipients = escalation || delivery.Count == 0 ? Named(milestone, OwnerRole.Accountable) : delivery;

        var dueLabel = milestone.RevisedDue.Date is not null ? "revised due" : "due";
        var reason = slot.Kind switch
        {
            ReminderKind.Before => $"{Plural(slot.Number, "working day")} before {dueLabel} {QuestionAnswerer.Date(due)}",
            ReminderKind.OnTheDay when slot.Date == due => $"on the day: {dueLabel} {QuestionAnswerer.Date(due)}",
            ReminderKind.OnTheDay => $"last working day before {dueLabel} {WeekDay(due)}",
            ReminderKind.Overdue => $"overdue chaser {slot.Number}: {Plural(Calendar.WorkingDaysBetween(due, slot.Date), "working day")} after {dueLabel} {QuestionAnswerer.Date(due)}",
            _ when quietSince == due => $"escalation: no update in the {Plural(slot.Number, "working day")} since {dueLabel} {QuestionAnswerer.Date(due)}",
            _ => $"escalation: overdue since {dueLabel} {QuestionAnswerer.Date(due)} and no update in the {Plural(slot.Number, "working day")} since {QuestionAnswerer.Date(quietSince)}",
        };
        if (recipients.Count == 0) reason += escalation ? "; no accountable owner named to escalate to" : "; no owner named to send it to";
        else if (!escalation && delivery.Count == 0) reason += "; no delivery owner named, so sent to the accountable owner";
        if (snoozedUntil is { } until) reason += $"; snoozed until {LondonTime.ToLondon(until).ToString("ddd d MMM HH:mm", English)}";
        else if (slot.Date < today) reason += $" (slot was {WeekDay(slot.Date)})";

        return new DueReminder(planId, milestone.Ref, slot.Kind, slot.Number, due, slot.Date, SlotAt(slot.Date), recipients, key, reason, snoozedUntil);
    }

    /// <summary>Owners in a role, named people first and deputies after, each name once.</summary>
    private static List<Owner> Named(Milestone milestone, OwnerRole role)
    {
        var owners = new List<Owner>(2);
        foreach (var deputies in new[] { false, true })
        {
            foreach (var owner in milestone.Owners)
            {
                if (owner.Role != role || owner.IsDeputy != deputies || string.IsNullOrWhiteSpace(owner.Name)) continue;
                if (owners.Exists(o => string.Equals(o.Name, owner.Name, StringComparison.OrdinalIgnoreCase))) continue;
                owners.Add(owner);
            }
        }
        return owners;
    }

    private static string WeekDay(DateOnly date) => date.ToString("ddd d MMM yyyy", English);
    private static string Plural(int count, string noun) => $"{count.ToString(English)} {noun}{(count == 1 ? "" : "s")}";
}
