namespace PlanBot.Web;

/// <summary>Settings for progress updates (section PlanBot:Updates).</summary>
public sealed class UpdateOptions
{
    public const string Section = "PlanBot:Updates";

    /// <summary>Entra object ids of PMO admins, who may update any milestone (PlanBot__Updates__AdminObjectIds__0=…).</summary>
    public List<string> AdminObjectIds { get; set; } = [];
}
