using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// The channel's token signing keys, from the OpenID metadata at ToBotFromChannelOpenIdMetadataUrl and its jwks_uri.
/// Keys are cached for a day (as Bot Builder does); a token naming an unknown key id triggers an early refresh, at most
/// once per <see cref="UnknownKeyRefreshInterval"/>, so a key rotation is picked up without letting made-up key ids
/// turn every request into a metadata fetch. Failures are logged and leave the previous keys in use; they never throw.
/// </summary>
public sealed partial class OpenIdSigningKeys(
    HttpClient http, BotAuthenticationOptions options, TimeProvider time, ILogger<OpenIdSigningKeys> logger)
{
    public const string HttpClientName = "PlanBot.BotFramework.OpenIdSigningKeys";
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);
    // After a failed fetch, wait this long before the next one so an outage is not met with one fetch per request.
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile KeySet? _keys;
    private DateTimeOffset? _lastFetchStartedAt; // read and written only inside _refreshGate

    /// <summary>Whether any keys have been loaded, to tell "unknown key" from "keys unavailable".</summary>
    public bool HasKeys => _keys is not null;

    /// <summary>The key with this id, refreshing the cache first when it is stale or lacks the id; null if there is none.</summary>
    public async Task<EndorsedSigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is not null && !IsStale(keys) && keys.ByKeyId.TryGetValue(keyId, out var cached))
            return cached;

        keys = await RefreshIfDueAsync(keyId, cancellationToken).ConfigureAwait(false);
        return keys?.ByKeyId.GetValueOrDefault(keyId);
    }

    private async Task<KeySet?> RefreshIfDueAsync(string keyId, CancellationToken cancellationToken)
    {
        // One fetch at a time; callers queued behind it re-check and usually find the fresh keys.
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var keys = _keys;
            var now = time.GetUtcNow();
            var stale = keys is null || IsStale(keys);
            if (!stale && keys!.ByKeyId.ContainsKey(keyId))
                return keys;

            var minimumGap = stale ? RetryAfterFailure : UnknownKeyRefreshInterval;
            if (_lastFetchStartedAt is { } last && now - last < minimumGap)
                return keys;

            _lastFetchStartedAt = now;
            var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
            if (fetched is not null) _keys = fetched;
            return _keys;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private bool IsStale(KeySet keys) => time.GetUtcNow() - keys.FetchedAt >= RefreshInterval;

    private async Task<KeySet?> FetchAsync(CancellationToken cancellationToken)
    {
        var metadataUrl = options.ToBotFromChannelOpenIdMetadataUrl;
        try
        {
            var keysUrl = await ReadKeysUrlAsync(metadataUrl, cancellationToken).ConfigureAwait(false);
            using var document = await GetJsonAsync(keysUrl, cancellationToken).ConfigureAwait(false);
            var byKeyId = ParseKeys(document.RootElement);
            if (byKeyId.Count == 0)
                throw new InvalidDataException($"{keysUrl} lists no usable RSA signing keys.");

            LogKeysLoaded(logger, byKeyId.Count, keysUrl);
            return new KeySet(byKeyId, time.GetUtcNow());
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // HttpClient timeouts arrive as TaskCanceledException without our token being cancelled; they land here too.
            LogFetchFailed(logger, error, metadataUrl, _keys is null ? "tokens will be refused until they load" : "the previous keys stay in use");
            return null;
        }
    }

    private async Task<Uri> ReadKeysUrlAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(metadataUrl, UriKind.Absolute, out var url) || !TrustedEndpoint.IsHttpsOrLoopback(url))
            throw new InvalidDataException($"The OpenID metadata URL '{metadataUrl}' is not an https URL.");

        using var metadata = await GetJsonAsync(url, cancellationToken).ConfigureAwait(false);
        if (metadata.RootElement.ValueKind != JsonValueKind.Object
            || !metadata.RootElement.TryGetProperty("jwks_uri", out var jwksUri)
            || jwksUri.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(jwksUri.GetString(), UriKind.Absolute, out var keysUrl))
            throw new InvalidDataException($"The OpenID metadata at {metadataUrl} has no absolute jwks_uri.");
        if (!TrustedEndpoint.IsHttpsOrLoopback(keysUrl))
            throw new InvalidDataException($"The OpenID metadata at {metadataUrl} points to keys at a non-https URL ({keysUrl}).");
        return keysUrl;
    }

    private async Task<JsonDocument> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private Dictionary<string, EndorsedSigningKey> ParseKeys(JsonElement jwks)
    {
        var byKeyId = new Dictionary<string, EndorsedSigningKey>(StringComparer.Ordinal);
        if (jwks.ValueKind != JsonValueKind.Object || !jwks.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            return byKeyId;

        foreach (var entry in keys.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object
                || ReadString(entry, "kid") is not { Length: > 0 } keyId
                || ReadString(entry, "kty") != JsonWebAlgorithmsKeyTypes.RSA
                || ReadString(entry, "use") is { } use && use != JsonWebKeyUseNames.Sig)
                continue;

            JsonWebKey key;
            try
            {
                key = new JsonWebKey(entry.GetRawText());
            }
            catch (ArgumentException error)
            {
                LogKeySkipped(logger, error, keyId);
                continue;
            }
            // Read here rather than from JsonWebKey.AdditionalData, whose value types are the library's choice.
            var endorsements = entry.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
                : null;
            byKeyId.TryAdd(keyId, new EndorsedSigningKey(keyId, key, endorsements));
        }
        return byKeyId;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record KeySet(IReadOnlyDictionary<string, EndorsedSigningKey> ByKeyId, DateTimeOffset FetchedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {KeyCount} Bot Framework signing keys from {KeysUrl}")]
    private static partial void LogKeysLoaded(ILogger logger, int keyCount, Uri keysUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the Bot Framework signing keys via {MetadataUrl}; {Consequence}")]
    private static partial void LogFetchFailed(ILogger logger, Exception error, string metadataUrl, string consequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped signing key {KeyId}: it could not be read")]
    private static partial void LogKeySkipped(ILogger logger, Exception error, string keyId);
}
