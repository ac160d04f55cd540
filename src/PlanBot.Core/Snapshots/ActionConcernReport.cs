using System.Globalization;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Snapshots;

/// <summary>One row of the action concern report (seed 002's "Action Concern Report").</summary>
public sealed record ActionConcern
{
    public required MilestoneRef Ref { get; init; }
    public string Title { get; init; } = string.Empty;

    /// <summary>The date the milestone is now expected (its revised due date when it has one).</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>What made it a concern, in plain words: "Red, Delayed, Overdue by 21 days".</summary>
    public string Concern { get; init; } = string.Empty;

    /// <summary>Its RAG in this report; <see cref="Rag.None"/> when it has left the plan.</summary>
    public Rag CurrentRag { get; init; }

    /// <summary>The week (Monday) of the first report in which it was a concern.</summary>
    public DateOnly FirstRaised { get; init; }

    /// <summary>How many reports have seen it as a concern, this one included.</summary>
    public int TimesSeen { get; init; }

    /// <summary>The latest exception report reason and proposed revised date, else the latest progress note.</summary>
    public string? RemedialAction { get; init; }

    /// <summary>Still a concern in this report; closed once it is not (finished, back on track, re-dated or removed).</summary>
    public bool IsOpen { get; init; }

    public string OpenOrClosed => IsOpen ? "Open" : "Closed";
}

/// <summary>
/// The action concern report: every milestone that is a concern now or was one in an earlier weekly snapshot, with
/// when it was first raised, how many times it has been seen, what is being done about it and whether it is still open.
/// Open rows come first, then closed ones, each in reference order (seed 002 lists closed actions under "Close").
/// </summary>
public static class ActionConcernReport
{
    /// <param name="snapshotsOldestFirst">
    /// The stored weekly snapshots. Any for the week of <paramref name="thisReport"/> or later are left out: this report
    /// stands for its own week, so a snapshot already stored for it is not counted twice.
    /// </param>
    public static IReadOnlyList<ActionConcern> Build(IEnumerable<PlanSnapshot> snapshotsOldestFirst, PlanSnapshot thisReport, Plan plan) =>
        Build(ConcernHistory.Of(snapshotsOldestFirst.Where(s => s.WeekOf < thisReport.WeekOf)), thisReport, plan);

    /// <param name="earlier">The snapshots before this report's week, folded.</param>
    /// <param name="thisReport">The plan as it stands now, as a snapshot (<see cref="PlanSnapshot.Take"/>).</param>
    /// <param name="plan">The plan now, for the exception report and progress notes.</param>
    public static IReadOnlyList<ActionConcern> Build(ConcernHistory earlier, PlanSnapshot thisReport, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(thisReport);
        ArgumentNullException.ThrowIfNull(plan);
        if (earlier.Weeks.Count > 0 && earlier.Weeks[^1] >= thisReport.WeekOf)
            throw new ArgumentException(
                $"The history runs to the week of {earlier.Weeks[^1]:yyyy-MM-dd}, not before this report's week ({thisReport.WeekOf:yyyy-MM-dd}).",
                nameof(earlier));

        var references = earlier.Concerns.Select(c => c.Last.Ref)
            .Concat(thisReport.Milestones.Where(m => m.IsConcern).Select(m => m.Ref))
            .Distinct();

        // Looked up once: a large plan may have thousands of concerns, and Plan.Find scans the whole plan.
        var notes = plan.Milestones.GroupBy(m => m.Ref).ToDictionary(g => g.Key, g => g.First().ProgressNote);
        var exceptions = plan.Exceptions.SelectMany(e => e.Refs.Distinct().Select(r => (Ref: r, Entry: e)))
            .ToLookup(x => x.Ref, x => x.Entry);

        var rows = new List<ActionConcern>();
        foreach (var reference in references)
        {
            var now = thisReport.Find(reference);
            var seen = earlier.Find(reference);
            var open = now?.IsConcern == true;
            var (described, asAt) = open ? (now!, thisReport.AsAt) : (seen!.Last, seen.LastAsAt);
            rows.Add(new ActionConcern
            {
                Ref = reference,
                Title = (now ?? described).Title,
                Deadline = (now ?? described).EffectiveDue,
                Concern = Describe(described, asAt),
                CurrentRag = now?.Rag ?? Rag.None,
                FirstRaised = seen?.FirstRaised ?? thisReport.WeekOf,
                TimesSeen = (seen?.Times ?? 0) + (open ? 1 : 0),
                RemedialAction = RemedialAction(exceptions[reference], notes.GetValueOrDefault(reference)),
                IsOpen = open,
            });
        }

        return [.. rows.OrderByDescending(r => r.IsOpen).ThenBy(r => r.Ref)];
    }

    /// <summary>Why a milestone counts as a concern: "Red", "Delayed", "Overdue by N days", whichever apply, in that order.</summary>
    public static string Describe(MilestoneSnapshot milestone, DateOnly asAt)
    {
        var words = new List<string>(3);
        if (milestone.Rag == Rag.Red) words.Add("Red");
        if (milestone.Status == MilestoneStatus.Delayed) words.Add("Delayed");
        if (milestone.Overdue && milestone.EffectiveDue is { } due)
        {
            var days = asAt.DayNumber - due.DayNumber;
            words.Add(string.Create(CultureInfo.InvariantCulture, $"Overdue by {days} day{(days == 1 ? "" : "s")}"));
        }
        return string.Join(", ", words);
    }

    /// <summary>
    /// What is being done about a milestone: its latest exception report entry (reason and proposed revised date),
    /// else its latest progress note, else null.
    /// </summary>
    public static string? RemedialAction(Plan plan, MilestoneRef reference) =>
        RemedialAction(plan.ExceptionsFor(reference), plan.Find(reference)?.ProgressNote);

    private static string? RemedialAction(IEnumerable<ExceptionReportEntry> exceptions, string? progressNote)
    {
        if (ExceptionReportOrder.NewestFirst(exceptions).FirstOrDefault() is { } entry)
        {
            var reason = string.IsNullOrWhiteSpace(entry.Reason) ? null : entry.Reason.Trim();
            var proposed = entry.ProposedRevisedDate.Date is { } date
                ? date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
                : entry.ProposedRevisedDate.IsBlank ? null : entry.ProposedRevisedDate.Text.Trim();
            if (reason is not null || proposed is not null)
            {
                if (proposed is null) return reason;
                var proposal = $"Proposed revised date: {proposed}.";
                return reason is null ? proposal : reason + (EndsSentence(reason) ? " " : ". ") + proposal;
            }
        }

        return string.IsNullOrWhiteSpace(progressNote) ? null : progressNote.Trim();
    }

    private static bool EndsSentence(string text) => text[^1] is '.' or '!' or '?';
}
