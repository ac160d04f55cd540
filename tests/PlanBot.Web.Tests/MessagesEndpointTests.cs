using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Conversations;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>/api/messages in local mode (no MicrosoftAppId), replies returned in the body with deliveryMode expectReplies.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MessagesEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Help_is_answered_with_a_card_listing_the_commands()
    {
        await using var host = BotHost.Start(azurite);

        var response = await BotHost.PostAsync(host.CreateClient(), BotHost.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await BotHost.RepliesAsync(response));
        Assert.Equal("message", reply!["type"]!.GetValue<string>());
        Assert.Equal("a:1personal-sue", reply["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("29:1sue", reply["recipient"]!["id"]!.GetValue<string>());
        var card = BotHost.Card(reply).ToJsonString();
        Assert.Contains("\"version\":\"1.5\"", card);
        Assert.Contains("\"title\":\"help\"", card);
        Assert.Contains("\"title\":\"plans\"", card);
    }

    [Fact]
    public async Task Plans_lists_the_stored_plans_with_their_milestone_counts()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 4));

        var response = await BotHost.PostAsync(host.CreateClient(), BotHost.Message("Plans?"));

        var reply = Assert.Single(await BotHost.RepliesAsync(response));
        Assert.Equal("I hold one plan.", reply!["text"]!.GetValue<string>());
        Assert.Contains("Plan odkm: 4 milestones", BotHost.Card(reply).ToJsonString());
    }

    [Fact]
    public async Task A_card_button_sends_its_command_without_text()
    {
        await using var host = BotHost.Start(azurite);
        var pressed = BotHost.Message("");
        pressed.Remove("text");
        pressed["value"] = new JsonObject { ["command"] = "plans" };

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(host.CreateClient(), pressed)));

        Assert.StartsWith("I don't hold any plans yet.", reply!["text"]!.GetValue<string>());
        // A Teams user is told what to do in Teams, not sent to a command-line tool.
        Assert.DoesNotContain("planbot", reply["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("**bold** [click](https://evil.example)", "evil.example")]
    [InlineData("<at>PlanBot</at> <b>bold</b> <script>alert(1)</script> & co", "alert(1)")]
    [InlineData("# heading", "heading")]
    [InlineData("Ystadegau'r GIG — 統計 — إحصاءات 🎉", "Ystadegau")]
    [InlineData("\u0000\u0007\u001b[31m red", "[31m")]
    public async Task Text_that_is_not_a_question_gets_a_polite_plain_answer_and_a_card_that_does_not_echo_it(string text, string fragment)
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 4));

        var response = await BotHost.PostAsync(host.CreateClient(), BotHost.Message(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await BotHost.RepliesAsync(response));
        Assert.StartsWith("Sorry, I didn't understand that.", reply!["text"]!.GetValue<string>());
        Assert.Equal("plain", reply["textFormat"]!.GetValue<string>());
        Assert.DoesNotContain(reply["text"]!.GetValue<string>(), char.IsControl);
        // The message's text says what was not understood; the card only offers what to try, so the user's words
        // never reach card markdown at all.
        Assert.DoesNotContain(fragment, BotHost.Card(reply).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_message_is_answered_not_refused()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 4));

        var response = await BotHost.PostAsync(host.CreateClient(), BotHost.Message(new string('x', 10_000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await BotHost.RepliesAsync(response));
        Assert.True(BotHost.Card(reply).ToJsonString().Length < 28 * 1024);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_with_a_reason()
    {
        await using var host = BotHost.Start(azurite);

        var response = await BotHost.PostRawAsync(host.CreateClient(), "{\"type\":\"message\",");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid activity", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_activity_without_a_type_is_a_400()
    {
        await using var host = BotHost.Start(azurite);

        var response = await BotHost.PostRawAsync(host.CreateClient(), "{\"text\":\"help\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        await using var host = BotHost.Start(azurite, new Dictionary<string, string?> { ["PlanBot:Bot:MaxRequestBodyBytes"] = "4096" });

        var response = await BotHost.PostAsync(host.CreateClient(), BotHost.Message(new string('x', 5000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("somethingTeamsAddsNextYear")]
    [InlineData("event")]
    public async Task Unknown_activity_types_are_acknowledged(string type)
    {
        await using var host = BotHost.Start(azurite);

        var response = await BotHost.PostAsync(host.CreateClient(), BotHost.Activity(type));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_invoke_nobody_handles_is_answered_501()
    {
        await using var host = BotHost.Start(azurite);
        var invoke = BotHost.Activity("invoke");
        invoke["name"] = "composeExtension/query";

        var response = await BotHost.PostAsync(host.CreateClient(), invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task A_card_action_without_a_verb_is_answered_with_a_card_error()
    {
        await using var host = BotHost.Start(azurite);
        var invoke = BotHost.Activity("invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute" } };

        var response = await BotHost.PostAsync(host.CreateClient(), invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Installing_the_app_stores_the_conversation_reference_and_welcomes_the_user()
    {
        await using var host = BotHost.Start(azurite);
        var install = BotHost.Activity("installationUpdate");
        install["action"] = "add";
        install["deliveryMode"] = "expectReplies";

        var response = await BotHost.PostAsync(host.CreateClient(), install);

        var reply = Assert.Single(await BotHost.RepliesAsync(response));
        Assert.Equal("**Hello Sue, I'm PlanBot.**", BotHost.Card(reply)["body"]![0]!["text"]!.GetValue<string>());
        var stored = await host.Services.GetRequiredService<IConversationReferenceStore>().FindPersonalAsync("tenant-1", "aad-sue", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("a:1personal-sue", stored.Conversation!.Id);
        Assert.Equal("https://smba.trafficmanager.net/emea/", stored.ServiceUrl);
        Assert.Equal("28:planbot", stored.Bot!.Id);
    }

    [Fact]
    public async Task Uninstalling_the_app_forgets_the_conversation()
    {
        await using var host = BotHost.Start(azurite);
        var client = host.CreateClient();
        await BotHost.PostAsync(client, BotHost.Message("help"));
        var store = host.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.NotNull(await store.FindPersonalAsync("tenant-1", "aad-sue", CancellationToken.None));
        var remove = BotHost.Activity("installationUpdate");
        remove["action"] = "remove";

        var response = await BotHost.PostAsync(client, remove);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await store.FindPersonalAsync("tenant-1", "aad-sue", CancellationToken.None));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Benchmark")]
    public async Task The_host_refuses_to_start_without_an_app_id_in_any_environment_but_Development(string environment)
    {
        await using var host = BotHost.Start(azurite, environment: environment);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("MicrosoftAppId is not set", error.ToString());
        Assert.Contains($"not in {environment}", error.ToString());
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_an_app_id_but_no_tenant_to_serve()
    {
        await using var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "bot-app-id",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        }, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("No tenant is allowed to use the bot", error.ToString());
    }
}
