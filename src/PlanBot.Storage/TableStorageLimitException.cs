using System.Globalization;

namespace PlanBot.Storage;

/// <summary>
/// Something in a plan is larger than Azure Table storage can hold. Raised before anything is written,
/// so the stored plan is unchanged; the text is never cut short to make it fit.
/// </summary>
public sealed class TableStorageLimitException(string planId, string item, string field, string message) : Exception(message)
{
    public string PlanId { get; } = planId;

    /// <summary>What holds the field: "milestone 6.17", "exception report entry 3 (41 &amp; 44)", "the plan".</summary>
    public string Item { get; } = item;

    public string Field { get; } = field;

    internal static TableStorageLimitException TextTooLong(string planId, string item, string field, int length) =>
        new(planId, item, field, string.Create(CultureInfo.InvariantCulture,
            $"Plan '{planId}', {item}: {field} is {length:N0} characters, more than the {EntityBudget.MaxTextChars:N0} (64 KiB) Azure Table storage holds in one field. Nothing was saved; shorten it in the tracker and import again."));

    internal static TableStorageLimitException EntityTooLarge(string planId, string item, long bytes, IEnumerable<string> largestFields)
    {
        var fields = string.Join(", ", largestFields);
        return new(planId, item, fields, string.Create(CultureInfo.InvariantCulture,
            $"Plan '{planId}', {item}: its text adds up to {bytes / 1024.0:N0} KiB, more than the 1,024 KiB Azure Table storage holds in one row (largest fields: {fields}). Nothing was saved; shorten them in the tracker and import again."));
    }
}
