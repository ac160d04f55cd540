using System.Globalization;

namespace PlanBot.Core.Reminders;

/// <summary>
/// When a plan's owners are reminded. All counts are working days (<see cref="WorkingDays"/>, less England-and-Wales
/// bank holidays); every slot is at <see cref="SendAt"/> London time on a working day, and nothing is sent outside the
/// send window, <see cref="SendAt"/> to <see cref="SendUntil"/> on a working day. The default is the PMO's usual
/// rhythm: 14, 7 and 1 working days before the effective due date and on the day, an overdue chaser every 5 working
/// days, and one escalation to the accountable owner after 10 working days of overdue silence, from 09:00 to 17:00.
/// </summary>
public sealed record ReminderPolicy
{
    private const int MaxWorkingDays = 260; // about a year

    public static readonly IReadOnlyList<DayOfWeek> MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static ReminderPolicy Default { get; } = new();

    /// <summary>Reminders before the due date, in working days; any order, each at least 1. Empty for none.</summary>
    public IReadOnlyList<int> WorkingDaysBefore { get; init; } = [14, 7, 1];

    /// <summary>A reminder on the due date (on the last working day before it when it falls on a weekend or bank holiday).</summary>
    public bool OnTheDay { get; init; } = true;

    /// <summary>An overdue chaser every this many working days after the due date; null for no chasers.</summary>
    public int? ChaseEveryWorkingDays { get; init; } = 5;

    /// <summary>Stop chasing after this many chasers; null to chase until the milestone is finished or its date revised.</summary>
    public int? MaxChasers { get; init; }

    /// <summary>Escalate to the accountable owner(s) after this many working days of overdue silence; null never to escalate.</summary>
    public int? EscalateAfterWorkingDays { get; init; } = 10;

    /// <summary>London wall-clock time of every slot, and when the send window opens.</summary>
    public TimeOnly SendAt { get; init; } = new(9, 0);

    /// <summary>
    /// When the send window closes (inclusive): a host that was down at <see cref="SendAt"/> catches up until then, and
    /// after it waits for the next working day's window rather than message people in the evening or at night.
    /// </summary>
    public TimeOnly SendUntil { get; init; } = new(17, 0);

    /// <summary>The weekdays that are working days (bank holidays in England and Wales never are).</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } = MondayToFriday;

    /// <summary>Everything wrong with the policy, each as a sentence naming the setting; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (WorkingDaysBefore is null)
        {
            problems.Add("WorkingDaysBefore is missing: list the working days before the due date to remind on (e.g. 14, 7, 1), or give an empty list for none.");
        }
        else
        {
            foreach (var days in WorkingDaysBefore)
            {
                if (days < 0) problems.Add($"WorkingDaysBefore has {days}, which is negative: days before the due date count back from it, so write {-days}.");
                else if (days == 0) problems.Add("WorkingDaysBefore has 0: the reminder on the due date itself is set with OnTheDay.");
                else if (days > MaxWorkingDays) problems.Add($"WorkingDaysBefore has {days}, more than {MaxWorkingDays} working days (about a year) ahead.");
            }
            foreach (var repeated in WorkingDaysBefore.GroupBy(d => d).Where(g => g.Count() > 1))
            {
                problems.Add($"WorkingDaysBefore lists {repeated.Key} more than once.");
            }
        }
        if (ChaseEveryWorkingDays is { } every && every is < 1 or > MaxWorkingDays)
        {
            problems.Add($"ChaseEveryWorkingDays is {every}: it must be between 1 and {MaxWorkingDays} working days, or empty for no overdue chasers.");
        }
        if (MaxChasers is { } max)
        {
            if (max < 1) problems.Add($"MaxChasers is {max}: it must be at least 1, or empty to chase until the milestone is finished; to send no chasers, leave ChaseEveryWorkingDays empty.");
            else if (ChaseEveryWorkingDays is null) problems.Add("MaxChasers is set but ChaseEveryWorkingDays is empty, so there are no chasers to limit.");
        }
        if (EscalateAfterWorkingDays is { } escalate && escalate is < 1 or > MaxWorkingDays)
        {
            problems.Add($"EscalateAfterWorkingDays is {escalate}: it must be between 1 and {MaxWorkingDays} working days, or empty never to escalate.");
        }
        if (SendUntil <= SendAt)
        {
            problems.Add($"SendUntil is {Clock(SendUntil)}, not after SendAt ({Clock(SendAt)}): the send window must close after it opens, on the same day.");
        }
        if (WorkingDays is null || WorkingDays.Count == 0)
        {
            problems.Add("WorkingDays is empty: list the weekdays reminders may go on, e.g. Monday, Tuesday, Wednesday, Thursday, Friday.");
        }
        else
        {
            foreach (var day in WorkingDays.Where(d => !Enum.IsDefined(d))) problems.Add($"WorkingDays has {(int)day}, which is not a weekday.");
            foreach (var repeated in WorkingDays.GroupBy(d => d).Where(g => g.Count() > 1)) problems.Add($"WorkingDays lists {repeated.Key} more than once.");
        }
        return problems;
    }

    /// <summary>This policy, or an <see cref="ArgumentException"/> listing every problem.</summary>
    public ReminderPolicy Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new ArgumentException("The reminder policy is not usable: " + string.Join(" ", problems));
    }

    /// <summary>The policy in one sentence, for <c>planbot remind --dry-run</c> and the PMO's settings card.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        var before = (WorkingDaysBefore ?? []).Distinct().OrderDescending().ToList();
        if (before.Count > 0) parts.Add($"{JoinAnd(before.Select(d => d.ToString(CultureInfo.InvariantCulture)))} working day{(before is [1] ? "" : "s")} before the due date");
        if (OnTheDay) parts.Add("on the day");
        if (ChaseEveryWorkingDays is { } every)
        {
            var limit = MaxChasers is { } max ? $" (at most {max})" : "";
            parts.Add($"every {every} working day{(every == 1 ? "" : "s")} while overdue{limit}");
        }
        var reminders = parts.Count == 0 ? "No reminders" : "Reminders " + JoinAnd(parts);
        var escalation = EscalateAfterWorkingDays is { } after
            ? $"; escalated once to the accountable owner after {after} working day{(after == 1 ? "" : "s")} of overdue silence"
            : "; no escalation";
        var week = (WorkingDays ?? []).Order().SequenceEqual(MondayToFriday) ? "Monday to Friday" : JoinAnd((WorkingDays ?? []).Order().Select(d => d.ToString()));
        return $"{reminders}{escalation}; sent at {Clock(SendAt)} London time on working days ({week}, not bank holidays), "
            + $"or until {Clock(SendUntil)} when a host was down at {Clock(SendAt)}.";
    }

    public bool Equals(ReminderPolicy? other) =>
        other is not null
        && (WorkingDaysBefore ?? []).SequenceEqual(other.WorkingDaysBefore ?? [])
        && OnTheDay == other.OnTheDay
        && ChaseEveryWorkingDays == other.ChaseEveryWorkingDays
        && MaxChasers == other.MaxChasers
        && EscalateAfterWorkingDays == other.EscalateAfterWorkingDays
        && SendAt == other.SendAt
        && SendUntil == other.SendUntil
        && (WorkingDays ?? []).Order().SequenceEqual((other.WorkingDays ?? []).Order());

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var days in WorkingDaysBefore ?? []) hash.Add(days);
        hash.Add(OnTheDay);
        hash.Add(ChaseEveryWorkingDays);
        hash.Add(MaxChasers);
        hash.Add(EscalateAfterWorkingDays);
        hash.Add(SendAt);
        hash.Add(SendUntil);
        foreach (var day in (WorkingDays ?? []).Order()) hash.Add(day);
        return hash.ToHashCode();
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
