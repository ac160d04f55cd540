using Azure;
using Azure.Data.Tables;

namespace PlanBot.Storage;

/// <summary>
/// A row claimed under a lease so that one send happens once across host instances: a reminder, a digest delivery. The
/// claim's columns have these names in every table, so <see cref="LeaseClaims"/> can change them by name.
/// </summary>
internal abstract class LeaseRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary><see cref="LeaseClaims.ClaimedStatus"/>, <see cref="LeaseClaims.SentStatus"/>, <see cref="LeaseClaims.ReleasedStatus"/> or <see cref="LeaseClaims.GivenUpStatus"/>.</summary>
    public string Status { get; set; } = string.Empty;

    public string Claimant { get; set; } = string.Empty;

    /// <summary>A fresh id per claim, so a claim whose reply was lost (and whose retry got 409 or 412) is recognised as ours.</summary>
    public string ClaimId { get; set; } = string.Empty;

    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset LeaseUntil { get; set; }

    /// <summary>How many times the row has been claimed: 1 for the first claim, then one more per takeover or re-claim.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>Why the last claim was released or given up (the send failed).</summary>
    public string? LastError { get; set; }
}

/// <summary>
/// One claim as the store sees it: the row, what it is for people reading a message (<c>reminder 'odkm|6.17|…'</c>),
/// and the claim's holder, lease, ETag and attempt.
/// </summary>
internal sealed record HeldClaim(string PartitionKey, string RowKey, string Subject, string Claimant, DateTimeOffset LeaseUntil, string ETag, int Attempt);

/// <summary>
/// The claim and lease shared by the ledgers: inserting the row is the claim (a second insert gets 409); a claim whose
/// lease lapsed, or that was released, is taken over by replacing the row under its ETag; every change after is guarded
/// by the ETag the claim was given, so a claim that was taken over changes nothing.
/// </summary>
internal static class LeaseClaims
{
    public const string ClaimedStatus = "Claimed";
    public const string SentStatus = "Sent";
    public const string ReleasedStatus = "Released";

    /// <summary>Released too many times: no sweep claims it again.</summary>
    public const string GivenUpStatus = "GivenUp";

    /// <summary>Rounds of read-modify-write before a change gives up (each round lost to another writer).</summary>
    public const int MaxRounds = 8;

    /// <summary>A reason longer than this is cut, so it always fits in one column.</summary>
    private const int MaxReasonLength = 2_000;

    /// <summary>
    /// Claims the row <paramref name="newRow"/> describes (its keys and descriptive columns; the claim's columns are
    /// filled in here) until <paramref name="now"/> + <paramref name="lease"/>. Returns the row as written, with its new
    /// ETag, or null when it was sent, given up, or another claimant holds an unexpired lease. Of several instances
    /// racing for one row exactly one wins.
    /// </summary>
    public static async Task<T?> TryClaimAsync<T>(TableClient table, Func<T> newRow, string claimant, TimeSpan lease, DateTimeOffset now,
        CancellationToken cancellationToken) where T : LeaseRow, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var claimId = Guid.NewGuid().ToString("N");
        T Claim(T? previous)
        {
            var row = newRow();
            row.Status = ClaimedStatus;
            row.Claimant = claimant;
            row.ClaimId = claimId;
            row.ClaimedAt = now;
            row.LeaseUntil = now + lease;
            row.Attempts = (previous?.Attempts ?? 0) + 1;
            row.ReleasedAt = previous?.ReleasedAt;
            row.LastError = previous?.LastError;
            return row;
        }

        var keys = newRow();
        var insert = true;
        for (var round = 0; round < MaxRounds; round++)
        {
            if (insert)
            {
                var row = Claim(previous: null);
                try
                {
                    return WithETag(row, await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false));
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    // Claimed or sent before, or our own insert landed and its retry was refused: read it to tell which.
                }
            }

            var found = await table.GetEntityIfExistsAsync<T>(keys.PartitionKey, keys.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue)
            {
                insert = true; // deleted in between (by hand): claim afresh
                continue;
            }
            insert = false;
            var current = found.Value!;
            if (current.ClaimId == claimId) return current;
            if (current.Status is SentStatus or GivenUpStatus) return null;
            if (current.Status == ClaimedStatus && current.LeaseUntil > now) return null;

            // The lease lapsed (its holder crashed or stalled) or the claim was released: take it over under the ETag.
            var takeover = Claim(current);
            try
            {
                return WithETag(takeover, await table.UpdateEntityAsync(takeover, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false));
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                // Another instance changed it first (or our own update landed before a retry): read again.
            }
        }
        return null;
    }

    /// <summary>The change that marks a claimed row sent, to merge under the claim's ETag (alone or in a transaction).</summary>
    public static TableEntity Sent(HeldClaim claim, DateTimeOffset sentAt) => new(claim.PartitionKey, claim.RowKey)
    {
        [nameof(LeaseRow.Status)] = SentStatus,
        [nameof(LeaseRow.SentAt)] = sentAt,
    };

    /// <summary>Marks the claimed row sent; throws what <paramref name="lost"/> makes of the message when the claim was taken over.</summary>
    public static async Task MarkSentAsync<T>(TableClient table, HeldClaim claim, DateTimeOffset sentAt, Func<string, Exception> lost,
        CancellationToken cancellationToken) where T : LeaseRow, new()
    {
        try
        {
            await table.UpdateEntityAsync(Sent(claim, sentAt), new ETag(claim.ETag), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            if (await AfterRefusedSendAsync<T>(table, claim, lost, cancellationToken).ConfigureAwait(false) == RefusedSend.StillClaimed) throw;
        }
    }

    /// <summary>
    /// Reads the row after a write marking it sent was refused (404, 409 or 412): <see cref="RefusedSend.LandedBefore"/>
    /// when our own write landed and only its retry was refused; <see cref="RefusedSend.StillClaimed"/> when the row is
    /// still our claim, untouched (something else in the write failed); otherwise the claim was taken over (or its row
    /// removed), and what <paramref name="lost"/> makes of the message is thrown.
    /// </summary>
    public static async Task<RefusedSend> AfterRefusedSendAsync<T>(TableClient table, HeldClaim claim, Func<string, Exception> lost,
        CancellationToken cancellationToken) where T : LeaseRow, new()
    {
        var found = await table.GetEntityIfExistsAsync<T>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        var row = found.HasValue ? found.Value : null;
        if (row is not null && row.ETag.ToString() == claim.ETag) return RefusedSend.StillClaimed;
        if (row is { Status: SentStatus } && row.Claimant == claim.Claimant && row.Attempts == claim.Attempt) return RefusedSend.LandedBefore;
        throw lost(
            $"The claim by '{claim.Claimant}' on {claim.Subject} was lost: its lease (until {claim.LeaseUntil:O}) expired and "
            + (row is not null ? $"'{row.Claimant}' took it over" : "its row was removed") + ". Nothing was marked sent.");
    }

    /// <summary>
    /// Ends the claim as <see cref="ReleasedStatus"/> (a later sweep claims it again) or <see cref="GivenUpStatus"/>
    /// (none does), recording the reason. A claim already taken over is left to its new holder.
    /// </summary>
    public static async Task EndAsync(TableClient table, HeldClaim claim, string status, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var ended = new TableEntity(claim.PartitionKey, claim.RowKey)
        {
            [nameof(LeaseRow.Status)] = status,
            [nameof(LeaseRow.ReleasedAt)] = at,
            [nameof(LeaseRow.LastError)] = Cut(reason),
        };
        try
        {
            await table.UpdateEntityAsync(ended, new ETag(claim.ETag), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Taken over after the lease expired (or our own write landed before a retry): the row is someone else's now.
        }
    }

    /// <summary>A reason short enough for one column: longer text is cut and ends in "…".</summary>
    public static string Cut(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..(MaxReasonLength - 1)] + "…";

    private static T WithETag<T>(T row, Response response) where T : LeaseRow
    {
        row.ETag = response.Headers.ETag ?? throw new InvalidOperationException($"Table storage returned no ETag for the claim on {row.PartitionKey} {row.RowKey}.");
        return row;
    }
}

/// <summary>What the row says after a write marking it sent was refused; see <see cref="LeaseClaims.AfterRefusedSendAsync{T}"/>.</summary>
internal enum RefusedSend
{
    LandedBefore,
    StillClaimed,
}
