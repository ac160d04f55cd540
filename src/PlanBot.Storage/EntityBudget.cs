namespace PlanBot.Storage;

/// <summary>
/// Checks one entity against Azure Table storage's limits while it is being mapped, and estimates its size on the wire.
/// Sizes follow the documented formula: 4 bytes + 2 per key character + for each property 8 bytes,
/// 2 per name character and its value (strings 4 + 2 per character).
/// </summary>
internal sealed class EntityBudget
{
    public const int MaxTextChars = 32 * 1024;
    public const long MaxEntityBytes = 1024 * 1024;

    private readonly string _planId;
    private readonly string _item;
    private readonly List<(string Field, long Bytes)> _fields = [];
    private long _bytes = 4;

    public EntityBudget(string planId, string item, string partitionKey, string rowKey)
    {
        _planId = planId;
        _item = item;
        _bytes += 2L * (partitionKey.Length + rowKey.Length);
    }

    public long Bytes => _bytes;

    /// <summary>
    /// An upper bound on the entity's JSON in a batch request: the SDK escapes non-ASCII text as \uXXXX,
    /// at most three bytes of JSON per byte counted here, plus property names and type annotations.
    /// </summary>
    public long WireBytes => 3 * _bytes + 512;

    /// <summary>Refuses text over the per-property limit; returns it unchanged otherwise.</summary>
    public string? Text(string property, string? value, string? field = null)
    {
        if (value is null) return null;
        if (value.Length > MaxTextChars)
            throw TableStorageLimitException.TextTooLong(_planId, _item, field ?? property, value.Length);
        Add(property, 4 + 2L * value.Length, field);
        return value;
    }

    public void Value(string property, int valueBytes) => Add(property, valueBytes, null);

    /// <summary>Refuses the entity when its properties add up to more than a row can hold.</summary>
    public void EnsureFits()
    {
        if (_bytes <= MaxEntityBytes) return;
        var largest = _fields.OrderByDescending(f => f.Bytes).Take(3).Select(f => f.Field);
        throw TableStorageLimitException.EntityTooLarge(_planId, _item, _bytes, largest);
    }

    private void Add(string property, long valueBytes, string? field)
    {
        _bytes += 8 + 2L * property.Length + valueBytes;
        _fields.Add((field ?? property, valueBytes));
    }
}
