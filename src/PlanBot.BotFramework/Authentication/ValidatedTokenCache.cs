using System.Collections.Concurrent;
using System.Security.Claims;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// Channel tokens whose signature, issuer and audience have already been checked, until they expire. The channel sends
/// the same token on every activity for up to an hour, and checking an RSA signature each time was most of the cost of
/// a turn. What depends on the request or can change is still checked on every use by the validator: lifetime, the
/// signing key still being published, its endorsement for the channel, and the serviceurl claim.
/// </summary>
internal sealed class ValidatedTokenCache
{
    // A bot sees one token per channel region per hour; the bound only stops a flood of valid tokens growing memory.
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public sealed record Entry(EndorsedSigningKey Key, ClaimsIdentity Identity, DateTime ExpiresUtc);

    public bool TryGet(string token, out Entry entry) => _entries.TryGetValue(token, out entry!);

    public void Add(string token, Entry entry)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[token] = entry;
    }

    public void Remove(string token) => _entries.TryRemove(token, out _);
}
