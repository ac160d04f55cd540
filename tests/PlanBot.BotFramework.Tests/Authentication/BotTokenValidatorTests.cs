using Microsoft.IdentityModel.Tokens;
using PlanBot.BotFramework.Authentication;
using static PlanBot.BotFramework.Tests.Authentication.ChannelAuthenticationHarness;

namespace PlanBot.BotFramework.Tests.Authentication;

[Collection(LocalOpenIdServerCollection.Name)]
public sealed class BotTokenValidatorTests : IDisposable
{
    private readonly TestSigningKey _channelKey = new("channel-key-1");

    public BotTokenValidatorTests(LocalOpenIdServer server)
    {
        Bot = new ChannelAuthenticationHarness(server);
        // Endorsed the way Bot Framework endorses its keys.
        Bot.Site.Publish(_channelKey, "msteams", "emulator", "webchat");
    }

    private ChannelAuthenticationHarness Bot { get; }

    [Fact]
    public async Task Valid_channel_token_is_accepted_with_its_claims()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow());

        var result = await Bot.ValidateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.FailureReason);
        Assert.NotNull(result.ClaimsIdentity);
        Assert.True(result.ClaimsIdentity.IsAuthenticated);
        Assert.Equal("d6d49420-f39b-4df7-a1dc-d59a935871db", result.ClaimsIdentity.FindFirst("appid")?.Value);
        Assert.Equal(ChannelTokenClaims.BotAppId, result.ClaimsIdentity.FindFirst("aud")?.Value);
        Assert.Equal(ChannelTokenClaims.TeamsServiceUrl, result.ClaimsIdentity.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task A_token_accepted_before_is_still_checked_against_each_activity()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow());
        Assert.True((await Bot.ValidateAsync(token)).Succeeded);

        ChannelAuthenticationHarness.AssertRefused(await Bot.ValidateAsync(token, serviceUrl: "https://smba.trafficmanager.net/elsewhere/"), 401);
        ChannelAuthenticationHarness.AssertRefused(await Bot.ValidateAsync(token, channelId: "slack"), 403);
        var again = await Bot.ValidateAsync(token);
        Assert.True(again.Succeeded, again.FailureReason);
    }

    [Fact]
    public async Task A_token_accepted_before_is_refused_once_it_expires()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow() with { Lifetime = TimeSpan.FromMinutes(30) });
        Assert.True((await Bot.ValidateAsync(token)).Succeeded);

        Bot.Clock.Advance(TimeSpan.FromMinutes(36));

        ChannelAuthenticationHarness.AssertRefused(await Bot.ValidateAsync(token), 401);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Tokens_signed_with_the_other_allowed_RSA_algorithms_are_accepted(string algorithm)
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow() with { Algorithm = algorithm });

        Assert.True((await Bot.ValidateAsync(token)).Succeeded);
    }

    [Fact]
    public async Task Request_without_a_token_is_refused()
    {
        var missing = await Bot.Validator.ValidateAsync(null, Teams, ChannelTokenClaims.TeamsServiceUrl, CancellationToken.None);
        var empty = await Bot.Validator.ValidateAsync("  ", Teams, ChannelTokenClaims.TeamsServiceUrl, CancellationToken.None);
        var schemeOnly = await Bot.Validator.ValidateAsync("Bearer", Teams, ChannelTokenClaims.TeamsServiceUrl, CancellationToken.None);

        AssertRefused(missing, 401);
        AssertRefused(empty, 401);
        AssertRefused(schemeOnly, 401);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Token")]
    [InlineData("")]
    public async Task Token_sent_without_the_Bearer_scheme_is_refused(string scheme)
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow());

        var result = await Bot.Validator.ValidateAsync($"{scheme} {token}".Trim(), Teams, ChannelTokenClaims.TeamsServiceUrl, CancellationToken.None);

        AssertRefused(result, 401, token);
    }

    [Fact]
    public async Task Text_that_is_not_a_JWT_is_refused()
    {
        AssertRefused(await Bot.ValidateAsync("not.a-jwt"), 401, "not.a-jwt");
    }

    [Fact]
    public async Task Token_signed_with_an_unpublished_key_under_a_published_key_id_is_refused()
    {
        using var impostor = new TestSigningKey(_channelKey.KeyId);
        var token = impostor.CreateToken(Bot.ClaimsIssuedNow());

        var result = await Bot.ValidateAsync(token);

        AssertRefused(result, 401, token);
        Assert.Contains("signature", result.FailureReason);
    }

    [Fact]
    public async Task Token_for_another_bot_is_refused()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow() with { Audience = "another-bot-app-id" });

        var result = await Bot.ValidateAsync(token);

        AssertRefused(result, 401, token);
        Assert.Contains("audience", result.FailureReason);
    }

    [Fact]
    public async Task Token_from_another_issuer_is_refused()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow() with { Issuer = "https://sts.windows.net/some-tenant/" });

        var result = await Bot.ValidateAsync(token);

        AssertRefused(result, 401, token);
        Assert.Contains("issued", result.FailureReason);
    }

    [Fact]
    public async Task Token_expired_beyond_the_five_minute_clock_skew_is_refused()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow() with { Lifetime = TimeSpan.FromMinutes(30) });
        Bot.Clock.Advance(TimeSpan.FromMinutes(30) + BotTokenValidator.ClockSkew + TimeSpan.FromSeconds(1));

        var result = await Bot.ValidateAsync(token);

        AssertRefused(result, 401, token);
        Assert.Contains("expired", result.FailureReason);
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow() with { Lifetime = TimeSpan.FromMinutes(30) });
        Bot.Clock.Advance(TimeSpan.FromMinutes(34));

        var result = await Bot.ValidateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Token_not_valid_until_beyond_the_clock_skew_is_refused_and_accepted_within_it()
    {
        var early = _channelKey.CreateToken(new ChannelTokenClaims(Bot.Clock.GetUtcNow().AddMinutes(6)));
        var slightlyEarly = _channelKey.CreateToken(new ChannelTokenClaims(Bot.Clock.GetUtcNow().AddMinutes(4)));

        AssertRefused(await Bot.ValidateAsync(early), 401, early);
        Assert.True((await Bot.ValidateAsync(slightlyEarly)).Succeeded);
    }

    [Fact]
    public async Task Token_for_another_service_url_is_refused()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow() with { ServiceUrl = "https://attacker.example/teams/" });

        var result = await Bot.ValidateAsync(token);

        AssertRefused(result, 401, token);
        Assert.Contains("serviceurl", result.FailureReason);
    }

    [Fact]
    public async Task Token_without_a_service_url_claim_is_refused()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow() with { ServiceUrl = null });

        AssertRefused(await Bot.ValidateAsync(token), 401, token);
    }

    [Fact]
    public async Task Activity_without_a_service_url_is_refused()
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow());

        AssertRefused(await Bot.ValidateAsync(token, serviceUrl: null), 401, token);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea")]
    [InlineData("HTTPS://SMBA.trafficmanager.net/EMEA/")]
    public async Task Service_url_comparison_ignores_case_and_a_trailing_slash(string activityServiceUrl)
    {
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow());

        var result = await Bot.ValidateAsync(token, serviceUrl: activityServiceUrl);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Key_not_endorsed_for_the_activity_channel_is_forbidden()
    {
        using var webChatOnly = new TestSigningKey("webchat-only-key");
        Bot.Site.Publish(webChatOnly, "webchat", "directline");
        var token = webChatOnly.CreateToken(Bot.ClaimsIssuedNow());

        var fromTeams = await Bot.ValidateAsync(token, channelId: Teams);
        var withoutChannel = await Bot.ValidateAsync(token, channelId: null);
        var fromWebChat = await Bot.ValidateAsync(token, channelId: "webchat");

        AssertRefused(fromTeams, 403, token);
        Assert.Contains("msteams", fromTeams.FailureReason);
        AssertRefused(withoutChannel, 403, token);
        Assert.True(fromWebChat.Succeeded, fromWebChat.FailureReason);
    }

    [Fact]
    public async Task Key_without_endorsements_is_accepted_for_any_channel()
    {
        using var unendorsed = new TestSigningKey("unendorsed-key");
        Bot.Site.Publish(unendorsed, endorsements: null);
        var token = unendorsed.CreateToken(Bot.ClaimsIssuedNow());

        Assert.True((await Bot.ValidateAsync(token, channelId: Teams)).Succeeded);
    }

    [Fact]
    public async Task Token_naming_no_signing_key_is_refused()
    {
        using var keyWithoutId = new TestSigningKey(keyId: null);
        var token = keyWithoutId.CreateToken(Bot.ClaimsIssuedNow());

        AssertRefused(await Bot.ValidateAsync(token), 401, token);
    }

    [Fact]
    public async Task Validator_without_an_app_id_refuses_every_token()
    {
        Bot.Options.MicrosoftAppId = "";
        var token = _channelKey.CreateToken(Bot.ClaimsIssuedNow() with { Audience = "" });

        Assert.True(Bot.Options.IsLocalMode);
        AssertRefused(await Bot.ValidateAsync(token), 401, token);
    }

    public void Dispose() => _channelKey.Dispose();
}
