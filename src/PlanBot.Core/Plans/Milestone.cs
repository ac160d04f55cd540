namespace PlanBot.Core.Plans;

/// <summary>One numbered milestone or action in a plan, as the tracker states it.</summary>
public sealed record Milestone
{
    public required MilestoneRef Ref { get; init; }
    public required string Title { get; init; }
    public string? Team { get; init; }
    public string? Department { get; init; }
    public string? Programme { get; init; }

    /// <summary>The requirement or recommendation an action answers (seeds 001 and 002 group actions under one).</summary>
    public string? Requirement { get; init; }

    public TrackerDate Start { get; init; } = TrackerDate.Blank;
    public TrackerDate Due { get; init; } = TrackerDate.Blank;
    public TrackerDate RevisedDue { get; init; } = TrackerDate.Blank;

    /// <summary>
    /// True when the tracker left the baseline (original) due date blank ("NA") and <see cref="Due"/> holds its current
    /// date instead, so "which tasks have no baseline" can still be answered.
    /// </summary>
    public bool NoBaselineDue { get; init; }

    /// <summary>How far through the work is, 0 to 100, as the tracker's "% Complete" column says; null when it has none or left it blank.</summary>
    public double? PercentComplete { get; init; }

    public MilestoneStatus Status { get; init; }
    public string StatusText { get; init; } = string.Empty;
    public Rag Rag { get; init; }
    public string RagText { get; init; } = string.Empty;

    public bool CriticalPath { get; init; }
    public string? CommitteeSignOff { get; init; }
    public IReadOnlyList<Owner> Owners { get; init; } = [];

    /// <summary>The latest progress text the tracker holds ("Progress Update", "UPDATE/MITIGATION").</summary>
    public string? ProgressNote { get; init; }

    /// <summary>Trend since last report as the tracker marks it: ↑, ↓ or ↔.</summary>
    public string? Trend { get; init; }

    public string? Evidence { get; init; }

    /// <summary>Columns the importer did not map, kept by header name so nothing in the tracker is lost.</summary>
    public IReadOnlyDictionary<string, string> OtherFields { get; init; } = new Dictionary<string, string>();

    public SourceLocation? Source { get; init; }

    /// <summary>The date the milestone is now expected: the revised due date when there is one.</summary>
    public DateOnly? EffectiveDue => RevisedDue.Date ?? Due.Date;

    public IEnumerable<Owner> DeliveryOwners => Owners.Where(o => o.Role == OwnerRole.Delivery);
    public IEnumerable<Owner> AccountableOwners => Owners.Where(o => o.Role == OwnerRole.Accountable);

    /// <summary>The tracker's RAG colour, or when it gives none, the colour its status implies.</summary>
    public Rag EffectiveRag => Rag != Rag.None
        ? Rag
        : Status switch
        {
            MilestoneStatus.Delayed => Rag.Red,
            MilestoneStatus.AtRisk => Rag.Amber,
            MilestoneStatus.OnTrack => Rag.Green,
            MilestoneStatus.Complete or MilestoneStatus.Closed => Rag.Blue,
            _ => Rag.None,
        };

    /// <summary>Nothing left to do: delivered (<see cref="IsComplete"/>) or closed without delivery (cancelled, withdrawn, superseded).</summary>
    public bool IsFinished => IsComplete || Status == MilestoneStatus.Closed;

    /// <summary>
    /// The one definition of complete: the work was delivered, as the status says or the RAG shows blue. A milestone
    /// cancelled, withdrawn or superseded is finished but not complete, unless its RAG says the work was done.
    /// </summary>
    public bool IsComplete => Status == MilestoneStatus.Complete || Rag == Rag.Blue;

    /// <summary>
    /// The one definition of overdue, shared by answers, cards, digests and the board pack: not finished and its
    /// effective (revised, else original) due date is before <paramref name="today"/>.
    /// </summary>
    public bool IsOverdueAt(DateOnly today) => !IsFinished && EffectiveDue is { } due && due < today;

    /// <summary>Whole days past the effective due date as at <paramref name="today"/>; 0 when not overdue.</summary>
    public int DaysOverdueAt(DateOnly today) => IsOverdueAt(today) ? today.DayNumber - EffectiveDue!.Value.DayNumber : 0;
}
