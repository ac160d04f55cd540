using System.Collections.Concurrent;
using PlanBot.Trackers.Importing;

namespace PlanBot.Web.Imports;

/// <summary>A previewed import waiting for its admin to press Import or Cancel.</summary>
public sealed record PendingTrackerImport(string Token, ImportPreview Preview, string FileName, string AdminObjectId, string AdminName, DateTimeOffset ExpiresAt);

/// <summary>
/// Previews waiting for Import, in memory: the card carries only a random token, never a download address, so a forged
/// press cannot make PlanBot fetch anything. A preview lasts <see cref="Lifetime"/>; a restarted host has none, and the
/// admin is asked to attach the file again. At most <see cref="Capacity"/> wait at once; the oldest gives way.
/// </summary>
public sealed class PendingTrackerImports(TimeProvider time)
{
    public const int Capacity = 20;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, PendingTrackerImport> _pending = new(StringComparer.Ordinal);

    public PendingTrackerImport Add(ImportPreview preview, string fileName, string adminObjectId, string adminName)
    {
        RemoveExpired();
        while (_pending.Count >= Capacity && _pending.Values.MinBy(p => p.ExpiresAt) is { } oldest)
            _pending.TryRemove(oldest.Token, out _);
        var pending = new PendingTrackerImport(Guid.NewGuid().ToString("N"), preview, fileName, adminObjectId, adminName, time.GetUtcNow() + Lifetime);
        _pending[pending.Token] = pending;
        return pending;
    }

    /// <summary>Takes the pending import out (so a second press cannot import it twice); null when unknown or expired.</summary>
    public PendingTrackerImport? Take(string? token)
    {
        if (token is null || !_pending.TryRemove(token, out var pending)) return null;
        return pending.ExpiresAt > time.GetUtcNow() ? pending : null;
    }

    /// <summary>Looks without taking, to check who may press before the import is used up.</summary>
    public PendingTrackerImport? Find(string? token) =>
        token is not null && _pending.TryGetValue(token, out var pending) && pending.ExpiresAt > time.GetUtcNow() ? pending : null;

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _pending.Values.Where(p => p.ExpiresAt <= now).ToList()) _pending.TryRemove(expired.Token, out _);
    }
}
