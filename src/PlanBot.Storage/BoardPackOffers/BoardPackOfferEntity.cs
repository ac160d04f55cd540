using Azure;
using Azure.Data.Tables;

namespace PlanBot.Storage.BoardPackOffers;

/// <summary>
/// BoardPackOffers table: one row per file consent card offering a board pack. PartitionKey: the tenant id, so an offer
/// is only ever found in the tenant it was made in. RowKey: the offer id (32 hex digits, safe as a key). Rows are small
/// and few (one per "board pack" asked for); they are kept as a record of who was offered what.
/// </summary>
internal sealed class BoardPackOfferEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AadObjectId { get; set; } = string.Empty;
    public string PlanId { get; set; } = string.Empty;

    /// <summary>yyyy-MM-dd.</summary>
    public string AsAt { get; set; } = string.Empty;

    public DateTimeOffset OfferedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
