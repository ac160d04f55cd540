using System.Globalization;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;

namespace PlanBot.Core.Tests.Reminders;

/// <summary>Milestones, instants and planners for the reminder tests. Instants are plain UTC values.</summary>
internal static class ReminderTestData
{
    public const string TestPlan = "odkm";

    public static readonly Owner Rachel = new("Rachel Pilsworth", OwnerRole.Delivery, "Delivery owner");
    public static readonly Owner Sue = new("Sue Graham", OwnerRole.Accountable, "COT owner");

    public static ReminderPlanner Planner(ReminderPolicy? policy = null) => new(policy ?? ReminderPolicy.Default, WorkingCalendar.EnglandAndWales);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant written in UTC ("2020-01-31T09:00Z").</summary>
    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    public static Milestone Milestone(
        string due,
        string? revised = null,
        string reference = "36",
        MilestoneStatus status = MilestoneStatus.OnTrack,
        Rag rag = Rag.Green,
        IReadOnlyList<Owner>? owners = null) => new()
        {
            Ref = MilestoneRef.Parse(reference),
            Title = "Deliver the financial recovery plan",
            Due = TrackerDate.Exact(Day(due)),
            RevisedDue = revised is null ? TrackerDate.Blank : TrackerDate.Exact(Day(revised)),
            Status = status,
            Rag = rag,
            Owners = owners ?? [Rachel, Sue],
        };
}
