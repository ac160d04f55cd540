using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Connector;
using PlanBot.Core.Plans;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>The real PlanBot host on a test server, with fresh tables in the shared Azurite and any extra settings.</summary>
internal static class BotHost
{
    public static WebApplicationFactory<Program> Start(AzuriteFixture azurite, IDictionary<string, string?>? settings = null,
        IBotTokenProvider? outboundTokens = null, string environment = "Development", TimeProvider? time = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("ConnectionStrings:Tables", azurite.ConnectionString);
            web.UseSetting("PlanBot:Storage:TablePrefix", TestTablePrefix.New());
            web.UseSetting("PlanBot:Today", "2020-01-20");
            web.UseSetting("PlanBot:SamplePlan:File", "");
            web.UseSetting("PlanBot:Bot:TypingDelay", "00:00:30");
            // Tests that want reminders or digests sweep explicitly; a host sweeping on its own would race them.
            web.UseSetting("PlanBot:Reminders:Enabled", "false");
            web.UseSetting("PlanBot:Digests:Enabled", "false");
            // No new 1:1 chats unless a test points them at its fake connector.
            web.UseSetting("PlanBot:PersonalChats:ServiceUrl", "");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) web.UseSetting(key, value);
            web.ConfigureTestServices(services =>
            {
                if (outboundTokens is not null) services.AddSingleton(outboundTokens);
                if (time is not null) services.AddSingleton(time);
            });
        });

    public static async Task<PlanSummary> ImportAsync(WebApplicationFactory<Program> host, Plan plan)
    {
        var store = host.Services.GetRequiredService<IPlanStore>();
        return await store.CommitImportAsync(plan, null, "test", [], null, CancellationToken.None);
    }

    /// <summary>A Teams message in a personal chat, as the channel posts it.</summary>
    public static JsonObject Message(string text, string serviceUrl = "https://smba.trafficmanager.net/emea/", bool expectReplies = true)
    {
        var activity = Activity("message", serviceUrl);
        activity["text"] = text;
        if (expectReplies) activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    public static JsonObject Activity(string type, string serviceUrl = "https://smba.trafficmanager.net/emea/") => new()
    {
        ["type"] = type,
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2020-01-20T09:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:1sue", ["name"] = "Sue Graham", ["aadObjectId"] = "aad-sue" },
        ["conversation"] = new JsonObject { ["id"] = "a:1personal-sue", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["recipient"] = new JsonObject { ["id"] = "28:planbot", ["name"] = "PlanBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["locale"] = "en-GB",
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode activity, string? bearerToken = null) =>
        PostRawAsync(client, activity.ToJsonString(), bearerToken);

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string body, string? bearerToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (bearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client.SendAsync(request);
    }

    /// <summary>The activities of an expectReplies response.</summary>
    public static async Task<JsonArray> RepliesAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["activities"]!.AsArray();
    }

    public static JsonObject Card(JsonNode? reply)
    {
        var attachment = reply!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        return attachment["content"]!.AsObject();
    }
}

/// <summary>An outbound token the test knows, in place of one from Entra (which tests cannot reach).</summary>
internal sealed class FixedBotToken(string token) : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
}
