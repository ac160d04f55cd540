using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Snapshots;

namespace PlanBot.Core.Digests;

/// <summary>
/// The weekly picture for one audience: headline counts now and last week, RAG by area this week against last, and
/// the milestones a chair or director should look at. Composed by <see cref="DigestComposer"/>; cards, chat and the
/// scheduler only present it. Every list is in due-date order, then reference order.
/// </summary>
public sealed record Digest
{
    public required string PlanId { get; init; }
    public required string PlanName { get; init; }
    public required DigestAudience Audience { get; init; }

    /// <summary>The plan day (Europe/London) the digest is as at.</summary>
    public required DateOnly AsAt { get; init; }

    /// <summary>The Monday of the week the digest reports on (<see cref="SnapshotWeek"/>).</summary>
    public required DateOnly WeekOf { get; init; }

    public required DateTimeOffset ComposedAt { get; init; }

    /// <summary>
    /// The day last week's snapshot was taken as at, or null when there is none (the first digest of a plan): then
    /// <see cref="Baseline"/> is null and the sections about change (<see cref="NewlyOverdue"/>,
    /// <see cref="NewlyDelayed"/>, <see cref="CompletedThisWeek"/>) are empty, since nothing can be said to have changed.
    /// </summary>
    public DateOnly? BaselineAsAt { get; init; }

    public bool HasBaseline => BaselineAsAt is not null;

    public required HeadlineCounts Now { get; init; }
    public HeadlineCounts? Baseline { get; init; }

    /// <summary>How <see cref="RagByArea"/> groups milestones: programme when the plan names any, else department, else team.</summary>
    public AreaKind AreaKind { get; init; }

    public IReadOnlyList<AreaRag> RagByArea { get; init; } = [];

    /// <summary>Overdue now, and not overdue (or not in the plan) last week.</summary>
    public IReadOnlyList<DigestItem> NewlyOverdue { get; init; } = [];

    /// <summary>Delayed now, and not delayed (or not in the plan) last week, with the latest reason and proposed date.</summary>
    public IReadOnlyList<DelayedItem> NewlyDelayed { get; init; } = [];

    /// <summary>Finished now (complete or closed), and not finished (or not in the plan) last week.</summary>
    public IReadOnlyList<DigestItem> CompletedThisWeek { get; init; } = [];

    /// <summary>Not finished, and due (revised date when there is one) from today to 13 days on.</summary>
    public IReadOnlyList<DigestItem> DueInTwoWeeks { get; init; } = [];

    /// <summary>Owners sent a reminder for an unfinished milestone who have not answered since, most milestones first.</summary>
    public IReadOnlyList<OwnerItems> NotAnswering { get; init; } = [];

    /// <summary>Owners PlanBot could not reach with a reminder for an unfinished milestone, most milestones first.</summary>
    public IReadOnlyList<OwnerItems> Unreachable { get; init; } = [];
}

/// <summary>
/// Milestones by state, as the digest's headline counts them. A milestone is counted once among complete (finished:
/// complete or closed), on track, at risk and delayed by its status; those not started or without a status are only in
/// <see cref="Milestones"/>. <see cref="Overdue"/> counts across the others: unfinished and past the (revised) due date.
/// </summary>
public sealed record HeadlineCounts(int Milestones, int Complete, int OnTrack, int AtRisk, int Delayed, int Overdue)
{
    public static HeadlineCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public HeadlineCounts Add(MilestoneSnapshot milestone) => new(
        Milestones + 1,
        Complete + (milestone.IsFinished ? 1 : 0),
        OnTrack + (!milestone.IsFinished && milestone.Status == MilestoneStatus.OnTrack ? 1 : 0),
        AtRisk + (!milestone.IsFinished && milestone.Status == MilestoneStatus.AtRisk ? 1 : 0),
        Delayed + (!milestone.IsFinished && milestone.Status == MilestoneStatus.Delayed ? 1 : 0),
        Overdue + (milestone.Overdue ? 1 : 0));
}

/// <summary>One milestone as a digest lists it: <c>#REF title — date</c>.</summary>
public sealed record DigestItem(MilestoneRef Ref, string Title, TrackerDate Due, TrackerDate RevisedDue)
{
    public DateOnly? EffectiveDue => RevisedDue.Date ?? Due.Date;

    /// <summary>"31 Jan 2020" (the revised date when there is one), else the tracker's own words, else "no date".</summary>
    public string DueText => EffectiveDue is { } due ? QuestionAnswerer.Date(due)
        : !RevisedDue.IsBlank ? RevisedDue.Text.Trim()
        : !Due.IsBlank ? Due.Text.Trim()
        : "no date";

    public static DigestItem Of(Milestone milestone) => new(milestone.Ref, milestone.Title, milestone.Due, milestone.RevisedDue);

    /// <summary>Due date first (undated last), then reference: the order of every digest list.</summary>
    public static int Compare(DigestItem a, DigestItem b) => (a.EffectiveDue, b.EffectiveDue) switch
    {
        ({ } x, { } y) when x != y => x.CompareTo(y),
        (null, not null) => 1,
        (not null, null) => -1,
        _ => a.Ref.CompareTo(b.Ref),
    };
}

/// <summary>
/// A newly delayed milestone with the exception report's latest word on it: the reason given and the proposed revised
/// date (the milestone's revised due date when the entry proposes none). Both are blank when no entry names it.
/// </summary>
public sealed record DelayedItem(DigestItem Item, string? Reason, TrackerDate ProposedDate);

/// <summary>
/// One owner's milestones in a follow-up list (not answering, or not reachable). <see cref="Reasons"/> are why nobody
/// could be reached, each once; <see cref="Since"/> is the earliest reminder not answered, or the earliest failure.
/// </summary>
public sealed record OwnerItems(string Owner, IReadOnlyList<DigestItem> Items, IReadOnlyList<string> Reasons, DateTimeOffset? Since);
