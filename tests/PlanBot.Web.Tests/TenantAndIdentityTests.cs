using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Conversations;
using PlanBot.BotFramework.Hosting;
using PlanBot.Core.Digests;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using PlanBot.Web.Bot;

namespace PlanBot.Web.Tests;

/// <summary>
/// The attacks of issue 16, through the real host with a valid channel token on every request (signed by a key the
/// test publishes on a local OpenID endpoint): another tenant's traffic, a same-name impostor inside the tenant, and one
/// user's burst of messages. The bot serves tenant-1 (MicrosoftAppTenantId) only.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TenantAndIdentityTests(AzuriteFixture azurite, LocalOpenIdServer openId) : IClassFixture<LocalOpenIdServer>, IAsyncLifetime
{
    private const string OutboundToken = "outbound-token-for-the-fake-connector";
    private const string ImpostorId = "66666666-6666-6666-6666-666666666666";
    private const string AdminId = "77777777-7777-7777-7777-777777777777";
    private const string AnnId = "88888888-8888-8888-8888-888888888888";
    private static readonly MilestoneRef One = MilestoneRef.Parse("1");

    private readonly TestSigningKey _key = new("key-1");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow); // still, so no allowance refills mid-test
    private FakeConnector _connector = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _connector.ExpectedToken = OutboundToken;
        var site = openId.CreateSite();
        site.Publish(_key, "msteams");
        _host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = ChannelTokenClaims.BotAppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppTenantId"] = "tenant-1",
            ["ToBotFromChannelOpenIdMetadataUrl"] = site.MetadataUrl,
            ["PlanBot:Graph:Enabled"] = "false", // the people file is all there is: no directory to complete Louise from
        }, new FixedBotToken(OutboundToken), environment: "Production", time: _clock);
        _client = _host.CreateClient();
        // #1 is Louise Mitchell's; the people file lists her, a PMO admin, without an object id.
        var plan = TestPlans.Small("odkm", milestones: 3);
        plan = plan with { Milestones = [plan.Milestones[0] with { Owners = [TestPlans.Delivery("Louise Mitchell")] }, plan.Milestones[1], plan.Milestones[2]] };
        await BotHost.ImportAsync(_host, plan);
        await _host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync(
        [
            new Person("Louise Mitchell", "louise.mitchell@nhs.net", null, [PersonRoles.PmoAdmin]),
            new Person("Pat Admin", "pat.admin@nhs.net", AdminId, [PersonRoles.PmoAdmin]),
            new Person("Ann Lee", "ann.lee@nhs.net", AnnId, [PersonRoles.Chair]),
        ], "test", null);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        _key.Dispose();
    }

    [Theory]
    [InlineData("what's overdue in finance?")]
    [InlineData("plans")]
    public async Task Another_tenants_message_is_refused_with_403_and_nothing_is_answered_or_stored(string text)
    {
        var message = Message(text, "foreign-user", "Sue Graham", tenant: "tenant-2");
        message["serviceUrl"] = _connector.ServiceUrl; // where its replies would go, were it answered

        var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("activities", await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Requests);
        Assert.Null(await _host.Services.GetRequiredService<IConversationReferenceStore>().FindPersonalAsync("tenant-2", "foreign-user", CancellationToken.None));
        Assert.False(_host.Services.GetRequiredService<TrustedServiceUrls>().IsTrusted(_connector.ServiceUrl)); // our token never goes there
    }

    [Fact]
    public async Task Another_tenants_card_update_is_refused_with_403_and_nothing_is_stored()
    {
        var invoke = CardAction(UpdateVerb, new JsonObject { ["planId"] = "odkm", ["ref"] = "1", ["revision"] = "", ["status"] = "Complete" },
            "foreign-user", "Louise Mitchell", tenant: "tenant-2");

        var response = await PostAsync(invoke);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertMilestoneUntouchedAsync();
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_message_whose_channel_data_names_another_tenant_than_its_conversation_is_refused()
    {
        var message = Message("plans", AnnId, "Ann Lee");
        message["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-2" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(message)).StatusCode);
    }

    [Fact]
    public async Task A_same_name_impostor_cannot_update_the_owners_milestone_and_the_refusal_names_nobody()
    {
        var invoke = CardAction(UpdateVerb, new JsonObject { ["planId"] = "odkm", ["ref"] = "1", ["revision"] = "", ["status"] = "Complete" },
            ImpostorId, "Louise Mitchell");

        var response = await PostAsync(invoke);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was saved. ", body);
        Assert.DoesNotContain("Louise", body);
        Assert.DoesNotContain("Pat Admin", body);
        await AssertMilestoneUntouchedAsync();
        var typed = await ReplyTextAsync("#1 complete", ImpostorId, "Louise Mitchell");
        Assert.StartsWith("Your Microsoft Entra account is not one of #1's owners", typed);
    }

    [Fact]
    public async Task A_same_name_impostor_cannot_snooze_the_owners_reminder()
    {
        var onCard = await PostAsync(CardAction(SnoozeVerb, new JsonObject { ["planId"] = "odkm", ["ref"] = "1", ["snoozeUntil"] = "27/1/2020" },
            ImpostorId, "Louise Mitchell"));
        var inChat = await ReplyTextAsync("remind me Monday about #1", ImpostorId, "Louise Mitchell");

        Assert.Contains("Nothing was snoozed.", await onCard.Content.ReadAsStringAsync());
        Assert.StartsWith("Only the owners of #1, their delegates or the PMO can snooze its reminders. Nothing was snoozed.", inChat);
        var states = await _host.Services.GetRequiredService<IReminderLedger>().GetStatesAsync("odkm");
        Assert.False(states.TryGetValue(One, out var state) && state.SnoozedUntil is not null);
    }

    [Fact]
    public async Task A_same_name_impostor_of_a_PMO_admin_cannot_subscribe_a_role_or_have_the_board_pack()
    {
        var digest = await ReplyTextAsync("send the weekly digest to chairs", ImpostorId, "Louise Mitchell");
        var boardPack = await RepliesAsync("board pack", ImpostorId, "Louise Mitchell");

        Assert.StartsWith("Only PMO admins can send the digest to everyone with the role Chair.", digest);
        Assert.Empty(await _host.Services.GetRequiredService<IDigestSubscriptionStore>().ListAsync("odkm"));
        var refusal = Assert.Single(boardPack)!;
        Assert.StartsWith("Only PMO admins can ask for the board pack.", (string?)refusal["text"]);
        Assert.Null(refusal["attachments"]);
        Assert.DoesNotContain("Louise", digest + (string?)refusal["text"]);
        Assert.DoesNotContain("Pat Admin", digest + (string?)refusal["text"]);
    }

    [Fact]
    public async Task A_PMO_admin_is_told_which_owner_has_no_object_id_and_what_to_do()
    {
        var replies = await RepliesAsync("update #1", AdminId, "Pat Admin");

        var card = BotHost.Card(Assert.Single(replies)).ToJsonString();
        Assert.Contains("Louise Mitchell has no Entra object id: add it, or turn on Graph lookup.", card);
    }

    [Fact]
    public async Task A_burst_of_50_messages_from_one_user_is_answered_politely_without_starving_another_users_answer()
    {
        var expected = await ReplyTextAsync("what's overdue?", AnnId, "Ann Lee");

        var burst = Enumerable.Range(0, 50).Select(_ => RepliesAsync("what's overdue?", ImpostorId, "Louise Mitchell")).ToList();
        var other = RepliesAsync("what's overdue?", AdminId, "Pat Admin");
        var answers = await Task.WhenAll(burst);
        var otherAnswer = Assert.Single(await other)!;

        var texts = answers.Select(a => (string?)Assert.Single(a)!["text"]).ToList();
        var options = _host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotAdapterOptions>>().Value.RateLimit;
        Assert.Equal(options.Burst, texts.Count(t => t == expected));
        Assert.Equal(50 - options.Burst, texts.Count(t => t == InboundRateLimiter.SlowDown));
        Assert.Equal(expected, (string?)otherAnswer["text"]);
    }

    [Fact]
    public async Task Digests_and_board_packs_share_a_tighter_allowance_than_questions()
    {
        var answers = new List<string>();
        for (var i = 0; i < 3; i++) answers.Add((string)(await RepliesAsync("digest now", AdminId, "Pat Admin"))[0]!["text"]!);
        var boardPack = await ReplyTextAsync("board pack", AdminId, "Pat Admin");
        var question = await ReplyTextAsync("what's overdue?", AdminId, "Pat Admin");

        Assert.All(answers, a => Assert.StartsWith("Weekly digest for ODKM", a));
        Assert.Equal(HeavyWorkLimiter.WaitAMinute, boardPack);
        Assert.NotEqual(HeavyWorkLimiter.WaitAMinute, question);
        Assert.Empty(_connector.Requests); // no file offer was made
    }

    [Fact]
    public async Task A_board_pack_offer_accepted_after_an_hour_has_expired_and_nothing_is_uploaded()
    {
        var offer = Assert.Single(await RepliesAsync("board pack", AdminId, "Pat Admin"))!;
        var context = offer["attachments"]![0]!["content"]!["acceptContext"]!;
        _clock.Advance(TimeSpan.FromMinutes(61));
        var accept = BotHost.Activity("invoke", _connector.ServiceUrl);
        accept["name"] = "fileConsent/invoke";
        accept["value"] = new JsonObject
        {
            ["type"] = "fileUpload", ["action"] = "accept", ["context"] = context.DeepClone(),
            ["uploadInfo"] = new JsonObject
            {
                ["name"] = "ODKM-board-pack-2020-01-20.xlsx", ["uploadUrl"] = "https://contoso-my.sharepoint.com/personal/pat/uploadSession?x=1",
                ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/pat/x.xlsx", ["uniqueId"] = "1", ["fileType"] = "xlsx",
            },
        };
        Address(accept, AdminId, "Pat Admin", "tenant-1");

        var response = await PostAsync(accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Delivered);
        Assert.Equal("That offer was for the board pack as at 20 Jan 2020 and has expired, so I sent nothing. Say \"board pack\" for today's.", reply.Text);
    }

    private const string UpdateVerb = "updateMilestone";
    private const string SnoozeVerb = "snoozeReminder";

    private async Task AssertMilestoneUntouchedAsync()
    {
        var store = _host.Services.GetRequiredService<IPlanStore>();
        Assert.Empty(await store.GetHistoryAsync("odkm", One));
        Assert.Equal(MilestoneStatus.OnTrack, (await store.GetPlanAsync("odkm"))!.Plan.Find(One)!.Status);
    }

    private static JsonObject Message(string text, string objectId, string name, string tenant = "tenant-1")
    {
        var message = BotHost.Message(text);
        Address(message, objectId, name, tenant);
        return message;
    }

    private static JsonObject CardAction(string verb, JsonObject data, string objectId, string name, string tenant = "tenant-1")
    {
        var invoke = BotHost.Activity("invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        Address(invoke, objectId, name, tenant);
        return invoke;
    }

    private static void Address(JsonObject activity, string objectId, string name, string tenant)
    {
        activity["from"] = new JsonObject { ["id"] = "29:" + objectId, ["name"] = name, ["aadObjectId"] = objectId };
        activity["conversation"] = new JsonObject { ["id"] = "a:personal-" + objectId, ["conversationType"] = "personal", ["tenantId"] = tenant };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
    }

    private async Task<JsonArray> RepliesAsync(string text, string objectId, string name)
    {
        var response = await PostAsync(Message(text, objectId, name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BotHost.RepliesAsync(response);
    }

    private async Task<string> ReplyTextAsync(string text, string objectId, string name) =>
        (string)Assert.Single(await RepliesAsync(text, objectId, name))!["text"]!;

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        BotHost.PostAsync(_client, activity, _key.CreateToken(new ChannelTokenClaims(_clock.GetUtcNow()) { ServiceUrl = (string)activity["serviceUrl"]! }));
}
