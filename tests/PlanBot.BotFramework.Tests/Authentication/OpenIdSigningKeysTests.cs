using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using PlanBot.BotFramework.Authentication;
using static PlanBot.BotFramework.Tests.Authentication.ChannelAuthenticationHarness;

namespace PlanBot.BotFramework.Tests.Authentication;

[Collection(LocalOpenIdServerCollection.Name)]
public sealed class OpenIdSigningKeysTests(LocalOpenIdServer server) : IDisposable
{
    private readonly TestSigningKey _channelKey = new("channel-key-1");

    private ChannelAuthenticationHarness CreateBot(string? metadataUrl = null)
    {
        var bot = new ChannelAuthenticationHarness(server, metadataUrl);
        bot.Site.Publish(_channelKey, "msteams");
        return bot;
    }

    [Fact]
    public async Task Signing_keys_are_fetched_once_and_reused()
    {
        var bot = CreateBot();

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()))).Succeeded);
            bot.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(1, bot.Site.MetadataRequestCount);
        Assert.Equal(1, bot.Site.KeysRequestCount);
    }

    [Fact]
    public async Task Signing_keys_are_fetched_again_after_a_day()
    {
        var bot = CreateBot();
        await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()));

        bot.Clock.Advance(OpenIdSigningKeys.RefreshInterval);
        var result = await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, bot.Site.MetadataRequestCount);
    }

    [Fact]
    public async Task Concurrent_first_requests_share_one_fetch()
    {
        var bot = CreateBot();
        var token = _channelKey.CreateToken(bot.ClaimsIssuedNow());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => bot.ValidateAsync(token))));

        Assert.All(results, result => Assert.True(result.Succeeded, result.FailureReason));
        Assert.Equal(1, bot.Site.MetadataRequestCount);
    }

    [Fact]
    public async Task Unknown_key_id_is_refused_after_at_most_one_refresh_per_five_minutes()
    {
        var bot = CreateBot();
        using var unpublished = new TestSigningKey("never-published");
        await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()));

        // Just after loading the keys, an unknown key id does not fetch them again.
        var straightAfterLoading = await bot.ValidateAsync(unpublished.CreateToken(bot.ClaimsIssuedNow()));
        AssertRefused(straightAfterLoading, 401);
        Assert.Equal(1, bot.Site.MetadataRequestCount);

        bot.Clock.Advance(OpenIdSigningKeys.UnknownKeyRefreshInterval);
        var refusedAfterRefresh = await bot.ValidateAsync(unpublished.CreateToken(bot.ClaimsIssuedNow()));
        AssertRefused(refusedAfterRefresh, 401);
        Assert.Equal(2, bot.Site.MetadataRequestCount);
        Assert.Contains("does not publish", refusedAfterRefresh.FailureReason);

        for (var i = 0; i < 10; i++)
        {
            bot.Clock.Advance(TimeSpan.FromSeconds(20));
            AssertRefused(await bot.ValidateAsync(unpublished.CreateToken(bot.ClaimsIssuedNow())), 401);
        }
        Assert.Equal(2, bot.Site.MetadataRequestCount);

        bot.Clock.Advance(OpenIdSigningKeys.UnknownKeyRefreshInterval);
        AssertRefused(await bot.ValidateAsync(unpublished.CreateToken(bot.ClaimsIssuedNow())), 401);
        Assert.Equal(3, bot.Site.MetadataRequestCount);
    }

    [Fact]
    public async Task Key_published_after_the_keys_were_cached_is_picked_up()
    {
        var bot = CreateBot();
        await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()));
        using var rotated = new TestSigningKey("channel-key-2");
        bot.Site.Publish(rotated, "msteams");
        bot.Clock.Advance(TimeSpan.FromHours(3));

        var result = await bot.ValidateAsync(rotated.CreateToken(bot.ClaimsIssuedNow()));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, bot.Site.MetadataRequestCount);
        // The old key is still published and still known.
        Assert.True((await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()))).Succeeded);
        Assert.Equal(2, bot.Site.MetadataRequestCount);
    }

    [Fact]
    public async Task Metadata_endpoint_that_answers_with_an_error_refuses_tokens_instead_of_throwing()
    {
        var bot = CreateBot();
        bot.Site.IsDown = true;
        var token = _channelKey.CreateToken(bot.ClaimsIssuedNow());

        var result = await bot.ValidateAsync(token);

        AssertRefused(result, 401, token);
        Assert.Contains("could not be loaded", result.FailureReason);
        var warning = Assert.Single(bot.Log.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains(bot.Site.MetadataUrl, warning.Message);
        Assert.IsType<HttpRequestException>(warning.Error);
        Assert.DoesNotContain(bot.Log.Entries, entry => entry.Message.Contains(token) || entry.Message.Contains(bot.Options.MicrosoftAppPassword));
    }

    [Fact]
    public async Task Metadata_endpoint_that_cannot_be_reached_refuses_tokens_instead_of_throwing()
    {
        var bot = CreateBot(metadataUrl: $"http://127.0.0.1:{UnusedLoopbackPort()}/v1/.well-known/openidconfiguration");
        var token = _channelKey.CreateToken(bot.ClaimsIssuedNow());

        var result = await bot.ValidateAsync(token);

        AssertRefused(result, 401, token);
        Assert.Contains(bot.Log.Entries, entry => entry.Level == LogLevel.Warning && entry.Error is HttpRequestException);
    }

    [Fact]
    public async Task Metadata_url_on_plain_http_beyond_loopback_is_not_fetched()
    {
        var bot = CreateBot(metadataUrl: "http://login.botframework.invalid/v1/.well-known/openidconfiguration");

        var result = await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()));

        AssertRefused(result, 401);
        Assert.Contains(bot.Log.Entries, entry => entry.Level == LogLevel.Warning && entry.Error is InvalidDataException);
    }

    [Fact]
    public async Task Failed_fetch_is_retried_after_a_pause_not_on_every_request()
    {
        var bot = CreateBot();
        bot.Site.IsDown = true;
        AssertRefused(await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow())), 401);
        AssertRefused(await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow())), 401);
        Assert.Equal(1, bot.Site.MetadataRequestCount);

        bot.Site.IsDown = false;
        bot.Clock.Advance(OpenIdSigningKeys.RetryAfterFailure);
        var result = await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, bot.Site.MetadataRequestCount);
    }

    [Fact]
    public async Task Previous_keys_stay_in_use_when_a_refresh_fails()
    {
        var bot = CreateBot();
        await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()));
        bot.Site.IsDown = true;
        bot.Clock.Advance(OpenIdSigningKeys.RefreshInterval + TimeSpan.FromHours(1));

        var result = await bot.ValidateAsync(_channelKey.CreateToken(bot.ClaimsIssuedNow()));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, bot.Site.MetadataRequestCount);
        Assert.Contains(bot.Log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("previous keys stay in use"));
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _channelKey.Dispose();
}
