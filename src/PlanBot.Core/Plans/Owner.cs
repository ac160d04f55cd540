namespace PlanBot.Core.Plans;

/// <summary>
/// One person named against a milestone. <see cref="RoleTitle"/> is the tracker's column name
/// ("COT Owner", "SRO", "Ops lead"); <see cref="IsDeputy"/> marks a name written in brackets after another.
/// </summary>
public sealed record Owner(string Name, OwnerRole Role, string RoleTitle, bool IsDeputy = false);
