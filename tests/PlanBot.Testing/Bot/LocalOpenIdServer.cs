using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace PlanBot.Testing.Bot;

/// <summary>
/// A real HTTP server on loopback that plays login.botframework.com: each <see cref="ChannelKeySite"/> gets its own
/// OpenID metadata document and JWKS under its own path, so tests sharing the server do not see each other's keys.
/// </summary>
public sealed class LocalOpenIdServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, ChannelKeySite> _sites = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient HttpClient { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public ChannelKeySite CreateSite()
    {
        var site = new ChannelKeySite(BaseAddress, Guid.NewGuid().ToString("N"));
        _sites[site.Name] = site;
        return site;
    }

    public async Task InitializeAsync()
    {
        _app = LoopbackServer.CreateBuilder().Build();

        _app.MapGet("/{site}/v1/.well-known/openidconfiguration", (string site) =>
        {
            if (!_sites.TryGetValue(site, out var found)) return Results.NotFound();
            Interlocked.Increment(ref found.MetadataRequestCount);
            return found.IsDown ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Text(found.MetadataJson(), "application/json");
        });
        _app.MapGet("/{site}/v1/.well-known/keys", (string site) =>
        {
            if (!_sites.TryGetValue(site, out var found)) return Results.NotFound();
            Interlocked.Increment(ref found.KeysRequestCount);
            return found.IsDown ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Text(found.KeysJson(), "application/json");
        });

        BaseAddress = await LoopbackServer.StartAsync(_app);
    }

    public async Task DisposeAsync()
    {
        HttpClient.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>One channel's published signing keys, which a test can add to (key rotation) or take offline.</summary>
public sealed class ChannelKeySite(Uri serverAddress, string name)
{
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _keys = [];

    public int MetadataRequestCount;
    public int KeysRequestCount;

    public string Name { get; } = name;
    public volatile bool IsDown;
    public string MetadataUrl => new Uri(serverAddress, $"/{Name}/v1/.well-known/openidconfiguration").ToString();
    private string KeysUrl => new Uri(serverAddress, $"/{Name}/v1/.well-known/keys").ToString();

    public void Publish(TestSigningKey key, params string[]? endorsements)
    {
        lock (_lock) _keys.Add(key.ToJsonWebKey(endorsements));
    }

    internal string MetadataJson() => new JsonObject
    {
        ["issuer"] = "https://api.botframework.com",
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = KeysUrl,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    }.ToJsonString();

    internal string KeysJson()
    {
        lock (_lock) return new JsonObject { ["keys"] = new JsonArray(_keys.Select(k => (JsonNode)k.DeepClone()).ToArray()) }.ToJsonString();
    }
}
