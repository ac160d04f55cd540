using PlanBot.Core.Plans;

namespace PlanBot.Core.Reminders;

/// <summary>
/// Where the reminder loop records what it has sent, so that each <see cref="ReminderNotice"/> — one person, one
/// milestone, one working day — is sent at most once across several host instances and the command line, and a crash
/// never loses one. A sender claims a notice (<see cref="TryClaimAsync"/>) before sending it and marks it sent
/// (<see cref="MarkSentAsync"/>) after; a claim whose holder crashed lapses when its lease
/// expires and another instance takes it over. A send that failed is given back with <see cref="ReleaseAsync"/> so a
/// later sweep retries it. The ledger also keeps each milestone's <see cref="ReminderState"/>.
/// </summary>
public interface IReminderLedger
{
    /// <summary>Every milestone's state in the plan, in one read; milestones never reminded are absent. An invalid plan id reads as empty.</summary>
    Task<IReadOnlyDictionary<MilestoneRef, ReminderState>> GetStatesAsync(string planId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims <paramref name="notice"/> (by its <see cref="ReminderNotice.Key"/>) for <paramref name="claimant"/> until
    /// <paramref name="now"/> + <paramref name="lease"/>. Returns null when it was already sent or given up, or another
    /// claimant holds an unexpired lease. A lapsed or released claim is taken over; of several instances racing for it,
    /// exactly one wins.
    /// </summary>
    Task<ReminderClaim?> TryClaimAsync(ReminderNotice notice, string claimant, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the claimed notice as sent and the milestone's state as <see cref="ReminderState.Sent"/> for each of its
    /// reminders, both in one atomic write. Throws <see cref="ReminderClaimLostException"/>, and marks nothing, when the claim was taken over
    /// after its lease expired.
    /// </summary>
    Task MarkSentAsync(ReminderClaim claim, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the claim up (the send failed, for example the recipient is unreachable) so a later sweep can claim the
    /// reminder again; the reason and the number of attempts so far are recorded. A claim already taken over by another
    /// instance is left to that instance.
    /// </summary>
    Task ReleaseAsync(ReminderClaim claim, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the notice up for the day after repeated failures: no later sweep claims it again that day (the next
    /// working day's is a different notice and is tried afresh). The reason is recorded. A claim already taken over is left alone.
    /// </summary>
    Task GiveUpAsync(ReminderClaim claim, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records in the milestone's state that nobody could be reached for it (<see cref="ReminderState.Unreachable"/>),
    /// so the PMO's digest can say so; the next reminder sent clears it.
    /// </summary>
    Task RecordUnreachableAsync(string planId, MilestoneRef reference, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records that an owner's update arrived at <paramref name="at"/> (<see cref="ReminderState.Updated"/>).</summary>
    Task RecordUpdateAsync(string planId, MilestoneRef reference, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records a snooze until <paramref name="until"/> (<see cref="ReminderState.Snoozed"/>).</summary>
    Task SnoozeAsync(string planId, MilestoneRef reference, DateTimeOffset until, CancellationToken cancellationToken = default);
}

/// <summary>
/// A claim on one notice: who holds it, until when, and the stored row's version (<paramref name="ETag"/>, opaque),
/// which guards <see cref="IReminderLedger.MarkSentAsync"/> and <see cref="IReminderLedger.ReleaseAsync"/>.
/// <paramref name="Attempt"/> is 1 for the first claim and counts up with each takeover or re-claim.
/// </summary>
public sealed record ReminderClaim(ReminderNotice Notice, string Claimant, DateTimeOffset LeaseUntil, string ETag, int Attempt);

/// <summary>The claim's lease expired and another instance took the reminder over; this claim changed nothing.</summary>
public sealed class ReminderClaimLostException(string message) : Exception(message);
