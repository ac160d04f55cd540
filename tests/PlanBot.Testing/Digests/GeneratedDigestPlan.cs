using System.Globalization;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;

namespace PlanBot.Testing.Digests;

/// <summary>What a digest is composed from: the plan now, last week's snapshot and the reminder ledger's states.</summary>
public sealed record DigestInputs(Plan Plan, PlanSnapshot LastWeek, IReadOnlyDictionary<MilestoneRef, ReminderState> ReminderStates, DateOnly Today, DateTimeOffset Now);

/// <summary>
/// A large plan for digest tests and bench/PlanBot.DigestBenchmark (which compiles this file in): milestones numbered
/// 1.1 … 100.100 across 12 programmes, 24 departments, 12 teams and 400 owners, due ±6 months around Monday 20 January
/// 2020, with every status; last week's snapshot differs as a week of updates would leave it (delays, completions, new
/// and removed milestones), delayed milestones have exception report entries, and owners have reminder states (not
/// answered, answered, escalated, unreachable). Drawn from a fixed seed, so every run builds the same plan.
/// </summary>
public static class GeneratedDigestPlan
{
    public static readonly DateOnly Today = new(2020, 1, 20);
    public static readonly DateTimeOffset Now = new(2020, 1, 20, 7, 0, 0, TimeSpan.Zero);

    public static readonly string[] Programmes =
    [
        "Urgent and emergency care", "Primary care", "Mental health", "Planned care", "Cancer", "Maternity",
        "Children and young people", "Learning disabilities", "Digital", "Estates", "Workforce", "Financial recovery",
    ];

    public static readonly string[] Departments =
    [
        "Finance", "Contracting", "Primary Care (IT)", "Commissioning", "Quality", "Nursing", "Medicines optimisation",
        "Continuing healthcare", "Estates", "Workforce", "Communications", "Governance", "Performance", "Planning",
        "Safeguarding", "Mental health", "Acute commissioning", "Community services", "Public health", "Digital",
        "Procurement", "Patient experience", "Business intelligence", "Corporate affairs",
    ];

    public static readonly string[] Teams = ["CFO", "COO", "MD", "DoN", "DoQ", "CCIO", "DoS", "DoW", "AO", "COO (AD)", "PCCC", "GB"];

    private static readonly string[] Verbs =
    [
        "Agree", "Implement", "Review", "Procure", "Launch", "Recruit to", "Sign off", "Evaluate", "Publish", "Consult on",
        "Mobilise", "Close", "Pilot", "Roll out",
    ];

    private static readonly string[] Objects =
    [
        "the discharge pathway", "the winter plan", "a home first model", "the estates strategy", "GP extended access",
        "the financial recovery plan", "the 2020/21 contracts", "the urgent treatment centre", "the CAMHS waiting list plan",
        "the primary care networks' DES", "the QIPP schemes", "the workforce plan", "the digital roadmap", "the cancer 62-day recovery",
        "the maternity continuity of carer model", "the stroke service review", "the care homes' support offer",
        "the outpatient transformation programme", "the IAPT expansion", "the learning disability annual health checks",
    ];

    // Tracker titles carry punctuation that is markdown elsewhere; a few carry worse.
    private static readonly string[] Suffixes =
    [
        "", "", "", "", "", " — phase 2", " (Q4)", " & report to GB", " *subject to NHSE*", " [see exceptions]", " - 2019/20",
        " <b>urgent</b>", " #2",
    ];

    private static readonly string[] FirstNames =
    [
        "Rachel", "Sara", "Sue", "Louis", "Jane", "Mark", "Priya", "Tom", "Helen", "Ian", "Nadia", "Gareth", "Fiona", "Kwame",
        "Aisha", "David", "Emma", "Oliver", "Siân", "Connor",
    ];

    private static readonly string[] Surnames =
    [
        "Pilsworth", "Rodreguiz", "Graham", "Kamfer", "Webster", "Foster", "Shah", "Okafor", "Carr", "Doyle", "Rahman",
        "Evans", "McLeod", "Mensah", "Begum", "O'Neill", "Hughes", "Patel", "Roberts", "Walsh",
    ];

    private static readonly string[] UnreachableReasons =
    [
        "no Teams account found", "PlanBot is not installed and could not be installed", "several people match the name",
        "no owner named to send it to",
    ];

    private static readonly string[] DelayReasons =
    [
        "Awaiting NHSE approval", "Estates works moved to the next quarter", "Provider capacity over winter",
        "Recruitment has not filled the posts", "Regulator moved the deadline", "Dependent on the STP decision",
    ];

    public static DigestInputs Create(int milestones = 10_000, int seed = 20200120)
    {
        var random = new Random(seed);
        var lastMonday = Today.AddDays(-7);
        var owners = Enumerable.Range(0, 400).Select(i => $"{FirstNames[i % FirstNames.Length]} {Surnames[i / FirstNames.Length % Surnames.Length]}").ToArray();

        var now = new List<Milestone>(milestones);
        var lastWeek = new List<Milestone>(milestones);
        var exceptions = new List<ExceptionReportEntry>();
        var states = new Dictionary<MilestoneRef, ReminderState>();
        for (var i = 0; i < milestones; i++)
        {
            var programme = random.Next(Programmes.Length);
            var status = Status(random.NextDouble());
            var due = Today.AddDays(random.Next(-183, 184));
            var milestone = new Milestone
            {
                Ref = MilestoneRef.Parse(string.Create(CultureInfo.InvariantCulture, $"{i / 100 + 1}.{i % 100 + 1}")),
                Title = $"{Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}{Suffixes[random.Next(Suffixes.Length)]}",
                Programme = Programmes[programme],
                Department = Departments[(programme * 2 + random.Next(3)) % Departments.Length],
                Team = Teams[programme],
                Due = random.NextDouble() < 0.02 ? new TrackerDate("Ongoing", null, Problem: DateProblem.NotADate) : TrackerDate.Exact(due),
                // A delay proposes a date still ahead; other milestones were sometimes moved earlier in the year.
                RevisedDue = status == MilestoneStatus.Delayed ? TrackerDate.Exact(Today.AddDays(random.Next(7, 120)))
                    : random.NextDouble() < 0.1 ? TrackerDate.Exact(due.AddDays(random.Next(7, 120)))
                    : TrackerDate.Blank,
                Status = status,
                StatusText = status.ToString(),
                // Most trackers give a RAG beside the status; a fifth leave it to follow the status.
                Rag = random.NextDouble() < 0.2 ? Rag.None : RagFor(status),
                Owners = Owners(random, owners),
            };
            now.Add(milestone);

            if (AsLastWeek(milestone, random.NextDouble()) is { } before) lastWeek.Add(before);

            if (status == MilestoneStatus.Delayed && random.NextDouble() < 0.8) exceptions.AddRange(Exceptions(random, milestone));
            if (milestone.IsFinished) continue;
            if (State(random, milestone) is { } state) states[milestone.Ref] = state;
        }

        // Milestones removed from the plan since last week.
        for (var i = 0; i < milestones / 200; i++)
        {
            lastWeek.Add(new Milestone
            {
                Ref = MilestoneRef.Parse(string.Create(CultureInfo.InvariantCulture, $"200.{i + 1}")),
                Title = "Removed milestone",
                Programme = Programmes[random.Next(Programmes.Length)],
                Due = TrackerDate.Exact(Today.AddDays(random.Next(-30, 30))),
                Status = MilestoneStatus.OnTrack,
            });
        }

        var plan = new Plan { Id = "bench", Name = "Generated delivery plan", Milestones = now, Exceptions = exceptions };
        var lastWeekPlan = plan with { Milestones = lastWeek };
        return new DigestInputs(plan, PlanSnapshot.Take(lastWeekPlan, lastMonday, Now.AddDays(-7)), states, Today, Now);
    }

    /// <summary>
    /// The milestone as it stood a week ago: some delays and completions are new this week, and a few milestones were
    /// added this week (null).
    /// </summary>
    private static Milestone? AsLastWeek(Milestone milestone, double roll) => roll switch
    {
        < 0.015 => null,
        < 0.3 when milestone.Status == MilestoneStatus.Delayed => milestone with { Status = MilestoneStatus.OnTrack, Rag = Rag.Green, RevisedDue = TrackerDate.Blank },
        < 0.15 when milestone.Status == MilestoneStatus.Complete => milestone with { Status = MilestoneStatus.AtRisk, Rag = Rag.Amber },
        _ => milestone,
    };

    private static MilestoneStatus Status(double roll) => roll switch
    {
        < 0.25 => MilestoneStatus.Complete,
        < 0.27 => MilestoneStatus.Closed,
        < 0.62 => MilestoneStatus.OnTrack,
        < 0.74 => MilestoneStatus.AtRisk,
        < 0.84 => MilestoneStatus.Delayed,
        < 0.96 => MilestoneStatus.NotStarted,
        _ => MilestoneStatus.Unknown,
    };

    private static Rag RagFor(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Delayed => Rag.Red,
        MilestoneStatus.AtRisk => Rag.Amber,
        MilestoneStatus.OnTrack => Rag.Green,
        MilestoneStatus.Complete or MilestoneStatus.Closed => Rag.Blue,
        _ => Rag.None,
    };

    private static Owner[] Owners(Random random, string[] names)
    {
        var owners = new List<Owner>(3);
        if (random.NextDouble() < 0.92) owners.Add(new Owner(names[random.Next(names.Length)], OwnerRole.Delivery, "Delivery owner"));
        if (random.NextDouble() < 0.08) owners.Add(new Owner(names[random.Next(names.Length)], OwnerRole.Delivery, "Ops lead", IsDeputy: true));
        if (random.NextDouble() < 0.85) owners.Add(new Owner(names[random.Next(names.Length)], OwnerRole.Accountable, "COT owner"));
        return [.. owners];
    }

    private static IEnumerable<ExceptionReportEntry> Exceptions(Random random, Milestone milestone)
    {
        var entries = random.NextDouble() < 0.2 ? 2 : 1;
        for (var n = 0; n < entries; n++)
        {
            yield return new ExceptionReportEntry
            {
                MilestoneRefText = milestone.Ref.Value,
                Refs = [milestone.Ref],
                Title = milestone.Title,
                DateDue = milestone.Due,
                Reason = DelayReasons[random.Next(DelayReasons.Length)],
                ProposedRevisedDate = random.NextDouble() < 0.9 ? milestone.RevisedDue : TrackerDate.Blank,
            };
        }
    }

    private static ReminderState? State(Random random, Milestone milestone)
    {
        var roll = random.NextDouble();
        var sent = new DateTimeOffset(Today.AddDays(-random.Next(1, 21)).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        return roll switch
        {
            < 0.15 => new ReminderState { LastSentAt = sent },
            < 0.17 => new ReminderState { LastSentAt = sent, EscalatedAt = sent },
            < 0.22 => new ReminderState { LastSentAt = sent, LastUpdateAt = sent.AddHours(3) },
            < 0.25 => ReminderState.None.Unreachable(milestone.Owners.Count == 0 ? UnreachableReasons[^1] : UnreachableReasons[random.Next(3)], sent),
            _ => null,
        };
    }
}
