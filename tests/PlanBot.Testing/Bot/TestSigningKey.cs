using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PlanBot.Testing.Bot;

/// <summary>An RSA key generated for the test, which can be published as a JWK and sign channel tokens.</summary>
public sealed class TestSigningKey(string? keyId) : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string? KeyId { get; } = keyId;

    public JsonObject ToJsonWebKey(string[]? endorsements)
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null) jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
        return jwk;
    }

    public string CreateToken(ChannelTokenClaims claims)
    {
        var extra = new Dictionary<string, object>();
        if (claims.ServiceUrl is not null) extra["serviceurl"] = claims.ServiceUrl;
        if (claims.AppId is not null) extra["appid"] = claims.AppId;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = claims.Issuer,
            Audience = claims.Audience,
            IssuedAt = claims.IssuedAt.UtcDateTime,
            NotBefore = claims.IssuedAt.UtcDateTime,
            Expires = (claims.IssuedAt + claims.Lifetime).UtcDateTime,
            Claims = extra,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, claims.Algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _rsa.Dispose();
}

public sealed record ChannelTokenClaims(DateTimeOffset IssuedAt)
{
    public const string BotAppId = "5b9a1c1e-0000-4000-8000-000000000001";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string TeamsServiceUrl = "https://smba.trafficmanager.net/emea/";

    public string Issuer { get; init; } = ChannelIssuer;
    public string Audience { get; init; } = BotAppId;
    public string? AppId { get; init; } = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public string? ServiceUrl { get; init; } = TeamsServiceUrl;
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);
    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;
}
