using System.Globalization;
using PlanBot.Core.Plans;

namespace PlanBot.QuestionsBenchmark;

/// <summary>
/// A 10,000-milestone programme plan built in code from a fixed seed, so every run (and every process of a run: the
/// benchmark, the store step, the HTTP checker) has the very same plan. Shaped like the seed trackers at scale: references
/// 1..N plus dotted and lettered sub-references, titles from a word pool, twelve team codes with their departments, a few
/// programmes, about 400 owners (delivery and accountable), statuses and RAG spread over two financial years around
/// <see cref="Today"/>, about 15% on the critical path, some revised dates and exception report rows.
/// </summary>
internal static class GeneratedPlan
{
    public const string PlanId = "bench10k";
    public static readonly DateOnly Today = new(2020, 1, 20);
    private static readonly DateOnly FirstDue = new(2019, 4, 1);
    private static readonly DateOnly LastDue = new(2021, 3, 31);

    public static Plan Create(int count = 10_000, int seed = 20_200_120)
    {
        var random = new Random(seed);
        var people = People(random, 400);
        // The first 40 people are executives, accountable owners for teams; the rest deliver, each within one department.
        var executives = people.Take(40).ToArray();
        var deliverers = people.Skip(40).ToArray();
        var departments = WordPools.Teams.SelectMany(t => t.Departments.Select(d => (Team: t.Code, Department: d))).ToArray();
        var rosters = departments.Select((_, d) => deliverers.Where((_, p) => p % departments.Length == d).ToArray()).ToArray();
        var teamExecutives = WordPools.Teams.Select((_, t) => executives.Where((_, e) => e % WordPools.Teams.Length == t).ToArray()).ToArray();
        var rosterPick = rosters.Select(r => new WordPools.Zipf<string>(r, 0.8)).ToArray();
        var departmentPick = new WordPools.Zipf<int>(Enumerable.Range(0, departments.Length).OrderBy(_ => random.Next()).ToArray(), 0.6);
        var topics = new WordPools.Zipf<string>(WordPools.Topics, 1.05);
        var artefacts = new WordPools.Zipf<string>(WordPools.Artefacts, 1.0);
        var verbs = new WordPools.Zipf<string>(WordPools.Verbs, 0.9);

        var refs = References(random, count);
        var milestones = new List<Milestone>(count);
        var exceptions = new List<ExceptionReportEntry>();
        foreach (var reference in refs)
        {
            var d = departmentPick.Next(random);
            var (team, department) = departments[d];
            var teamIndex = Array.FindIndex(WordPools.Teams, t => t.Code == team);
            var title = Title(random, verbs, topics, artefacts);

            var dueDate = RandomDue(random);
            var due = random.Chance(0.01)
                ? new TrackerDate(random.Pick(["Ongoing", "TBC", "Dependent on NHSE"]), null, Problem: DateProblem.NotADate)
                : TrackerDate.Exact(dueDate);
            var (status, statusText, rag, ragText) = Progress(random, due.Date is { } dated && dated < Today);
            var revised = TrackerDate.Blank;
            if (due.Date is { } original && (status == MilestoneStatus.Delayed ? random.Chance(0.6) : random.Chance(0.02)))
                revised = TrackerDate.Exact(MonthEnd(original.AddMonths(random.Next(1, 5))));

            var owners = new List<Owner>();
            if (!random.Chance(0.04))
            {
                owners.Add(new Owner(rosterPick[d].Next(random), OwnerRole.Delivery, "Delivery Owner"));
                if (random.Chance(0.12) && rosterPick[d].Next(random) is var second && second != owners[0].Name)
                    owners.Add(new Owner(second, OwnerRole.Delivery, "Delivery Owner"));
            }
            if (!random.Chance(0.03))
                owners.Add(new Owner(random.Pick(teamExecutives[teamIndex]), OwnerRole.Accountable, "COT Owner"));

            var milestone = new Milestone
            {
                Ref = reference,
                Title = title,
                Team = random.Chance(0.08) ? $"{team} (AD)" : team,
                Department = department,
                Programme = random.Chance(0.55) ? WordPools.Programmes[(d + random.Next(2)) % WordPools.Programmes.Length] : null,
                Start = due.Date is { } s ? TrackerDate.Exact(s.AddDays(-random.Next(30, 200))) : TrackerDate.Blank,
                Due = due,
                RevisedDue = revised,
                Status = status,
                StatusText = statusText,
                Rag = rag,
                RagText = ragText,
                CriticalPath = random.Chance(0.15),
                CommitteeSignOff = random.Chance(0.1) ? random.Pick(["June GB", "Finance Committee", "Quality Committee", "Audit Committee"]) : null,
                Owners = owners,
                ProgressNote = random.Chance(0.4) ? string.Format(CultureInfo.InvariantCulture, random.Pick(WordPools.ProgressNotes), random.Pick(WordPools.Partners)) : null,
            };
            milestones.Add(milestone);

            if (status == MilestoneStatus.Delayed && random.Chance(0.1))
                exceptions.Add(new ExceptionReportEntry
                {
                    MilestoneRefText = reference.Value,
                    Refs = [reference],
                    Team = team,
                    Title = title,
                    DateDue = due,
                    Reason = string.Format(CultureInfo.InvariantCulture, random.Pick(WordPools.ExceptionReasons), random.Pick(WordPools.Partners)),
                    ProposedRevisedDate = revised.IsBlank && due.Date is { } late ? TrackerDate.Exact(MonthEnd(late.AddMonths(3))) : revised,
                    ReportTitle = "Exception Report - January 2020",
                });
        }

        // In reference order, as the store returns a plan: the read model is then the same whichever process built it.
        milestones.Sort((a, b) => a.Ref.CompareTo(b.Ref));
        return new Plan
        {
            Id = PlanId,
            Name = $"Generated operational delivery plan 2019/20 - 2020/21 ({count:N0} milestones, for benchmarking)",
            SourceFile = "generated",
            Milestones = milestones,
            Exceptions = exceptions,
        };
    }

    /// <summary>Distinct first + last names; first names (and some surnames) shared between people.</summary>
    private static string[] People(Random random, int count)
    {
        var names = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firsts = new WordPools.Zipf<string>(WordPools.FirstNames, 0.7);
        while (names.Count < count)
        {
            var name = $"{firsts.Next(random)} {random.Pick(WordPools.Surnames)}";
            if (seen.Add(name)) names.Add(name);
        }
        return [.. names];
    }

    /// <summary>1..N minus room for about 3% sub-references: 12.1, 12.2, 7.1.2 and 45a, 45b under randomly chosen parents.</summary>
    private static List<MilestoneRef> References(Random random, int count)
    {
        var subCount = count * 3 / 100;
        var plain = count - subCount;
        var refs = Enumerable.Range(1, plain).Select(n => MilestoneRef.Parse(n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var seen = new HashSet<string>(refs.Select(r => r.Value), StringComparer.Ordinal);
        while (refs.Count < count)
        {
            var parent = random.Next(1, plain + 1);
            var children = random.Next(1, 4);
            var kind = random.Next(3);
            for (var c = 1; c <= children && refs.Count < count; c++)
            {
                var text = kind switch
                {
                    0 => $"{parent}.{c}",
                    1 => $"{parent}{(char)('a' + c - 1)}",
                    _ => $"{parent}.1.{c}",
                };
                if (seen.Add(text)) refs.Add(MilestoneRef.Parse(text));
            }
        }
        return refs;
    }

    private static string Title(Random random, WordPools.Zipf<string> verbs, WordPools.Zipf<string> topics, WordPools.Zipf<string> artefacts)
    {
        var title = $"{verbs.Next(random)} {topics.Next(random)} {artefacts.Next(random)}";
        if (random.Chance(0.25)) title = $"{verbs.Next(random)} {topics.Next(random)} and {topics.Next(random)} {artefacts.Next(random)}";
        switch (random.Next(8))
        {
            case 0 or 1: title += " for " + random.Pick(WordPools.Places); break;
            case 2: title += " with " + random.Pick(WordPools.Partners); break;
            case 3: title += $" {random.Pick(WordPools.Stages)} {random.Next(1, 6)}"; break;
            case 4: title += " across " + random.Pick(WordPools.Places) + " locality"; break;
            case 5: title += random.Pick([" to Governing Body", " to the Board", " ahead of winter", " by year end", " (2020/21 refresh)"]); break;
        }
        return title;
    }

    private static DateOnly RandomDue(Random random)
    {
        var day = FirstDue.AddDays(random.Next(LastDue.DayNumber - FirstDue.DayNumber + 1));
        // Trackers favour month ends.
        return random.Chance(0.4) ? MonthEnd(day) : day;
    }

    private static DateOnly MonthEnd(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);

    private static (MilestoneStatus, string, Rag, string) Progress(Random random, bool pastDue)
    {
        var roll = random.NextDouble();
        var status = pastDue
            ? roll switch
            {
                < 0.62 => MilestoneStatus.Complete,
                < 0.78 => MilestoneStatus.Delayed,
                < 0.86 => MilestoneStatus.AtRisk,
                < 0.96 => MilestoneStatus.OnTrack,
                < 0.98 => MilestoneStatus.NotStarted,
                _ => MilestoneStatus.Closed,
            }
            : roll switch
            {
                < 0.05 => MilestoneStatus.Complete,
                < 0.50 => MilestoneStatus.OnTrack,
                < 0.78 => MilestoneStatus.NotStarted,
                < 0.89 => MilestoneStatus.AtRisk,
                < 0.99 => MilestoneStatus.Delayed,
                _ => MilestoneStatus.Closed,
            };
        var text = status switch
        {
            MilestoneStatus.Complete => random.Pick(["Complete", "Completed", "Done"]),
            MilestoneStatus.OnTrack => random.Pick(["On-Track", "Ongoing", "On track"]),
            MilestoneStatus.NotStarted => "Not started",
            MilestoneStatus.AtRisk => random.Pick(["At risk", "Potential to miss deadline"]),
            MilestoneStatus.Delayed => random.Pick(["Delayed - see Exceptions", "Revised date requested", "Slipped"]),
            _ => random.Pick(["Closed", "Withdrawn"]),
        };
        var rag = random.Chance(0.1) ? Rag.None : status switch
        {
            MilestoneStatus.Complete or MilestoneStatus.Closed => random.Chance(0.7) ? Rag.Blue : Rag.Green,
            MilestoneStatus.OnTrack => Rag.Green,
            MilestoneStatus.NotStarted => random.Chance(0.5) ? Rag.Green : Rag.None,
            MilestoneStatus.AtRisk => Rag.Amber,
            _ => Rag.Red,
        };
        return (status, text, rag, rag == Rag.None ? string.Empty : rag.ToString());
    }
}
