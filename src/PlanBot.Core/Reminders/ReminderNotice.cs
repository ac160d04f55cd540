using System.Globalization;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Reminders;

/// <summary>
/// What one person hears about one milestone on one working day: the owners' reminder, the escalation, or both merged
/// into one card when the same person is due both. The ledger claims it by <see cref="Key"/>, so across sweeps, hosts
/// and the command line a person gets at most one card per milestone per working day.
/// <see cref="PersonKey"/> names the person (their Entra object id when known, else their name) and
/// <see cref="Person"/> is the owner as the plan names them; null when the milestone names nobody to send to.
/// </summary>
public sealed record ReminderNotice
{
    /// <summary>The <see cref="PersonKey"/> of a notice for a milestone that names nobody.</summary>
    public const string Nobody = "nobody";

    public required string PlanId { get; init; }
    public required MilestoneRef Ref { get; init; }
    public required DateOnly Day { get; init; }
    public required string PersonKey { get; init; }
    public required Owner? Person { get; init; }

    /// <summary>The reminders merged into this card, the escalation first; never empty.</summary>
    public required IReadOnlyList<DueReminder> Reminders { get; init; }

    /// <summary><c>{plan}|{ref}|{day yyyyMMdd}|{person key}</c>.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{PlanId}|{Ref.Value}|{Day:yyyyMMdd}|{PersonKey}");

    public bool IsEscalation => Reminders.Any(r => r.Kind == ReminderKind.Escalation);

    /// <summary>Only an escalation: the person answers for the milestone rather than delivers it.</summary>
    public bool IsEscalationOnly => Reminders.All(r => r.Kind == ReminderKind.Escalation);

    /// <summary>Why this person hears about it now, every merged reason once.</summary>
    public string Reason => string.Join("; also ", Reminders.Select(r => r.Reason).Distinct());
}

/// <summary>Turns a sweep's reminders into notices: one per person per milestone, the same day for all.</summary>
public static class ReminderNotices
{
    /// <summary>
    /// The notices for <paramref name="due"/> on <paramref name="day"/>: each recipient of each reminder, keyed by
    /// <paramref name="personKey"/> so that two names for one person (or an owner named as both delivery and accountable
    /// owner) merge into one card. A reminder with no recipients becomes one notice for <see cref="ReminderNotice.Nobody"/>.
    /// </summary>
    public static IReadOnlyList<ReminderNotice> For(IEnumerable<DueReminder> due, DateOnly day, Func<Owner, string> personKey)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(personKey);
        var notices = new Dictionary<(string Plan, MilestoneRef Ref, string Person), (Owner? Owner, List<DueReminder> Reminders)>();
        var order = new List<(string, MilestoneRef, string)>();
        foreach (var reminder in due)
        {
            IEnumerable<(Owner?, string)> people = reminder.Recipients.Count == 0
                ? [(null, ReminderNotice.Nobody)]
                : reminder.Recipients.Select(r => ((Owner?)r, personKey(r)));
            foreach (var (owner, key) in people)
            {
                var id = (reminder.PlanId, reminder.Ref, key);
                if (!notices.TryGetValue(id, out var notice))
                {
                    notice = (owner, []);
                    notices[id] = notice;
                    order.Add(id);
                }
                if (!notice.Reminders.Contains(reminder)) notice.Reminders.Add(reminder);
            }
        }
        return [.. order.Select(id => new ReminderNotice
        {
            PlanId = id.Item1,
            Ref = id.Item2,
            Day = day,
            PersonKey = id.Item3,
            Person = notices[id].Owner,
            Reminders = [.. notices[id].Reminders.OrderByDescending(r => r.Kind == ReminderKind.Escalation)],
        })];
    }
}
