namespace PlanBot.BotFramework.Hosting;

/// <summary>
/// A token bucket per key (a user, say), on an injected clock: each key may take <c>burst</c> at once and then one more
/// per <c>refillEvery</c>. At most <c>maxKeys</c> buckets are kept: when full, buckets that have refilled completely
/// (nothing to remember) are dropped first, then the least recently used, so the memory stays bounded whoever calls.
/// </summary>
public sealed class KeyedTokenBuckets
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly int _burst;
    private readonly TimeSpan _refillEvery;
    private readonly int _maxKeys;
    private readonly TimeProvider _time;

    public KeyedTokenBuckets(int burst, TimeSpan refillEvery, int maxKeys, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillEvery, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        _burst = burst;
        _refillEvery = refillEvery;
        _maxKeys = maxKeys;
        _time = time;
    }

    /// <summary>Buckets held now (for tests of the bound).</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _buckets.Count;
        }
    }

    /// <summary>Takes one token for <paramref name="key"/>; false when its bucket is empty.</summary>
    /// <param name="retryAfter">When refused, how long until the next token.</param>
    /// <param name="firstRefusal">When refused, whether this is the first refusal since the key last had a token, so
    /// the caller can explain once rather than on every refused request.</param>
    public bool TryTake(string key, out TimeSpan retryAfter, out bool firstRefusal)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                if (_buckets.Count >= _maxKeys) MakeRoom(now);
                bucket = new Bucket { Tokens = _burst, UpdatedAt = now };
                _buckets[key] = bucket;
            }
            Refill(bucket, now);
            bucket.LastUsed = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                bucket.Refused = false;
                retryAfter = TimeSpan.Zero;
                firstRefusal = false;
                return true;
            }
            retryAfter = _refillEvery * (1 - bucket.Tokens);
            firstRefusal = !bucket.Refused;
            bucket.Refused = true;
            return false;
        }
    }

    private void Refill(Bucket bucket, DateTimeOffset now)
    {
        var elapsed = now - bucket.UpdatedAt;
        if (elapsed <= TimeSpan.Zero) return;
        bucket.Tokens = Math.Min(_burst, bucket.Tokens + elapsed / _refillEvery);
        bucket.UpdatedAt = now;
    }

    private void MakeRoom(DateTimeOffset now)
    {
        var full = _buckets.Where(pair => Math.Min(_burst, pair.Value.Tokens + (now - pair.Value.UpdatedAt) / _refillEvery) >= _burst)
            .Select(pair => pair.Key).ToList();
        foreach (var key in full) _buckets.Remove(key);
        if (_buckets.Count < _maxKeys) return;
        // Every bucket is in use: forget the least recently used quarter. They get a fresh allowance, which is the price
        // of a bound on memory.
        foreach (var key in _buckets.OrderBy(pair => pair.Value.LastUsed).Take(Math.Max(1, _maxKeys / 4)).Select(pair => pair.Key).ToList())
            _buckets.Remove(key);
    }

    private sealed class Bucket
    {
        public double Tokens;
        public DateTimeOffset UpdatedAt;
        public DateTimeOffset LastUsed;
        public bool Refused;
    }
}
