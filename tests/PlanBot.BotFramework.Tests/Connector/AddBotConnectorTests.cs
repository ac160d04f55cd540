using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Connector;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class AddBotConnectorTests
{
    [Fact]
    public async Task The_connector_is_wired_from_configuration_with_teams_limits_by_default()
    {
        using var services = Build(new() { ["MicrosoftAppId"] = "" });

        Assert.NotNull(services.GetRequiredService<ConnectorClient>());
        Assert.Null(await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(CancellationToken.None));
        Assert.True(services.GetRequiredService<TrustedServiceUrls>().IsTrusted("https://smba.trafficmanager.net/amer/"));
        var options = services.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxDelay);
        Assert.Equal([6, 7, 55, 1700], options.EffectiveConversationLimits.Select(limit => limit.PermitLimit));
        Assert.Equal(40, options.EffectiveGlobalLimit.PermitLimit);
    }

    [Fact]
    public void Connector_settings_are_read_from_their_section()
    {
        using var services = Build(new()
        {
            ["PlanBot:Bot:Connector:MaxAttempts"] = "3",
            ["PlanBot:Bot:Connector:BaseDelay"] = "00:00:02",
            ["PlanBot:Bot:Connector:MaxDelay"] = "00:00:30",
            ["PlanBot:Bot:Connector:ConversationLimits:0:PermitLimit"] = "5",
            ["PlanBot:Bot:Connector:ConversationLimits:0:Window"] = "00:00:01",
        });

        var options = services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        Assert.Equal(5, Assert.Single(options.EffectiveConversationLimits).PermitLimit);
    }

    [Fact]
    public void Impossible_connector_settings_are_refused()
    {
        using var services = Build(new() { ["PlanBot:Bot:Connector:MaxAttempts"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains("MaxAttempts", error.Message);
    }

    [Fact]
    public async Task Registering_twice_does_not_stack_the_handlers()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.RefuseFirst(100, 503);
        var configuration = Configuration(new()
        {
            ["PlanBot:Bot:TrustedServiceUrls:0"] = fake.ServiceUrl,
            ["PlanBot:Bot:Connector:MaxAttempts"] = "2",
            ["PlanBot:Bot:Connector:BaseDelay"] = "00:00:00.010",
        });
        var collection = new ServiceCollection().AddLogging();
        collection.AddBotConnector(configuration).AddBotConnector(configuration);
        using var services = collection.BuildServiceProvider();

        await Assert.ThrowsAsync<ConnectorException>(() => services.GetRequiredService<ConnectorClient>()
            .SendToConversationAsync(fake.ServiceUrl, "a:1", ConnectorWireFormatTests.CardMessage("hello"), CancellationToken.None));

        Assert.Equal(2, fake.Requests.Count); // one retry pipeline, not two nested ones (which would make four calls)
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddBotConnector(Configuration(values));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
