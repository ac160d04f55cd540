namespace PlanBot.Core.Plans;

/// <summary>The small, normalised set of statuses; the tracker's own words are kept beside it.</summary>
public enum MilestoneStatus
{
    Unknown,
    NotStarted,
    OnTrack,
    AtRisk,
    Delayed,
    Complete,
    Closed,
}

/// <summary>Red / Amber / Green, and Blue for completed (as the seeds' keys use it).</summary>
public enum Rag
{
    None,
    Red,
    Amber,
    Green,
    Blue,
}

public enum OwnerRole
{
    /// <summary>Delivery owner, ops lead, supporting officer: the person who does the work and gets reminders.</summary>
    Delivery,

    /// <summary>COT owner, SRO, GB owner, exec lead: the executive who answers for it and gets escalations.</summary>
    Accountable,
}
