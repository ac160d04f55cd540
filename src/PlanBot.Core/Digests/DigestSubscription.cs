namespace PlanBot.Core.Digests;

/// <summary>
/// Who a subscription sends to: one person, by Entra object id (their 1:1 chat is found or opened when it is due), or
/// everyone holding a people-file role (<see cref="People.PersonRoles.Chair"/>, <see cref="People.PersonRoles.Director"/>)
/// when it is due, so a new chair gets the digest without anyone re-subscribing them.
/// </summary>
public sealed record DigestSubscriber
{
    private DigestSubscriber(string? aadObjectId, string? name, string? role)
    {
        AadObjectId = aadObjectId;
        Name = name;
        Role = role;
    }

    /// <summary>The person's Entra object id, lower case; null for a role.</summary>
    public string? AadObjectId { get; }

    /// <summary>The person's display name when they subscribed; null for a role.</summary>
    public string? Name { get; }

    /// <summary>The people-file role; null for a person.</summary>
    public string? Role { get; }

    public bool IsRole => Role is not null;

    /// <summary>Unique per subscriber and stable: "person:&lt;object id&gt;" or "role:chair". One subscription per key per plan.</summary>
    public string Key => Role is { } role ? "role:" + role.ToLowerInvariant() : "person:" + AadObjectId;

    public static DigestSubscriber Person(string aadObjectId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        return new(aadObjectId.Trim().ToLowerInvariant(), string.IsNullOrWhiteSpace(name) ? aadObjectId.Trim() : name.Trim(), null);
    }

    public static DigestSubscriber ForRole(string role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        return new(null, null, role.Trim());
    }

    /// <summary>How chat names the subscriber: "Sue Graham", "everyone with the role Chair".</summary>
    public string Describe() => Role is { } role ? $"everyone with the role {role}" : Name!;
}

/// <summary>
/// A standing order for the weekly digest of one plan: who gets it, which areas it covers (none: the audience follows
/// the recipient's role, as "digest now" does), and when. <paramref name="CreatedAt"/> matters: a schedule time that
/// passed before the subscription was made is not owed.
/// </summary>
public sealed record DigestSubscription(
    string PlanId,
    DigestSubscriber Subscriber,
    IReadOnlyList<string> Areas,
    DigestSchedule Schedule,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>When the first digest is owed: the first scheduled time at or after the subscription was made, by the rule of <see cref="DueAt"/>.</summary>
    public DateTimeOffset FirstDue =>
        Schedule.LatestAtOrBefore(CreatedAt) is var latest && latest == CreatedAt ? latest : Schedule.NextAfter(CreatedAt);

    /// <summary>The digest due most recently at or before <paramref name="now"/>, or null when none is owed yet.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset now)
    {
        var due = Schedule.LatestAtOrBefore(now);
        return due >= CreatedAt ? due : null;
    }
}
