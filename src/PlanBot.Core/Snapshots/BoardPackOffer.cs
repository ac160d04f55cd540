namespace PlanBot.Core.Snapshots;

/// <summary>
/// A board pack offered to one person on a file consent card. The card's context comes back from the client, so it
/// carries only <see cref="Id"/>; everything else is this server-side record, which the accept must match.
/// </summary>
public sealed record BoardPackOffer
{
    /// <summary>A random id (32 hex digits), unguessable, so a context cannot be made up.</summary>
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The Entra object id of the person it was offered to: only they may accept it.</summary>
    public required string AadObjectId { get; init; }

    public required string PlanId { get; init; }

    /// <summary>The day the pack is as at.</summary>
    public required DateOnly AsAt { get; init; }

    public required DateTimeOffset OfferedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was accepted or declined; an offer is answered once.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    public static string NewId() => Guid.NewGuid().ToString("N");
}

/// <summary>Board pack offers, by tenant and id, so that each accept is checked against what was offered, and used once.</summary>
public interface IBoardPackOfferStore
{
    Task SaveAsync(BoardPackOffer offer, CancellationToken cancellationToken = default);

    /// <summary>The offer, or null when there is none with that id in that tenant.</summary>
    Task<BoardPackOffer?> GetAsync(string tenantId, string offerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the offer answered; true for the one caller that did, false when it was answered already (or is gone), so two
    /// accepts racing on two hosts cannot both upload.
    /// </summary>
    Task<bool> TryAnswerAsync(string tenantId, string offerId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
