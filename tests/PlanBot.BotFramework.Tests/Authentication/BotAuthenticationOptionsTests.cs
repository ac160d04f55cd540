using Microsoft.Extensions.Configuration;
using PlanBot.BotFramework.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

public sealed class BotAuthenticationOptionsTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    [Fact]
    public void Settings_are_read_by_their_Bot_Framework_names_from_the_root_of_configuration()
    {
        var options = BotIdentity.Read(Configuration(
            ("MicrosoftAppType", "SingleTenant"),
            ("MicrosoftAppId", "app-id"),
            ("MicrosoftAppPassword", "secret"),
            ("MicrosoftAppTenantId", "tenant-id"),
            ("ToBotFromChannelOpenIdMetadataUrl", "https://login.botframework.azure.us/v1/.well-known/openidconfiguration"),
            ("ToBotFromChannelTokenIssuer", "https://api.botframework.us"),
            ("ToChannelFromBotOAuthScope", "https://api.botframework.us")));

        Assert.Equal(BotAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal("app-id", options.MicrosoftAppId);
        Assert.Equal("secret", options.MicrosoftAppPassword);
        Assert.Equal("tenant-id", options.MicrosoftAppTenantId);
        Assert.Equal("https://login.botframework.azure.us/v1/.well-known/openidconfiguration", options.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.us", options.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://api.botframework.us", options.ToChannelFromBotOAuthScope);
        Assert.Equal("https://login.microsoftonline.com/tenant-id", options.ToChannelFromBotLoginUrl);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Empty_configuration_means_local_mode_against_the_public_cloud()
    {
        var options = BotIdentity.Read(Configuration(("MicrosoftAppId", ""), ("MicrosoftAppType", "")));

        Assert.True(options.IsLocalMode);
        Assert.Equal(BotAppType.MultiTenant, options.MicrosoftAppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", options.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.ToChannelFromBotLoginUrl);
        Assert.Equal("https://api.botframework.com", options.ToChannelFromBotOAuthScope);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Configured_login_url_wins_over_the_default()
    {
        var options = BotIdentity.Read(Configuration(
            ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppTenantId", "t"),
            ("ToChannelFromBotLoginUrl", "https://login.microsoftonline.us/t")));

        Assert.Equal("https://login.microsoftonline.us/t", options.ToChannelFromBotLoginUrl);
    }

    [Theory]
    [InlineData("UserAssignedMSI", BotAppType.UserAssignedMsi)]
    [InlineData("multitenant", BotAppType.MultiTenant)]
    [InlineData("SingleTenant", BotAppType.SingleTenant)]
    public void App_type_is_read_ignoring_case(string configured, BotAppType expected)
    {
        Assert.Equal(expected, BotIdentity.Read(Configuration(("MicrosoftAppType", configured))).MicrosoftAppType);
    }

    [Theory]
    [InlineData("SingleTenant", "id", "secret", "", "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "id", "", "tenant", "MicrosoftAppPassword")]
    [InlineData("MultiTenant", "id", "", "", "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "id", "", "", "MicrosoftAppTenantId")]
    [InlineData("Certificate", "id", "secret", "tenant", "MicrosoftAppType 'Certificate'")]
    [InlineData("1", "id", "secret", "tenant", "MicrosoftAppType '1'")]
    [InlineData("MultiTenant", "", "secret", "", "MicrosoftAppId is empty")]
    public void Incomplete_settings_are_reported(string appType, string appId, string password, string tenantId, string expectedProblem)
    {
        var options = BotIdentity.Read(Configuration(
            ("MicrosoftAppType", appType), ("MicrosoftAppId", appId), ("MicrosoftAppPassword", password), ("MicrosoftAppTenantId", tenantId)));

        var problem = Assert.Single(options.Validate());
        Assert.Contains(expectedProblem, problem);
    }

    [Fact]
    public void User_assigned_managed_identity_needs_no_password()
    {
        var options = BotIdentity.Read(Configuration(
            ("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", "msi-client-id"), ("MicrosoftAppTenantId", "tenant")));

        Assert.Empty(options.Validate());
        Assert.Equal("https://login.microsoftonline.com/tenant", options.ToChannelFromBotLoginUrl);
    }

    [Fact]
    public void Signing_keys_over_plain_http_are_refused_except_on_loopback()
    {
        var remote = BotIdentity.Read(Configuration(
            ("MicrosoftAppId", "id"), ("MicrosoftAppPassword", "secret"),
            ("ToBotFromChannelOpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration")));
        var loopback = BotIdentity.Read(Configuration(
            ("MicrosoftAppId", "id"), ("MicrosoftAppPassword", "secret"),
            ("ToBotFromChannelOpenIdMetadataUrl", "http://127.0.0.1:5000/v1/.well-known/openidconfiguration")));

        Assert.Contains("ToBotFromChannelOpenIdMetadataUrl must use https", Assert.Single(remote.Validate()));
        Assert.Empty(loopback.Validate());
    }

    [Fact]
    public void Password_never_appears_in_text_or_problems()
    {
        const string password = "Sup3r~Secret.Value";
        var options = BotIdentity.Read(Configuration(
            ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppId", "id"), ("MicrosoftAppPassword", password)));

        Assert.DoesNotContain(password, options.ToString());
        Assert.Contains("MicrosoftAppPassword=(set)", options.ToString());
        Assert.All(options.Validate(), problem => Assert.DoesNotContain(password, problem));
    }
}
