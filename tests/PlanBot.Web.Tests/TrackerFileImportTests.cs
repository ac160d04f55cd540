using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.Plans;
using PlanBot.Testing;
using PlanBot.Testing.Bot;

namespace PlanBot.Web.Tests;

/// <summary>
/// A PMO admin attaches the tracker in the 1:1 chat: the message carries a file.download.info attachment as Teams sends
/// it, whose download address points at a local stand-in for OneDrive. PlanBot answers with a preview card; Import
/// stores the plan in Azurite. Anyone else's file is refused without being downloaded.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TrackerFileImportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AdminId = "aad-pmo-admin";
    private WebApplication _files = null!;
    private Uri _filesAddress = null!;
    private int _downloads;

    public async Task InitializeAsync()
    {
        _files = LoopbackServer.CreateBuilder().Build();
        _files.MapGet("/personal/pmo/minutes.csv", () =>
        {
            Interlocked.Increment(ref _downloads);
            return Results.Text("Meeting,Attendees\nJanuary GB,12\n", "text/csv");
        });
        _files.MapGet("/personal/pmo/{name}", (string name) =>
        {
            Interlocked.Increment(ref _downloads);
            var path = PlanBotProcess.Sample(name);
            return File.Exists(path) ? Results.File(File.ReadAllBytes(path), "application/octet-stream") : Results.NotFound();
        });
        _filesAddress = await LoopbackServer.StartAsync(_files);
    }

    public async Task DisposeAsync() => await _files.DisposeAsync();

    [Fact]
    public async Task An_admin_attaches_the_tracker_sees_the_preview_presses_Import_and_the_plan_is_stored()
    {
        await using var host = StartHost();
        var client = host.CreateClient();
        var store = host.Services.GetRequiredService<IPlanStore>();

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, FileMessage("odkm-2019-20.xlsx", "odkm", AdminId))))!;

        Assert.Equal(1, _downloads);
        var card = BotHost.Card(reply);
        var text = card.ToJsonString(RelaxedJson);
        Assert.Contains("odkm-2019-20.xlsx → plan ODKM", text);
        Assert.Contains("A new plan of 55 milestones and 22 exception report entries. Nothing is saved until you press Import.", text);
        Assert.Contains("\"title\":\"Added\",\"value\":\"55\"", text);
        Assert.Contains("Columns read", text);
        // Fields by the names people use, not the code's.
        Assert.Contains("Due Date → Due date; Status → Status; Delivery Owner → Delivery owner", text);
        Assert.DoesNotContain("→ DeliveryOwner", text);
        Assert.Contains("Warnings (", text);
        Assert.Empty(await store.ListPlansAsync());

        var response = await PressAsync(client, card, "Import", AdminId);

        Assert.Contains("Imported odkm-2019-20.xlsx into plan ODKM: 55 milestones (55 added, 0 changed, 0 removed, 0 unchanged).", response.ToJsonString(RelaxedJson));
        var plan = (await store.GetPlanAsync("odkm"))!.Plan;
        Assert.Equal(55, plan.Milestones.Count);
        Assert.Equal("Implement a Pilot POD scheme", plan.Find(MilestoneRef.Parse("43"))!.Title);

        var again = await PressAsync(client, card, "Import", AdminId);
        Assert.Contains("This preview has expired or was already used.", again.ToJsonString(RelaxedJson));
    }

    [Fact]
    public async Task A_file_from_someone_who_is_not_a_PMO_admin_is_refused_unread_and_nothing_is_stored()
    {
        await using var host = StartHost();
        var client = host.CreateClient();

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, FileMessage("odkm-2019-20.xlsx", "odkm", "aad-sue"))))!;

        Assert.Equal("Only PMO admins can import a tracker. I haven't read or saved the file.", reply["text"]!.GetValue<string>());
        Assert.Equal(0, _downloads);
        Assert.Empty(await host.Services.GetRequiredService<IPlanStore>().ListPlansAsync());
    }

    [Fact]
    public async Task Cancel_and_a_press_by_another_admin_store_nothing()
    {
        await using var host = StartHost(secondAdmin: "aad-other-admin");
        var client = host.CreateClient();
        var card = BotHost.Card(Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, FileMessage("odkm-2019-20.txt", "odkm", AdminId))))!);

        var other = await PressAsync(client, card, "Import", "aad-other-admin");
        Assert.Contains("Only Pat Admin, who attached this tracker, can import it. Nothing was imported.", other.ToJsonString(RelaxedJson));

        var cancelled = await PressAsync(client, card, "Cancel", AdminId);
        Assert.Contains("Cancelled: nothing was imported.", cancelled.ToJsonString(RelaxedJson));
        var late = await PressAsync(client, card, "Import", AdminId);
        Assert.Contains("Nothing was imported.", late.ToJsonString(RelaxedJson));
        Assert.Empty(await host.Services.GetRequiredService<IPlanStore>().ListPlansAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_tracker_type_is_refused_with_the_types_accepted()
    {
        await using var host = StartHost();
        var client = host.CreateClient();

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, FileMessage("README.md", "odkm", AdminId))))!;

        Assert.Contains("I can import trackers saved as .xlsx, .xlsm, .csv, .tsv, .txt; 'README.md' is not one of those. Nothing was imported.", reply["text"]!.GetValue<string>());
        Assert.Equal(0, _downloads);
    }

    [Fact]
    public async Task A_file_with_errors_gets_them_on_the_card_without_an_Import_button_and_nothing_is_stored()
    {
        await using var host = StartHost();
        var client = host.CreateClient();

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, FileMessage("minutes.csv", "odkm", AdminId))))!;

        Assert.Equal("minutes.csv has errors, so nothing was imported.", reply["text"]!.GetValue<string>());
        var card = BotHost.Card(reply);
        Assert.Contains("1 error(s) in minutes.csv. Nothing was imported: fix them and attach the file again.", card.ToJsonString(RelaxedJson));
        Assert.Contains("no milestone table found in this file", card.ToJsonString(RelaxedJson));
        Assert.Null(card["actions"]);
        Assert.Empty(await host.Services.GetRequiredService<IPlanStore>().ListPlansAsync());
    }

    private WebApplicationFactory<Program> StartHost(string? secondAdmin = null)
    {
        var settings = new Dictionary<string, string?> { ["PlanBot:Updates:AdminObjectIds:0"] = AdminId };
        if (secondAdmin is not null) settings["PlanBot:Updates:AdminObjectIds:1"] = secondAdmin;
        return BotHost.Start(azurite, settings);
    }

    /// <summary>A message with a file attached in the 1:1 chat, as Teams posts it to a bot whose manifest has supportsFiles.</summary>
    private JsonObject FileMessage(string fileName, string text, string aadObjectId)
    {
        var message = BotHost.Message(text);
        message["from"] = new JsonObject { ["id"] = "29:1" + aadObjectId, ["name"] = aadObjectId == AdminId ? "Pat Admin" : "Sue Graham", ["aadObjectId"] = aadObjectId };
        message["attachments"] = new JsonArray
        {
            new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/pmo/Documents/Microsoft%20Teams%20Chat%20Files/" + fileName,
                ["name"] = fileName,
                ["content"] = new JsonObject
                {
                    ["downloadUrl"] = new Uri(_filesAddress, "/personal/pmo/" + fileName).ToString(),
                    ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
                    ["fileType"] = Path.GetExtension(fileName).TrimStart('.'),
                },
            },
        };
        return message;
    }

    /// <summary>Presses a button of the preview card as Teams does: an adaptiveCard/action invoke with the action's verb and data.</summary>
    private static async Task<JsonObject> PressAsync(HttpClient client, JsonObject card, string title, string aadObjectId)
    {
        var action = card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == title)!;
        var invoke = BotHost.Activity("invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["from"] = new JsonObject { ["id"] = "29:1" + aadObjectId, ["name"] = aadObjectId == AdminId ? "Pat Admin" : "Other Admin", ["aadObjectId"] = aadObjectId };
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.GetValue<string>(), ["data"] = action["data"]!.DeepClone() },
            ["trigger"] = "manual",
        };
        var response = await BotHost.PostAsync(client, invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.AsObject();
    }

    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
