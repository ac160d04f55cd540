using PlanBot.Core.Plans;

namespace PlanBot.Core.Updates;

/// <summary>Who is sending an update, as Teams identifies them.</summary>
/// <param name="AadObjectId">The Entra object id Teams gives; null in local tools such as the Agents Playground.</param>
public sealed record UpdateAuthor(string Name, string? AadObjectId);

/// <summary>Whether an author may update a milestone, and if not, why (in words for them).</summary>
public sealed record UpdatePermission(bool Allowed, string? Reason = null)
{
    public static UpdatePermission Allow { get; } = new(true);

    public static UpdatePermission Refuse(string reason) => new(false, reason);
}

/// <summary>Only a milestone's owners, their delegates and PMO admins may update it.</summary>
public interface IUpdateAuthoriser
{
    Task<UpdatePermission> CheckAsync(string planId, Milestone milestone, UpdateAuthor author, CancellationToken cancellationToken = default);
}
