using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

[Collection(LocalOpenIdServerCollection.Name)]
public sealed class AddBotAuthenticationTests(LocalOpenIdServer server)
{
    private static ServiceProvider BuildServices(IEnumerable<KeyValuePair<string, string?>> settings, TimeProvider? clock = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (clock is not null) services.AddSingleton(clock);
        services.AddBotAuthentication(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task Registered_validator_accepts_a_channel_token_using_the_registered_clock()
    {
        var site = server.CreateSite();
        using var channelKey = new TestSigningKey("channel-key-1");
        site.Publish(channelKey, "msteams");
        var clock = new FakeTimeProvider(ChannelAuthenticationHarness.Start);
        using var services = BuildServices(
        [
            new("MicrosoftAppType", "MultiTenant"),
            new("MicrosoftAppId", ChannelTokenClaims.BotAppId),
            new("MicrosoftAppPassword", "not-a-real-secret"),
            new("ToBotFromChannelOpenIdMetadataUrl", site.MetadataUrl),
        ], clock);

        var validator = services.GetRequiredService<IBotTokenValidator>();
        var token = channelKey.CreateToken(new ChannelTokenClaims(clock.GetUtcNow()));
        var result = await validator.ValidateAsync("Bearer " + token, "msteams", ChannelTokenClaims.TeamsServiceUrl, CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Same(clock, services.GetRequiredService<TimeProvider>());
        Assert.Same(services.GetRequiredService<OpenIdSigningKeys>(), services.GetRequiredService<OpenIdSigningKeys>());
        Assert.Equal(ChannelTokenClaims.BotAppId, services.GetRequiredService<BotAuthenticationOptions>().MicrosoftAppId);
    }

    [Fact]
    public void System_clock_is_registered_when_none_is()
    {
        using var services = BuildServices([]);

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.True(services.GetRequiredService<BotAuthenticationOptions>().IsLocalMode);
    }

    [Fact]
    public void Incomplete_settings_stop_the_options_from_resolving()
    {
        using var services = BuildServices([new("MicrosoftAppType", "SingleTenant"), new("MicrosoftAppId", "id"), new("MicrosoftAppPassword", "Sup3r~Secret")]);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<BotAuthenticationOptions>());
        Assert.Contains("MicrosoftAppTenantId", error.Message);
        Assert.DoesNotContain("Sup3r~Secret", error.Message);
    }
}
