using System.Globalization;

namespace PlanBot.Core.Reminders;

/// <summary>
/// When a plan's owners are reminded. All counts are England-and-Wales working days; every reminder goes at
/// <see cref="SendAt"/> London time on a working day. The default is the PMO's usual rhythm: 14, 7 and 1 working days
/// before the effective due date and on the day, an overdue chaser every 5 working days, and one escalation to the
/// accountable owner after 10 working days of overdue silence.
/// </summary>
public sealed record ReminderPolicy
{
    public static readonly TimeOnly EarliestSendAt = new(7, 0);
    public static readonly TimeOnly LatestSendAt = new(19, 0);
    private const int MaxWorkingDays = 260; // about a year

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

    /// <summary>London wall-clock time reminders are sent, between 07:00 and 19:00.</summary>
    public TimeOnly SendAt { get; init; } = new(9, 0);

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
        if (SendAt < EarliestSendAt || SendAt > LatestSendAt)
        {
            problems.Add($"SendAt is {Clock(SendAt)}: reminders go in the working day, between {Clock(EarliestSendAt)} and {Clock(LatestSendAt)} London time.");
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
        return $"{reminders}{escalation}; sent at {Clock(SendAt)} London time on working days.";
    }

    public bool Equals(ReminderPolicy? other) =>
        other is not null
        && (WorkingDaysBefore ?? []).SequenceEqual(other.WorkingDaysBefore ?? [])
        && OnTheDay == other.OnTheDay
        && ChaseEveryWorkingDays == other.ChaseEveryWorkingDays
        && MaxChasers == other.MaxChasers
        && EscalateAfterWorkingDays == other.EscalateAfterWorkingDays
        && SendAt == other.SendAt;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var days in WorkingDaysBefore ?? []) hash.Add(days);
        hash.Add(OnTheDay);
        hash.Add(ChaseEveryWorkingDays);
        hash.Add(MaxChasers);
        hash.Add(EscalateAfterWorkingDays);
        hash.Add(SendAt);
        return hash.ToHashCode();
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
