using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PlanBot.Storage.Tests;

/// <summary>The two ways to reach Table storage: a connection string (Azurite, account key) or a service URI with a managed identity.</summary>
public sealed class TableStorageOptionsTests
{
    [Theory]
    [InlineData("https://planbot.table.core.windows.net/", "")]
    [InlineData("https://planbot.table.core.windows.net/", "3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1", "")]
    [InlineData(TableStorageOptions.DevelopmentStorage, "")]
    public void A_service_uri_or_a_connection_string_is_usable(string connection, string clientId)
    {
        var options = new TableStorageOptions { ConnectionString = connection, ManagedIdentityClientId = clientId };

        Assert.Empty(options.Problems());
    }

    [Fact]
    public void A_service_uri_without_https_off_this_machine_is_refused_so_no_token_travels_in_clear()
    {
        var options = new TableStorageOptions { ConnectionString = "http://planbot.table.core.windows.net/" };

        Assert.Contains(options.Problems(), p => p.Contains("without https", StringComparison.Ordinal));
    }

    [Fact]
    public void A_managed_identity_client_id_must_be_a_guid()
    {
        var options = new TableStorageOptions { ConnectionString = "https://planbot.table.core.windows.net/", ManagedIdentityClientId = "planbot-identity" };

        Assert.Contains(options.Problems(), p => p.Contains("ManagedIdentityClientId", StringComparison.Ordinal));
    }

    [Fact]
    public void A_service_uri_makes_a_token_client_for_that_account()
    {
        var options = new TableStorageOptions
        {
            ConnectionString = "https://planbot.table.core.windows.net/",
            ManagedIdentityClientId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        };

        var service = options.CreateServiceClient();

        Assert.Equal("planbot", service.AccountName);
        Assert.Equal(new Uri("https://planbot.table.core.windows.net/"), service.Uri);
    }

    [Fact]
    public void The_settings_are_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = "https://planbot.table.core.windows.net/",
            ["PlanBot:Storage:ManagedIdentityClientId"] = " 3f2504e0-4f89-41d3-9a0c-0305e82c3301 ",
        }).Build();

        using var provider = new ServiceCollection().AddPlanBotTableStorage(configuration).BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<TableStorageOptions>>().Value;

        Assert.Equal("3f2504e0-4f89-41d3-9a0c-0305e82c3301", options.ManagedIdentityClientId);
        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Unusable_settings_stop_the_options_with_every_problem_naming_its_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PlanBot:Storage:TablePrefix"] = "plan-bot",
            ["PlanBot:Storage:MaxConcurrentBatches"] = "lots",
        }).Build();
        using var provider = new ServiceCollection().AddPlanBotTableStorage(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TableStorageOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("PlanBot:Storage:TablePrefix 'plan-bot' must be empty or", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f == "PlanBot:Storage:MaxConcurrentBatches must be a whole number from 1 to 32.");
    }
}
