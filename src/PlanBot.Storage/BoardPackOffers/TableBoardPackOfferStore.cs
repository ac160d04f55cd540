using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PlanBot.Core.Snapshots;

namespace PlanBot.Storage.BoardPackOffers;

/// <summary>Board pack offers in Azure Table storage; see <see cref="BoardPackOfferEntity"/> for the keys.</summary>
public sealed class TableBoardPackOfferStore : IBoardPackOfferStore
{
    private readonly PlanBotTables _tables;
    private readonly TableClient _table;

    public TableBoardPackOfferStore(PlanBotTables tables)
    {
        _tables = tables;
        _table = _tables.BoardPackOffers;
    }

    public async Task SaveAsync(BoardPackOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        Validate(offer.TenantId, offer.Id);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new BoardPackOfferEntity
        {
            PartitionKey = offer.TenantId,
            RowKey = offer.Id,
            AadObjectId = offer.AadObjectId,
            PlanId = offer.PlanId,
            AsAt = offer.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            OfferedAt = offer.OfferedAt,
            ExpiresAt = offer.ExpiresAt,
            AnsweredAt = offer.AnsweredAt,
        };
        // Add, not upsert: an id is never reused, so a clash is a bug, not something to overwrite.
        await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BoardPackOffer?> GetAsync(string tenantId, string offerId, CancellationToken cancellationToken = default)
    {
        if (!IsKey(tenantId) || !IsOfferId(offerId)) return null;
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<BoardPackOfferEntity>(tenantId, offerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } row) return null;
        if (!DateOnly.TryParseExact(row.AsAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt)) return null;
        return new BoardPackOffer
        {
            Id = row.RowKey,
            TenantId = row.PartitionKey,
            AadObjectId = row.AadObjectId,
            PlanId = row.PlanId,
            AsAt = asAt,
            OfferedAt = row.OfferedAt,
            ExpiresAt = row.ExpiresAt,
            AnsweredAt = row.AnsweredAt,
        };
    }

    public async Task<bool> TryAnswerAsync(string tenantId, string offerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!IsKey(tenantId) || !IsOfferId(offerId)) return false;
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<BoardPackOfferEntity>(tenantId, offerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } row || row.AnsweredAt is not null) return false;
        row.AnsweredAt = at;
        try
        {
            // Under the ETag just read: of two answers racing, one write succeeds and the other gets 412.
            await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException error) when (error.Status is 404 or 412)
        {
            return false;
        }
    }

    private static void Validate(string tenantId, string offerId)
    {
        if (!IsKey(tenantId)) throw new ArgumentException("An offer needs a tenant id that can be a PartitionKey.", nameof(tenantId));
        if (!IsOfferId(offerId)) throw new ArgumentException("An offer id is 32 hex digits.", nameof(offerId));
    }

    private static bool IsKey(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 256 && value.All(c => !char.IsControl(c) && c is not ('/' or '\\' or '#' or '?'));

    private static bool IsOfferId(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigit);
}
