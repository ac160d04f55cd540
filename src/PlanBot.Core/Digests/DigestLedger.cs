namespace PlanBot.Core.Digests;

/// <summary>Where subscriptions are kept: one per subscriber per plan, so subscribing again replaces the old one.</summary>
public interface IDigestSubscriptionStore
{
    /// <summary>The plan's subscriptions, in no particular order; an invalid plan id reads as none.</summary>
    Task<IReadOnlyList<DigestSubscription>> ListAsync(string planId, CancellationToken cancellationToken = default);

    /// <summary>Saves <paramref name="subscription"/>, replacing the subscriber's earlier one for the plan.</summary>
    Task SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Removes the subscriber's subscription to the plan; false when there was none.</summary>
    Task<bool> RemoveAsync(string planId, string subscriberKey, CancellationToken cancellationToken = default);
}

/// <summary>
/// One digest owed to one person: the plan, the subscription it comes from, the recipient, and the week it is for (the
/// Monday, as <see cref="Snapshots.SnapshotWeek"/>). Keyed by the week rather than the instant so that a schedule moved
/// from Monday to Friday does not send a second digest the same week.
/// </summary>
public sealed record DigestDelivery(string PlanId, string SubscriberKey, string RecipientAadObjectId, DateOnly WeekOf)
{
    /// <summary>"2026-11-23|role:chair|&lt;object id&gt;": unique per delivery within the plan.</summary>
    public string Key => $"{WeekOf:yyyy-MM-dd}|{SubscriberKey}|{RecipientAadObjectId.ToLowerInvariant()}";
}

/// <summary>A claim on one delivery, as <see cref="Reminders.ReminderClaim"/> is on a reminder.</summary>
public sealed record DigestClaim(DigestDelivery Delivery, string Claimant, DateTimeOffset LeaseUntil, string ETag, int Attempt);

/// <summary>
/// Records which digests went out, so each <see cref="DigestDelivery"/> is sent exactly once across host instances:
/// the same claim and lease as <see cref="Reminders.IReminderLedger"/>. A sender claims before sending and marks sent
/// after; a claim whose holder crashed lapses at the end of its lease and another instance takes it over.
/// </summary>
public interface IDigestLedger
{
    /// <summary>Claims the delivery until now + lease; null when it was sent, given up, or another claimant holds an unexpired lease.</summary>
    Task<DigestClaim?> TryClaimAsync(DigestDelivery delivery, string claimant, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records the delivery as sent. Throws <see cref="DigestClaimLostException"/> when the claim was taken over.</summary>
    Task MarkSentAsync(DigestClaim claim, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>Gives the claim back with the reason, so a later sweep tries again.</summary>
    Task ReleaseAsync(DigestClaim claim, string reason, CancellationToken cancellationToken = default);

    /// <summary>Gives the delivery up for good after repeated failures; the reason is recorded.</summary>
    Task GiveUpAsync(DigestClaim claim, string reason, CancellationToken cancellationToken = default);
}

/// <summary>The claim's lease expired and another instance took the delivery over; this claim changed nothing.</summary>
public sealed class DigestClaimLostException(string message) : Exception(message);
