using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using PlanBot.Testing;
using PlanBot.Testing.Bot;

namespace PlanBot.Web.Tests;

/// <summary>
/// /api/messages with a MicrosoftAppId: every activity needs a channel token, checked against signing keys the test
/// generated and serves from a local OpenID metadata endpoint. Replies go to a local fake connector, with the bot's
/// own token, at the service URL the validated token vouched for.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MessagesSecurityTests(AzuriteFixture azurite, LocalOpenIdServer openId) : IClassFixture<LocalOpenIdServer>
{
    private const string OutboundToken = "outbound-token-for-the-fake-connector";

    private sealed record Channel(ChannelKeySite Site, TestSigningKey Key, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Host) : IAsyncDisposable
    {
        public ChannelTokenClaims Claims(string serviceUrl) => new(DateTimeOffset.UtcNow) { ServiceUrl = serviceUrl };

        public async ValueTask DisposeAsync()
        {
            Key.Dispose();
            await Host.DisposeAsync();
        }
    }

    private Channel StartChannel(TimeProvider? time = null)
    {
        var site = openId.CreateSite();
        var key = new TestSigningKey("key-1");
        site.Publish(key, "msteams");
        var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = ChannelTokenClaims.BotAppId,
            ["MicrosoftAppTenantId"] = "tenant-1",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = site.MetadataUrl,
        }, new FixedBotToken(OutboundToken), environment: "Production", time: time);
        return new Channel(site, key, host);
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_reply_posted_to_the_connector_with_the_bots_token()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.ExpectedToken = OutboundToken;
        await using var channel = StartChannel();
        var message = BotHost.Message("help", connector.ServiceUrl, expectReplies: false);
        var token = channel.Key.CreateToken(channel.Claims(connector.ServiceUrl));

        var response = await BotHost.PostAsync(channel.Host.CreateClient(), message, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(connector.Delivered);
        Assert.Equal(RouteKind.ReplyToActivity, reply.Route);
        Assert.Equal("a:1personal-sue", reply.ConversationId);
        Assert.Equal(message["id"]!.GetValue<string>(), reply.ActivityId);
        Assert.Equal("Here is what I can do.", reply.Text);
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    public static TheoryData<string, Func<ChannelTokenClaims, ChannelTokenClaims>> RefusedClaims => new()
    {
        { "wrong audience", c => c with { Audience = "another-bot" } },
        { "wrong issuer", c => c with { Issuer = "https://sts.windows.net/evil/" } },
        { "expired", c => c with { IssuedAt = DateTimeOffset.UtcNow.AddHours(-3), Lifetime = TimeSpan.FromHours(1) } },
        { "serviceUrl mismatch", c => c with { ServiceUrl = "https://smba.trafficmanager.net/somewhere-else/" } },
    };

    [Theory]
    [MemberData(nameof(RefusedClaims))]
    public async Task A_token_with_bad_claims_is_refused_with_401_and_nothing_is_sent(string why, Func<ChannelTokenClaims, ChannelTokenClaims> spoil)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var channel = StartChannel();
        var token = channel.Key.CreateToken(spoil(channel.Claims(connector.ServiceUrl)));

        var response = await BotHost.PostAsync(channel.Host.CreateClient(), BotHost.Message("help", connector.ServiceUrl, expectReplies: false), token);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task No_token_is_refused_with_401()
    {
        await using var channel = StartChannel();

        var response = await BotHost.PostAsync(channel.Host.CreateClient(), BotHost.Message("help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_an_unpublished_key_under_a_published_key_id_is_refused()
    {
        await using var channel = StartChannel();
        using var impostor = new TestSigningKey("key-1");
        var token = impostor.CreateToken(channel.Claims(ChannelTokenClaims.TeamsServiceUrl));

        var response = await BotHost.PostAsync(channel.Host.CreateClient(), BotHost.Message("help"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_naming_an_unknown_key_is_refused_after_one_refresh_of_the_keys()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var channel = StartChannel(clock);
        var client = channel.Host.CreateClient();
        var good = channel.Key.CreateToken(channel.Claims(ChannelTokenClaims.TeamsServiceUrl));
        Assert.Equal(HttpStatusCode.OK, (await BotHost.PostAsync(client, BotHost.Message("help"), good)).StatusCode);
        var fetchesBefore = channel.Site.KeysRequestCount;
        using var unknown = new TestSigningKey("key-nobody-published");
        var token = unknown.CreateToken(channel.Claims(ChannelTokenClaims.TeamsServiceUrl));
        clock.Advance(TimeSpan.FromMinutes(6)); // the keys may be fetched again for an unknown key id once five minutes have passed

        var first = await BotHost.PostAsync(client, BotHost.Message("help"), token);
        var second = await BotHost.PostAsync(client, BotHost.Message("help"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(fetchesBefore + 1, channel.Site.KeysRequestCount);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_Teams_is_forbidden()
    {
        var site = openId.CreateSite();
        using var key = new TestSigningKey("key-webchat");
        site.Publish(key, "webchat");
        await using var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = ChannelTokenClaims.BotAppId,
            ["MicrosoftAppTenantId"] = "tenant-1",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = site.MetadataUrl,
        }, new FixedBotToken(OutboundToken));
        var token = key.CreateToken(new ChannelTokenClaims(DateTimeOffset.UtcNow));

        var response = await BotHost.PostAsync(host.CreateClient(), BotHost.Message("help"), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_with_expect_replies_returns_the_replies_in_the_body()
    {
        await using var channel = StartChannel();
        var token = channel.Key.CreateToken(channel.Claims(ChannelTokenClaims.TeamsServiceUrl) with { Algorithm = SecurityAlgorithms.RsaSha256 });

        var response = await BotHost.PostAsync(channel.Host.CreateClient(), BotHost.Message("help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await BotHost.RepliesAsync(response));
    }
}
