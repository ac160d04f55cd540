using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PlanBot.MessagesBenchmark;

/// <summary>
/// Plays the Bot Framework channel so the bot's real token validation is measured: generates an RSA signing key,
/// serves OpenID metadata and a JWKS endorsing the key for msteams (as login.botframework.com does) on a loopback
/// port, and writes one signed channel token to a file for the load generator. Runs until stopped (SIGTERM / Ctrl+C),
/// so the bot can refresh its keys at any time during the run.
/// </summary>
internal static class ChannelCommand
{
    public const string Usage = "channel --port PORT --token-file PATH [--app-id ID] [--service-url URL]";
    public const string Issuer = "https://api.botframework.com";
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    private const string KeysPath = "/v1/.well-known/keys";

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var port = arguments.Integer("port", 0, 1, 65535);
        if (port == 0) throw new UsageException("channel needs --port.");
        var tokenFile = arguments.Required("token-file");
        var appId = arguments.Optional("app-id") ?? LoadCommand.DefaultAppId;
        var serviceUrl = arguments.Optional("service-url") ?? LoadCommand.DefaultServiceUrl;
        arguments.RejectUnknownOptions();

        using var key = new ChannelSigningKey();
        var baseUrl = $"http://127.0.0.1:{port}";
        var metadata = new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = baseUrl + KeysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString();
        var keys = new JsonObject { ["keys"] = new JsonArray(key.ToJsonWebKey(endorsements: ["msteams"])) }.ToJsonString();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(baseUrl);
        var app = builder.Build();
        var keyFetches = 0;
        // Bot Builder spells the metadata path openidconfiguration, the Teams SDK openid-configuration; serve both.
        app.MapGet(MetadataPath, () => Results.Text(metadata, "application/json"));
        app.MapGet("/v1/.well-known/openid-configuration", () => Results.Text(metadata, "application/json"));
        app.MapGet(KeysPath, () =>
        {
            // Printed so the run shows the bot caches the keys instead of fetching them per request.
            Console.WriteLine($"channel: the signing keys were fetched ({Interlocked.Increment(ref keyFetches)} so far)");
            return Results.Text(keys, "application/json");
        });
        await app.StartAsync();

        // Written once the server listens, and renamed into place, so whoever waits for the file can use it at once.
        var token = key.CreateToken(appId, serviceUrl, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        await File.WriteAllTextAsync(tokenFile + ".tmp", token);
        File.Move(tokenFile + ".tmp", tokenFile, overwrite: true);
        Console.WriteLine($"channel: metadata at {baseUrl}{MetadataPath}, token for app {appId} and {serviceUrl} in {tokenFile}");

        await app.WaitForShutdownAsync();
        return 0;
    }
}

/// <summary>The channel's RSA key: published as a JWK with its endorsements, and used to sign RS256 channel tokens.</summary>
internal sealed class ChannelSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string KeyId { get; } = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public JsonObject ToJsonWebKey(string[] endorsements)
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            ["endorsements"] = new JsonArray(endorsements.Select(endorsement => (JsonNode)endorsement).ToArray()),
        };
    }

    /// <summary>A token with the claims Bot Framework puts in channel tokens: issuer, audience (the bot), serviceurl, lifetime.</summary>
    public string CreateToken(string audience, string serviceUrl, DateTimeOffset now, TimeSpan lifetime)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = KeyId, ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["iss"] = ChannelCommand.Issuer,
            ["aud"] = audience,
        };
        var signed = Encode(header) + "." + Encode(payload);
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    private static string Encode(JsonObject part) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));

    public void Dispose() => _rsa.Dispose();
}
