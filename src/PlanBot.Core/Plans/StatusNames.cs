namespace PlanBot.Core.Plans;

/// <summary>How a normalised status is written for people: "Not started", "On track", … — one wording everywhere.</summary>
public static class StatusNames
{
    public static string Title(MilestoneStatus status) => status switch
    {
        MilestoneStatus.NotStarted => "Not started",
        MilestoneStatus.OnTrack => "On track",
        MilestoneStatus.AtRisk => "At risk",
        MilestoneStatus.Delayed => "Delayed",
        MilestoneStatus.Complete => "Complete",
        MilestoneStatus.Closed => "Closed",
        _ => "Unknown",
    };
}
