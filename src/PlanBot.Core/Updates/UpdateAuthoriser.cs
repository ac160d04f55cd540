using PlanBot.Core.Plans;

namespace PlanBot.Core.Updates;

/// <summary>Who is sending an update, as Teams identifies them.</summary>
/// <param name="Name">The Teams display name, recorded in history; never used to decide who may act.</param>
/// <param name="AadObjectId">The Entra object id Teams gives, by which the author is recognised; without it nobody is.</param>
public sealed record UpdateAuthor(string Name, string? AadObjectId);

/// <summary>Whether an author may update a milestone, and if not, why (in words for them).</summary>
/// <param name="Notice">For a PMO admin who is allowed: what the PMO should fix, such as owners the people file lists
/// without an Entra object id (who therefore cannot update their own milestones).</param>
public sealed record UpdatePermission(bool Allowed, string? Reason = null, string? Notice = null)
{
    public static UpdatePermission Allow { get; } = new(true);

    public static UpdatePermission Refuse(string reason) => new(false, reason);
}

/// <summary>Only a milestone's owners, their delegates and PMO admins may update it.</summary>
public interface IUpdateAuthoriser
{
    Task<UpdatePermission> CheckAsync(string planId, Milestone milestone, UpdateAuthor author, CancellationToken cancellationToken = default);
}
