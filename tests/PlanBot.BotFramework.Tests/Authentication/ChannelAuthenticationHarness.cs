using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>
/// A validator wired to its own key site on the local server and a fake clock. The clock starts years away from the
/// real date, so a check that used the system clock instead of the injected one would fail the tests.
/// </summary>
public sealed class ChannelAuthenticationHarness
{
    public static readonly DateTimeOffset Start = new(2031, 3, 4, 9, 0, 0, TimeSpan.Zero);
    public const string Teams = "msteams";

    public ChannelAuthenticationHarness(LocalOpenIdServer server, string? metadataUrl = null)
    {
        Site = server.CreateSite();
        Options = new BotAuthenticationOptions
        {
            MicrosoftAppId = ChannelTokenClaims.BotAppId,
            MicrosoftAppPassword = "not-a-real-secret",
            ToBotFromChannelOpenIdMetadataUrl = metadataUrl ?? Site.MetadataUrl,
        };
        Keys = new OpenIdSigningKeys(server.HttpClient, Options, Clock, Log);
        Validator = new BotTokenValidator(Options, Keys, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public ChannelKeySite Site { get; }
    public BotAuthenticationOptions Options { get; }
    public ListLogger<OpenIdSigningKeys> Log { get; } = new();
    public OpenIdSigningKeys Keys { get; }
    public BotTokenValidator Validator { get; }

    public ChannelTokenClaims ClaimsIssuedNow() => new(Clock.GetUtcNow());

    public Task<BotAuthenticationResult> ValidateAsync(string token, string? channelId = Teams, string? serviceUrl = ChannelTokenClaims.TeamsServiceUrl) =>
        Validator.ValidateAsync("Bearer " + token, channelId, serviceUrl, CancellationToken.None);

    public static void AssertRefused(BotAuthenticationResult result, int statusCode, string? token = null)
    {
        Assert.False(result.Succeeded, "the request should have been refused");
        Assert.Equal(statusCode, result.StatusCode);
        Assert.Null(result.ClaimsIdentity);
        Assert.False(string.IsNullOrWhiteSpace(result.FailureReason));
        if (token is not null) Assert.DoesNotContain(token, result.FailureReason);
    }
}
