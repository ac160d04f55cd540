using PlanBot.Core.Plans;
using PlanBot.Core.Time;

namespace PlanBot.Core.Updates;

public enum UpdateResultKind
{
    Saved,

    /// <summary>The inputs break a rule; <see cref="UpdateResult.Problems"/> says which.</summary>
    Invalid,

    /// <summary>The milestone changed since the card was built; <see cref="UpdateResult.Current"/> is its state now.</summary>
    Stale,

    /// <summary>The author may not update this milestone.</summary>
    Refused,

    /// <summary>The plan or milestone no longer exists.</summary>
    NotFound,
}

/// <param name="Recorded">For a saved update, what was recorded (its reason is null when the standing one was kept).</param>
public sealed record UpdateResult(
    UpdateResultKind Kind, StoredMilestone? Current = null, IReadOnlyList<UpdateProblem>? Problems = null, string? Message = null,
    MilestoneHistoryEntry? Recorded = null);

/// <summary>A milestone opened for an update: the stored milestone, or the refusal to show; and for a PMO admin, what to fix.</summary>
public sealed record OpenedMilestone(StoredMilestone? Milestone, UpdateResult? Refusal, string? Notice = null)
{
    public void Deconstruct(out StoredMilestone? milestone, out UpdateResult? refusal)
    {
        milestone = Milestone;
        refusal = Refusal;
    }
}

/// <summary>
/// The one path every progress update takes, from a card or from chat: find the milestone, check the author may
/// update it, notice a stale card, check the inputs, then save under optimistic concurrency with history.
/// </summary>
public sealed class MilestoneUpdateService(IMilestoneUpdateStore store, IUpdateAuthoriser authoriser, PlanClock clock)
{
    /// <summary>
    /// The milestone as stored, when it exists and <paramref name="author"/> may update it; otherwise the NotFound or
    /// Refused result to show. Used before showing an update card as well as before saving one.
    /// </summary>
    public async Task<OpenedMilestone> OpenAsync(
        string planId, MilestoneRef reference, UpdateAuthor author, CancellationToken cancellationToken = default)
    {
        if (!PlanId.IsValid(planId))
            return new(null, new UpdateResult(UpdateResultKind.NotFound, Message: "This card names no plan I hold."));
        var stored = await store.GetStoredMilestoneAsync(planId, reference, cancellationToken).ConfigureAwait(false);
        if (stored is null)
            return new(null, new UpdateResult(UpdateResultKind.NotFound, Message: $"Milestone {reference.Display} is no longer in plan {planId.ToUpperInvariant()}."));
        var permission = await authoriser.CheckAsync(planId, stored.Milestone, author, cancellationToken).ConfigureAwait(false);
        return permission.Allowed
            ? new(stored, null, permission.Notice)
            : new(stored, new UpdateResult(UpdateResultKind.Refused, stored, Message: permission.Reason ?? $"You can't update {reference.Display}."));
    }

    /// <param name="revision">The revision the card was built from; null from chat, where the user confirms what they see.</param>
    public async Task<UpdateResult> UpdateAsync(
        string planId,
        MilestoneRef reference,
        string? revision,
        MilestoneUpdate update,
        UpdateAuthor author,
        string source,
        CancellationToken cancellationToken = default)
    {
        var (stored, refusal) = await OpenAsync(planId, reference, author, cancellationToken).ConfigureAwait(false);
        if (stored is null || refusal is not null) return refusal ?? new UpdateResult(UpdateResultKind.NotFound);

        if (revision is not null && revision != stored.Revision)
            return new UpdateResult(UpdateResultKind.Stale, stored,
                Message: $"{reference.Display} has changed since this card was sent. Check its state below and save again.");

        var outcome = MilestoneUpdater.Apply(stored.Milestone, update, clock.Today, author.Name, clock.Time.GetUtcNow(), source, stored.LatestException);
        if (!outcome.IsValid) return new UpdateResult(UpdateResultKind.Invalid, stored, outcome.Problems);

        try
        {
            var saved = await store.SaveUpdateAsync(stored, outcome.Updated!, outcome.History!, outcome.Exception, cancellationToken).ConfigureAwait(false);
            return new UpdateResult(UpdateResultKind.Saved, saved, Recorded: outcome.History);
        }
        catch (PlanConcurrencyException)
        {
            var now = await store.GetStoredMilestoneAsync(planId, reference, cancellationToken).ConfigureAwait(false);
            return now is null
                ? new UpdateResult(UpdateResultKind.NotFound, Message: $"Milestone {reference.Display} is no longer in plan {planId.ToUpperInvariant()}.")
                : new UpdateResult(UpdateResultKind.Stale, now,
                    Message: $"Someone else updated {reference.Display} just now. Check its state below and save again.");
        }
    }
}
