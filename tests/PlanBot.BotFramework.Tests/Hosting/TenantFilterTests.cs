using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;
using PlanBot.BotFramework.Tests.Authentication;

namespace PlanBot.BotFramework.Tests.Hosting;

/// <summary>The tenant and channel check the adapter makes before any handler runs.</summary>
public sealed class TenantFilterTests
{
    private const string OurTenant = "11111111-aaaa-4aaa-8aaa-111111111111";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<TenantFilter> _log = new();

    private TenantFilter Filter(string appId = "bot-app-id", string tenantId = OurTenant, params string[] allowed) =>
        new(new BotAuthenticationOptions { MicrosoftAppId = appId, MicrosoftAppTenantId = tenantId }, new BotAdapterOptions { AllowedTenants = [.. allowed] }, _clock, _log);

    private static Activity From(string? conversationTenant, string? channelDataTenant = null, string channel = Channels.MsTeams) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = channel,
        From = new ChannelAccount { Id = "29:1", AadObjectId = "aad-1" },
        Conversation = new ConversationAccount { Id = "a:1", TenantId = conversationTenant },
        ChannelData = channelDataTenant is null ? null : new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = channelDataTenant } },
    };

    [Fact]
    public void By_default_only_the_bots_own_tenant_is_served()
    {
        var filter = Filter();

        Assert.True(filter.Allows(From(OurTenant, OurTenant)));
        Assert.True(filter.Allows(From(OurTenant.ToUpperInvariant())));
        Assert.True(filter.Allows(From(null, OurTenant)));
        Assert.False(filter.Allows(From("22222222-bbbb-4bbb-8bbb-222222222222")));
        Assert.Equal([OurTenant], filter.AllowedTenants);
    }

    [Fact]
    public void A_configured_list_replaces_the_bots_own_tenant()
    {
        var filter = Filter(allowed: ["tenant-a", " tenant-b "]);

        Assert.True(filter.Allows(From("tenant-a")));
        Assert.True(filter.Allows(From("tenant-b")));
        Assert.False(filter.Allows(From(OurTenant)));
    }

    [Fact]
    public void An_activity_naming_no_tenant_or_two_different_tenants_is_refused()
    {
        var filter = Filter();

        Assert.False(filter.Allows(From(null)));
        Assert.False(filter.Allows(From("", "")));
        Assert.False(filter.Allows(From(OurTenant, "22222222-bbbb-4bbb-8bbb-222222222222")));
        Assert.False(filter.Allows(From("22222222-bbbb-4bbb-8bbb-222222222222", OurTenant)));
    }

    [Fact]
    public void Channels_other_than_Teams_are_refused_except_in_local_mode()
    {
        Assert.False(Filter().Allows(From(OurTenant, channel: "webchat")));
        Assert.False(Filter().Allows(From(OurTenant, channel: "directline")));
        Assert.True(Filter(appId: "", tenantId: "").Allows(From(null, channel: "emulator")));
    }

    [Fact]
    public void Local_mode_without_a_list_serves_any_tenant_and_with_a_list_only_those()
    {
        Assert.True(Filter(appId: "", tenantId: "").Allows(From("whatever")));
        Assert.False(Filter(appId: "", tenantId: "", allowed: ["tenant-a"]).Allows(From("whatever")));
    }

    [Fact]
    public void A_refused_tenant_is_logged_once_an_hour_however_often_it_knocks()
    {
        var filter = Filter();

        for (var i = 0; i < 50; i++) filter.Allows(From("foreign-tenant"));
        filter.Allows(From("another-foreign-tenant"));
        _clock.Advance(TimeSpan.FromMinutes(59));
        filter.Allows(From("foreign-tenant"));
        _clock.Advance(TimeSpan.FromMinutes(2));
        filter.Allows(From("foreign-tenant"));

        var warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count(m => m.Contains("tenant foreign-tenant ")));
        Assert.Single(warnings, m => m.Contains("another-foreign-tenant"));
    }
}
