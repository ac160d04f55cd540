using PlanBot.Core.Plans;

namespace PlanBot.Testing;

/// <summary>Small, readable plans for tests.</summary>
public static class TestPlans
{
    public static readonly DateOnly FirstDue = new(2019, 4, 30);

    /// <summary>A plan of <paramref name="milestones"/> milestones numbered 1, 2, 3…, due a week apart, each with a delivery owner.</summary>
    public static Plan Small(string id = "odkm", int milestones = 3, string titlePrefix = "Milestone") => new()
    {
        Id = id,
        Name = $"Plan {id}",
        SourceFile = $"{id}.xlsx",
        Milestones = Enumerable.Range(1, milestones)
            .Select(i => Milestone(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{titlePrefix} {i}", due: FirstDue.AddDays(7 * (i - 1))))
            .ToList(),
    };

    public static Milestone Milestone(
        string reference,
        string? title = null,
        MilestoneStatus status = MilestoneStatus.OnTrack,
        DateOnly? due = null,
        string owner = "Alex Morgan") => new()
    {
        Ref = MilestoneRef.Parse(reference),
        Title = title ?? $"Milestone {reference}",
        Due = due is { } d ? TrackerDate.Exact(d) : TrackerDate.Blank,
        Status = status,
        StatusText = status.ToString(),
        Rag = status switch
        {
            MilestoneStatus.Delayed => Rag.Red,
            MilestoneStatus.AtRisk => Rag.Amber,
            MilestoneStatus.Complete or MilestoneStatus.Closed => Rag.Blue,
            _ => Rag.Green,
        },
        Owners = [Delivery(owner)],
    };

    public static Owner Delivery(string name, string roleTitle = "Ops lead", bool deputy = false) => new(name, OwnerRole.Delivery, roleTitle, deputy);

    public static Owner Accountable(string name, string roleTitle = "SRO", bool deputy = false) => new(name, OwnerRole.Accountable, roleTitle, deputy);

    /// <summary>
    /// Every field of every type populated: owners with deputies, dates with ranges, notes and each kind of problem,
    /// unmapped columns with non-ASCII text, exception report entries linked to one and to several milestones.
    /// </summary>
    public static Plan FullyPopulated(string id = "odkm")
    {
        var source = $"{id}-tracker.xlsx";
        var first = new Milestone
        {
            Ref = MilestoneRef.Parse("6.17"),
            Title = "Open the discharge lounge — phase 1",
            Team = "Patient flow",
            Department = "Operations",
            Programme = "Urgent & emergency care",
            Requirement = "R4: reduce delayed transfers of care",
            Start = new TrackerDate("Jan 18 to March 18", new DateOnly(2018, 3, 31), new DateOnly(2018, 1, 1), Note: "range"),
            Due = new TrackerDate("Q1 2019/20", new DateOnly(2019, 6, 30), new DateOnly(2019, 4, 1)),
            RevisedDue = new TrackerDate("29-Feb-19", null, Problem: DateProblem.Impossible, Note: "2019 is not a leap year"),
            NoBaselineDue = true,
            PercentComplete = 37.5,
            Status = MilestoneStatus.Delayed,
            StatusText = "Delayed – awaiting estates",
            Rag = Rag.Red,
            RagText = "R",
            CriticalPath = true,
            CommitteeSignOff = "Board, 12 March 2019",
            Owners =
            [
                Delivery("Priya Shah", "Ops lead"),
                Delivery("Tom O'Neill", "Ops lead", deputy: true),
                Accountable("Dr Siân Roberts", "SRO"),
                Accountable("Ngozi Okafor", "COT Owner", deputy: true),
            ],
            ProgressNote = "Estates survey booked.\nWalls \"need\" work; <see> & sign-off pending.",
            Trend = "↓",
            Evidence = "Minutes 2019-03-12, item 4",
            OtherFields = new Dictionary<string, string>
            {
                ["Commentaire"] = "Délai prévu — voir note ✓",
                ["Notes 📝"] = "患者の流れ; emoji 🚑; tab\tand newline\n",
                ["Empty"] = string.Empty,
            },
            Source = new SourceLocation(source, "Action Plan", 14, 3),
        };
        var second = new Milestone
        {
            Ref = MilestoneRef.Parse("6.2a"),
            Title = "Recruit discharge coordinators",
            Start = TrackerDate.Blank,
            Due = new TrackerDate("24-May", null, Problem: DateProblem.MissingYear),
            RevisedDue = new TrackerDate("Ongoing", null, Problem: DateProblem.NotADate),
            Status = MilestoneStatus.AtRisk,
            StatusText = "At risk",
            Rag = Rag.Amber,
            RagText = "Amber",
            Owners = [Delivery("Sam Lee", "Supporting officer")],
            Source = new SourceLocation(source, null, 15),
        };
        var third = Milestone("10", "Close the programme", MilestoneStatus.Complete, new DateOnly(2020, 3, 31));

        return new Plan
        {
            Id = id,
            Name = "Operational delivery — key milestones 2019/20",
            SourceFile = source,
            Milestones = [second, first, third], // reference order: 6.2a < 6.17 < 10
            Exceptions =
            [
                new ExceptionReportEntry
                {
                    MilestoneRefText = "6.17 & 6.2a",
                    Refs = [first.Ref, second.Ref],
                    Team = "Patient flow",
                    Title = "Discharge lounge",
                    DateDue = TrackerDate.Exact(new DateOnly(2019, 6, 30)),
                    Reason = "Estates capacity — works moved to Q2",
                    ProposedRevisedDate = new TrackerDate("Sept 19", new DateOnly(2019, 9, 30), new DateOnly(2019, 9, 1)),
                    ReportTitle = "Exception Report - January 2020",
                    Source = new SourceLocation(source, "Exceptions", 4, 1),
                },
                new ExceptionReportEntry { MilestoneRefText = "-", Reason = "General slippage", DateDue = new TrackerDate("TBC", null, Problem: DateProblem.NotADate) },
            ],
        };
    }
}
