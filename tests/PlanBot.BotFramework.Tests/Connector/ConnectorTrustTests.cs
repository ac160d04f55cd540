using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Connector;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class ConnectorTrustTests
{
    [Fact]
    public async Task A_service_url_that_is_not_trusted_is_refused_before_any_request_when_a_token_would_be_sent()
    {
        await using var trustedFake = await FakeConnector.StartAsync();
        await using var forgedFake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(trustedFake); // trusts only trustedFake's URL

        var error = await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            host.Client.SendToConversationAsync(forgedFake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None));

        Assert.Empty(forgedFake.Requests);
        Assert.Empty(trustedFake.Requests);
        Assert.StartsWith(forgedFake.ServiceUrl.TrimEnd('/'), error.ServiceUrl);
    }

    [Fact]
    public async Task A_service_url_trusted_at_runtime_after_a_validated_request_receives_the_token()
    {
        await using var trustedFake = await FakeConnector.StartAsync();
        await using var regionalFake = await FakeConnector.StartAsync();
        regionalFake.ExpectedToken = ConnectorTestHost.Token;
        using var host = new ConnectorTestHost(trustedFake);

        host.Get<TrustedServiceUrls>().Trust(regionalFake.ServiceUrl);
        await host.Client.SendToConversationAsync(regionalFake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None);

        Assert.Single(regionalFake.Delivered);
    }

    [Fact]
    public async Task Local_mode_without_a_token_sends_to_a_loopback_url_without_authorization()
    {
        await using var trustedFake = await FakeConnector.StartAsync();
        await using var playground = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(trustedFake, tokens: new FixedTokenProvider(null));

        await host.Client.SendToConversationAsync(playground.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None);

        var request = Assert.Single(playground.Delivered);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Local_mode_still_refuses_an_untrusted_url_off_this_machine()
    {
        await using var trustedFake = await FakeConnector.StartAsync();
        using var host = new ConnectorTestHost(trustedFake, tokens: new FixedTokenProvider(null));

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            host.Client.SendToConversationAsync("https://connector.example.net/", "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None));
    }

    [Fact]
    public void The_teams_endpoints_are_trusted_by_default()
    {
        var trusted = new TrustedServiceUrls(TrustedServiceUrls.TeamsDefaults);

        Assert.True(trusted.IsTrusted("https://smba.trafficmanager.net/amer/"));
        Assert.True(trusted.IsTrusted("https://smba.trafficmanager.net/teams/v3/conversations/a%3A1/activities"));
        Assert.True(trusted.IsTrusted("https://SMBA.trafficmanager.net/emea/"));
        Assert.True(trusted.IsTrusted("https://smba.infra.gcc.teams.microsoft.com/teams"));
        Assert.True(trusted.IsTrusted("https://smba.infra.gov.teams.microsoft.us/teams"));
        Assert.True(trusted.IsTrusted("https://smba.infra.dod.teams.microsoft.us/teams"));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/")]
    [InlineData("https://smba.trafficmanager.net@evil.example/amer/")]
    [InlineData("https://evil.example/https://smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net:8443/amer/")]
    [InlineData("not a url")]
    public void Look_alike_urls_are_not_trusted(string url)
    {
        var trusted = new TrustedServiceUrls(TrustedServiceUrls.TeamsDefaults);

        Assert.False(trusted.IsTrusted(url));
    }

    [Fact]
    public void A_trusted_prefix_with_a_path_ends_at_a_segment_boundary()
    {
        var trusted = new TrustedServiceUrls(["https://connector.example.net/amer"]);

        Assert.True(trusted.IsTrusted("https://connector.example.net/amer/v3/conversations"));
        Assert.False(trusted.IsTrusted("https://connector.example.net/amer-evil/v3/conversations"));
        Assert.False(trusted.IsTrusted("https://connector.example.net/"));
    }

    [Fact]
    public void Plain_http_urls_off_this_machine_are_never_learned()
    {
        var trusted = new TrustedServiceUrls([]);

        trusted.Trust("http://connector.example.net/");
        trusted.Trust("https://smba.trafficmanager.net/apac/");

        Assert.False(trusted.IsTrusted("http://connector.example.net/"));
        Assert.True(trusted.IsTrusted("https://smba.trafficmanager.net/apac/v3/conversations"));
        Assert.False(trusted.IsTrusted("https://smba.trafficmanager.net/amer/v3/conversations"));
    }

    [Fact]
    public void A_configured_list_replaces_the_teams_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PlanBot:Bot:TrustedServiceUrls:0"] = "https://smba.infra.gcc.teams.microsoft.com/" })
            .Build();

        var trusted = Connector(configuration).GetRequiredService<TrustedServiceUrls>();

        Assert.True(trusted.IsTrusted("https://smba.infra.gcc.teams.microsoft.com/teams"));
        Assert.False(trusted.IsTrusted("https://smba.trafficmanager.net/teams"));
    }

    [Fact]
    public void A_misconfigured_trusted_url_stops_the_app_from_starting()
    {
        Assert.Throws<ArgumentException>(() => new TrustedServiceUrls(["http://smba.trafficmanager.net/"]));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PlanBot:Bot:TrustedServiceUrls:0"] = "http://smba.trafficmanager.net/" })
            .Build();

        var error = Assert.Throws<OptionsValidationException>(() => Connector(configuration).GetRequiredService<TrustedServiceUrls>());

        Assert.Equal(["PlanBot:Bot:TrustedServiceUrls 'http://smba.trafficmanager.net/' must be an absolute https URL (http only for loopback)."], error.Failures);
    }

    private static ServiceProvider Connector(IConfiguration configuration) =>
        new ServiceCollection().AddLogging().AddBotConnector(configuration).BuildServiceProvider();
}
