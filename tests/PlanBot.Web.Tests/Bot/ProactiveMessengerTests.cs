using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Conversations;
using PlanBot.BotFramework.Schema;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using PlanBot.Web.Bot;

namespace PlanBot.Web.Tests.Bot;

/// <summary>
/// The one way PlanBot messages someone unprompted, against the fake Teams connector on loopback: what it says came of
/// the messages is what the connector saw.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ProactiveMessengerTests(AzuriteFixture azurite)
{
    private const string SueId = "11111111-1111-1111-1111-111111111111";
    private const string Tenant = "tenant-1";

    // Teams' answer when the user has blocked the bot (seen from Teams; also in ConnectorErrorTests).
    private const string MessageWritesBlocked =
        """{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null,\r\n  \"errorSubCode\": null\r\n}"}""";

    [Fact]
    public async Task Messages_to_someone_with_a_stored_chat_go_there_in_order_and_each_is_reported_as_it_goes()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await StartAsync(connector);
        var reported = new List<int>();

        var delivery = await Messenger(host).SendToPersonAsync(SueId, Messages("one", "two", "three"), CancellationToken.None,
            (sent, _) => { reported.Add(sent); return Task.CompletedTask; });

        Assert.Equal((DeliveryOutcome.Delivered, 3, null), (delivery.Outcome, delivery.Sent, delivery.WhyNot));
        Assert.Equal([0, 1, 2], reported);
        Assert.Equal(["one", "two", "three"], connector.Delivered.Select(d => d.Text));
        Assert.All(connector.Delivered, d => Assert.Equal("a:chat-with-sue", d.ConversationId));
    }

    [Fact]
    public async Task Someone_who_blocks_PlanBot_part_way_is_unreachable_and_nothing_more_is_tried()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Script = (call, _) => call == 2 ? new ScriptedAnswer(403, MessageWritesBlocked) : null;
        await using var host = await StartAsync(connector);

        var delivery = await Messenger(host).SendToPersonAsync(SueId, Messages("one", "two", "three"), CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Unreachable, 1, "they have blocked or removed PlanBot"), (delivery.Outcome, delivery.Sent, delivery.WhyNot));
        Assert.NotNull(delivery.Error);
        Assert.Equal(["one"], connector.Delivered.Select(d => d.Text));
        Assert.Equal(2, connector.Requests.Count);
    }

    [Fact]
    public async Task A_send_Teams_keeps_refusing_for_now_is_transient_to_be_tried_later()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Script = (_, _) => new ScriptedAnswer(503);
        await using var host = await StartAsync(connector);

        var delivery = await Messenger(host).SendToPersonAsync(SueId, Messages("one"), CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Transient, 0, "sending failed"), (delivery.Outcome, delivery.Sent, delivery.WhyNot));
        Assert.Empty(connector.Delivered);
        Assert.Equal(2, connector.Requests.Count); // the connector's own retry, then given up
    }

    [Fact]
    public async Task Someone_with_no_stored_chat_while_opening_chats_is_off_is_unreachable_without_asking_Teams()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await StartAsync(connector, storeChat: false);

        var delivery = await Messenger(host).SendToPersonAsync(SueId, Messages("one"), CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Unreachable, 0), (delivery.Outcome, delivery.Sent));
        Assert.Equal("PlanBot is not installed for them, and opening new chats is off", delivery.WhyNot);
        Assert.Empty(connector.Requests);
    }

    private static ProactiveMessenger Messenger(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<ProactiveMessenger>();

    private static Activity[] Messages(params string[] texts) => [.. texts.Select(t => Activity.CreateMessage(t))];

    /// <summary>A host whose connector is the fake (two tries a send, quickly), with Sue's 1:1 chat stored unless told otherwise.</summary>
    private async Task<WebApplicationFactory<Program>> StartAsync(FakeConnector connector, bool storeChat = true)
    {
        var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["PlanBot:Bot:TrustedServiceUrls:0"] = connector.ServiceUrl,
            ["PlanBot:PersonalChats:TenantId"] = Tenant,
            ["PlanBot:Bot:Connector:MaxAttempts"] = "2",
            ["PlanBot:Bot:Connector:BaseDelay"] = "00:00:00.050",
        }, new FixedBotToken("token-for-the-fake-connector"));
        if (storeChat)
            await host.Services.GetRequiredService<IConversationReferenceStore>().SaveAsync(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = connector.ServiceUrl,
                Bot = new ChannelAccount { Id = "28:planbot" },
                User = new ChannelAccount { Id = "29:sue", AadObjectId = SueId },
                Conversation = new ConversationAccount { Id = "a:chat-with-sue", TenantId = Tenant, ConversationType = "personal" },
            }, CancellationToken.None);
        return host;
    }
}
