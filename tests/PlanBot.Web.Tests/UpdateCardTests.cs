using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>
/// Progress updates through /api/messages: "update #2" brings the card, Save posts an adaptiveCard/action invoke as
/// Teams does (the card's data merged with its inputs), and the answer replaces the card. Checked against Azurite.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class UpdateCardTests(AzuriteFixture azurite)
{
    private static readonly MilestoneRef Two = MilestoneRef.Parse("2");

    [Fact]
    public async Task An_owner_gets_the_card_saves_a_delay_and_the_state_history_and_exception_are_stored()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();

        var card = await UpdateCardAsync(client, "update #2");
        var save = SaveAction(card);
        Assert.Equal("updateMilestone", save["verb"]!.GetValue<string>());
        Assert.Equal("odkm", save["data"]!["planId"]!.GetValue<string>());
        Assert.Equal("2", save["data"]!["ref"]!.GetValue<string>());

        var response = await PressSaveAsync(client, card, new() { ["status"] = "Delayed", ["revisedDue"] = "2020-02-28", ["reason"] = "Waiting for NHSE sign-off." });

        var replaced = response.ToJsonString();
        Assert.Contains("Updated by Sue Graham at", replaced);
        Assert.DoesNotContain("Action.Execute", replaced);
        var store = host.Services.GetRequiredService<IPlanStore>();
        var plan = (await store.GetPlanAsync("odkm"))!.Plan;
        var milestone = plan.Find(Two)!;
        Assert.Equal(MilestoneStatus.Delayed, milestone.Status);
        Assert.Equal(new DateOnly(2020, 2, 28), milestone.RevisedDue.Date);
        Assert.Equal("Waiting for NHSE sign-off.", Assert.Single(plan.ExceptionsFor(Two)).Reason);
        var history = Assert.Single(await store.GetHistoryAsync("odkm", Two));
        Assert.Equal(("Sue Graham", "card"), (history.By, history.Source));
        var reminderState = (await host.Services.GetRequiredService<IReminderLedger>().GetStatesAsync("odkm"))[Two];
        Assert.InRange(reminderState.LastUpdateAt!.Value, history.At, history.At.AddSeconds(5));
    }

    [Theory]
    [InlineData("Delayed", "2020-02-28", "", "Say why the milestone is delayed.")]
    [InlineData("Delayed", "", "Supplier late", "A delayed milestone needs a revised due date.")]
    [InlineData("OnTrack", "2019-12-01", "Moved", "is in the past")]
    [InlineData("Closed", "", "", "Choose one of the statuses offered.")]
    [InlineData("Finished!", "", "", "Choose one of the statuses offered.")]
    [InlineData("OnTrack", "28/02/2020", "", "Pick the revised date from the calendar.")]
    public async Task An_invalid_update_is_refused_on_the_card_and_stores_nothing(string status, string revisedDue, string reason, string message)
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        var card = await UpdateCardAsync(client, "update #2");

        var response = await PressSaveAsync(client, card, new() { ["status"] = status, ["revisedDue"] = revisedDue, ["reason"] = reason });

        var text = response.ToJsonString(RelaxedJson);
        Assert.Contains(message, text);
        Assert.Contains("Nothing was saved.", text);
        Assert.Contains("Action.Execute", text);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task A_twenty_thousand_character_note_is_refused_and_the_card_stays_small()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        var card = await UpdateCardAsync(client, "update #2");

        var response = await PressSaveAsync(client, card, new() { ["note"] = new string('a', 20_000) });

        Assert.Contains("The progress note is 20,000 characters; keep it to 2,000.", response.ToJsonString(RelaxedJson));
        Assert.True(response.ToJsonString().Length < 28 * 1024);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task Someone_who_does_not_own_the_milestone_is_refused_and_nothing_is_stored()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        var card = await UpdateCardAsync(client, "update #2");

        var response = await PressSaveAsync(client, card, new() { ["status"] = "Complete" }, from: "Mark Balaam");

        var refusal = response.ToJsonString(RelaxedJson);
        Assert.Contains("Nothing was saved. Your Microsoft Entra account is not one of #2's owners, their delegates or the PMO admins. "
            + "If it is yours, ask the PMO to check the people file.", refusal);
        Assert.DoesNotContain("Sue Graham", refusal); // a refusal never tells an impostor whose name to take
        await AssertNothingStoredAsync(host);
    }

    private const string SueId = "11111111-1111-1111-1111-111111111111";
    private const string JoId = "22222222-2222-2222-2222-222222222222";
    private const string PatId = "33333333-3333-3333-3333-333333333333";

    [Fact]
    public async Task A_delegate_and_a_PMO_admin_from_the_people_file_may_update_and_a_namesake_may_not()
    {
        await using var host = await StartAsync();
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync(
        [
            new Person("Sue Graham", "sue.graham@nhs.net", SueId, Delegate: "Jo Bloggs"),
            new Person("Jo Bloggs", "jo.bloggs@nhs.net", JoId),
            new Person("Pat Admin", "pat.admin@nhs.net", PatId, Roles: [PersonRoles.PmoAdmin]),
        ], "test", null);
        var client = host.CreateClient();

        var impostor = await PressSaveAsync(client, await UpdateCardAsync(client, "update #2", "Jo Bloggs", JoId), new() { ["note"] = "Not me" }, "Sue Graham", "44444444-4444-4444-4444-444444444444");
        Assert.Contains("Nothing was saved. ", impostor.ToJsonString(RelaxedJson));
        await AssertNothingStoredAsync(host);

        var byDelegate = await PressSaveAsync(client, await UpdateCardAsync(client, "update #2", "Jo Bloggs", JoId), new() { ["note"] = "From Jo" }, "Jo Bloggs", JoId);
        Assert.Contains("Updated by Jo Bloggs", byDelegate.ToJsonString());

        var byAdmin = await PressSaveAsync(client, await UpdateCardAsync(client, "update #3", "Pat Admin", PatId), new() { ["note"] = "From the PMO" }, "Pat Admin", PatId);
        Assert.Contains("Updated by Pat Admin", byAdmin.ToJsonString());
    }

    [Fact]
    public async Task A_card_whose_data_names_another_milestone_is_checked_against_that_milestone()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        var card = await UpdateCardAsync(client, "update #2");
        SaveAction(card)["data"]!["ref"] = "3"; // #3 belongs to Alex Morgan

        var response = await PressSaveAsync(client, card, new() { ["status"] = "Complete" });

        Assert.Contains("Your Microsoft Entra account is not one of #3's owners", response.ToJsonString(RelaxedJson));
        await AssertNothingStoredAsync(host);
    }

    [Theory]
    [InlineData("odkm", "99", "Milestone #99 is no longer in plan ODKM.")]
    [InlineData("../plans", "2", "This card names no plan I hold.")]
    [InlineData("odkm", "not a ref", "This card does not name a milestone I can update.")]
    public async Task A_card_naming_no_real_milestone_is_refused(string planId, string reference, string message)
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        var card = await UpdateCardAsync(client, "update #2");
        SaveAction(card)["data"]!["planId"] = planId;
        SaveAction(card)["data"]!["ref"] = reference;

        var response = await PressSaveAsync(client, card, new() { ["status"] = "Complete" });

        Assert.Contains(message, response.ToJsonString(RelaxedJson));
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task A_stale_card_shows_the_newer_state_and_saves_only_when_pressed_again()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        var first = await UpdateCardAsync(client, "update #2");
        var second = await UpdateCardAsync(client, "update #2");
        await PressSaveAsync(client, first, new() { ["status"] = "AtRisk", ["note"] = "Supplier wobbling." });

        var stale = await PressSaveAsync(client, second, new() { ["status"] = "Complete" });

        var text = stale.ToJsonString(RelaxedJson);
        Assert.Contains("#2 has changed since this card was sent. Check its state below and save again.", text);
        Assert.Contains("Supplier wobbling.", text);
        var store = host.Services.GetRequiredService<IPlanStore>();
        Assert.Equal(MilestoneStatus.AtRisk, (await store.GetPlanAsync("odkm"))!.Plan.Find(Two)!.Status);

        var confirmed = await PressSaveAsync(client, stale, new() { ["status"] = "Complete" });

        Assert.Contains("Updated by Sue Graham", confirmed.ToJsonString());
        Assert.Equal(MilestoneStatus.Complete, (await store.GetPlanAsync("odkm"))!.Plan.Find(Two)!.Status);
        Assert.Equal(2, (await store.GetHistoryAsync("odkm", Two)).Count);
    }

    [Fact]
    public async Task An_update_typed_in_chat_comes_back_as_a_filled_card_to_confirm_and_saves_nothing_yet()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();

        var message = BotHost.Message("#2 delayed to 28 Feb 2020 because the regulator moved the deadline");
        message["from"] = new JsonObject { ["id"] = "29:1sue", ["name"] = "Sue Graham", ["aadObjectId"] = SueId };
        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, message)))!;

        Assert.Equal("Check your update to #2, then save it.", reply["text"]!.GetValue<string>());
        var card = BotHost.Card(reply);
        var inputs = card["body"]!.AsArray().Where(e => e!["id"] is not null).ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!["value"]?.ToString());
        Assert.Equal("Delayed", inputs["status"]);
        Assert.Equal("2020-02-28", inputs["revisedDue"]);
        Assert.Equal("the regulator moved the deadline", inputs["reason"]);
        await AssertNothingStoredAsync(host);

        var saved = await PressSaveAsync(client, card, inputs.Where(i => i.Value is not null).ToDictionary(i => i.Key, i => i.Value!));
        Assert.Contains("Updated by Sue Graham", saved.ToJsonString());
    }

    [Fact]
    public async Task The_saved_card_shows_the_reason_given_and_the_evidence_as_a_link_to_open()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        var card = await UpdateCardAsync(client, "update #2");

        var saved = await PressSaveAsync(client, card, new()
        {
            ["status"] = "Delayed", ["revisedDue"] = "2020-02-28", ["reason"] = "Waiting for NHSE sign-off.",
            ["evidence"] = "https://nhs.sharepoint.com/sites/pmo/evidence-2.docx",
        });

        var facts = saved["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "FactSet")
            .SelectMany(f => f!["facts"]!.AsArray()).ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        Assert.Equal("Waiting for NHSE sign-off.", facts["Reason for delay"]);
        var open = Assert.Single(saved["actions"]!.AsArray())!;
        Assert.Equal(("Action.OpenUrl", "Open evidence", "https://nhs.sharepoint.com/sites/pmo/evidence-2.docx"),
            (open["type"]!.GetValue<string>(), open["title"]!.GetValue<string>(), open["url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_form_starts_from_the_latest_exception_report_and_sent_back_unchanged_saves_nothing()
    {
        await using var host = await StartAsync(exceptionFor2: new ExceptionReportEntry
        {
            MilestoneRefText = "2", Refs = [Two], Reason = "Awaiting CCG sign-off.", ProposedRevisedDate = TrackerDate.Exact(new DateOnly(2020, 3, 31)),
        });
        var client = host.CreateClient();
        var card = await UpdateCardAsync(client, "update #2");
        var inputs = Inputs(card);
        Assert.Equal("Awaiting CCG sign-off.", inputs["reason"]);
        Assert.Equal("2020-03-31", inputs["revisedDue"]);
        // The picker's earliest day is the plan's today (20 Jan 2020), not the real date.
        Assert.Equal("2020-01-20", Input(card, "revisedDue")["min"]!.GetValue<string>());

        var unchanged = await PressSaveAsync(client, card, inputs);

        Assert.Equal("Nothing has changed: choose a status, a date or add a note.", TextUnder(unchanged, "status"));
        await AssertNothingStoredAsync(host);

        inputs["note"] = "Chased the CCG.";
        var saved = await PressSaveAsync(client, card, inputs);

        Assert.Contains("Updated by Sue Graham", saved.ToJsonString());
        Assert.DoesNotContain("Reason for delay", saved.ToJsonString());
        var store = host.Services.GetRequiredService<IPlanStore>();
        var plan = (await store.GetPlanAsync("odkm"))!.Plan;
        Assert.Single(plan.ExceptionsFor(Two));
        Assert.Equal(new DateOnly(2019, 5, 7), plan.Find(Two)!.EffectiveDue);
        var history = Assert.Single(await store.GetHistoryAsync("odkm", Two));
        Assert.Equal(["ProgressNote"], history.Changes.Select(c => c.Field));
        Assert.Null(history.Note);
    }

    [Fact]
    public async Task A_typed_update_that_gives_no_date_or_reason_comes_back_with_the_standing_ones_and_adds_no_exception_entry()
    {
        await using var host = await StartAsync(exceptionFor2: new ExceptionReportEntry
        {
            MilestoneRefText = "2", Refs = [Two], Reason = "Awaiting CCG sign-off.", ProposedRevisedDate = TrackerDate.Exact(new DateOnly(2020, 3, 31)),
        });
        var client = host.CreateClient();

        var card = await UpdateCardAsync(client, "#2 complete");

        var inputs = Inputs(card);
        Assert.Equal(("Complete", "2020-03-31", "Awaiting CCG sign-off."), (inputs["status"], inputs["revisedDue"], inputs["reason"]));
        var saved = await PressSaveAsync(client, card, inputs);
        Assert.Contains("Updated by Sue Graham", saved.ToJsonString());
        var plan = (await host.Services.GetRequiredService<IPlanStore>().GetPlanAsync("odkm"))!.Plan;
        Assert.Equal(MilestoneStatus.Complete, plan.Find(Two)!.Status);
        Assert.Single(plan.ExceptionsFor(Two));
    }

    [Fact]
    public async Task With_no_exception_report_the_date_starts_on_the_due_date_and_the_reason_blank()
    {
        await using var host = await StartAsync();
        var card = await UpdateCardAsync(host.CreateClient(), "update #2");

        var inputs = Inputs(card);
        Assert.Equal("2019-05-07", inputs["revisedDue"]);
        // Already past, so the earliest day offered is the due date itself: the card's own check must let it be sent.
        Assert.Equal("2019-05-07", Input(card, "revisedDue")["min"]!.GetValue<string>());
        Assert.False(inputs.ContainsKey("reason"));
    }

    [Theory]
    [InlineData("Delayed", "2020-02-28", "", "reason", "Say why the milestone is delayed.")]
    [InlineData("OnTrack", "2019-12-01", "Moved", "revisedDue", "The revised date 1 Dec 2019 is in the past; choose today or later.")]
    [InlineData("OnTrack", "", "", "status", "Nothing has changed: choose a status, a date or add a note.")]
    public async Task A_refusal_is_shown_under_the_input_it_is_about(string status, string revisedDue, string reason, string field, string message)
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        var card = await UpdateCardAsync(client, "update #2");

        var refused = await PressSaveAsync(client, card, new() { ["status"] = status, ["revisedDue"] = revisedDue, ["reason"] = reason });

        Assert.Equal(message, TextUnder(refused, field));
        Assert.Single(refused.ToJsonString(RelaxedJson).Split(message)[1..]);
    }

    /// <summary>Every input's value as the card holds it, which is what Teams posts when Save is pressed unchanged.</summary>
    private static Dictionary<string, string> Inputs(JsonObject card) =>
        card["body"]!.AsArray().Where(e => e!["id"] is not null && e["value"] is not null)
            .ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());

    private static JsonObject Input(JsonObject card, string id) =>
        card["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == id)!.AsObject();

    /// <summary>The text of the block right under the input, where a refusal about it belongs.</summary>
    private static string? TextUnder(JsonObject card, string id)
    {
        var body = card["body"]!.AsArray();
        var index = body.IndexOf(Input(card, id));
        return body[index + 1]!["type"]!.GetValue<string>() == "TextBlock" ? body[index + 1]!["text"]!.GetValue<string>() : null;
    }

    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A host with a three-milestone plan as at 20 Jan 2020: #2 is Sue Graham's, the others Alex Morgan's; the people file
    /// ties Sue Graham to <see cref="SueId"/>, which is how she is recognised (never by her name).
    /// </summary>
    private async Task<WebApplicationFactory<Program>> StartAsync(ExceptionReportEntry? exceptionFor2 = null)
    {
        var host = BotHost.Start(azurite);
        var plan = TestPlans.Small("odkm", milestones: 3);
        plan = plan with
        {
            Milestones = [plan.Milestones[0], plan.Milestones[1] with { Owners = [TestPlans.Delivery("Sue Graham")] }, plan.Milestones[2]],
            Exceptions = exceptionFor2 is null ? plan.Exceptions : [exceptionFor2],
        };
        await BotHost.ImportAsync(host, plan);
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync([new Person("Sue Graham", "sue.graham@nhs.net", SueId)], "test", null);
        return host;
    }

    private static async Task<JsonObject> UpdateCardAsync(HttpClient client, string text, string? from = null, string? aadObjectId = null)
    {
        var message = BotHost.Message(text);
        from ??= "Sue Graham";
        aadObjectId ??= from == "Sue Graham" ? SueId : null;
        message["from"] = new JsonObject { ["id"] = "29:1" + from.Replace(" ", ""), ["name"] = from, ["aadObjectId"] = aadObjectId };
        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, message)))!;
        return BotHost.Card(reply);
    }

    private static JsonObject SaveAction(JsonObject card) =>
        card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.Execute")!.AsObject();

    /// <summary>Presses Save as Teams does: an invoke whose action data is the card's data merged with the inputs' values.</summary>
    private static async Task<JsonObject> PressSaveAsync(HttpClient client, JsonObject card, Dictionary<string, string> inputs, string from = "Sue Graham",
        string? aadObjectId = null)
    {
        var action = SaveAction(card);
        var data = action["data"]!.DeepClone().AsObject();
        foreach (var (id, value) in inputs) data[id] = value;
        var invoke = BotHost.Activity("invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["from"] = new JsonObject { ["id"] = "29:1" + from.Replace(" ", ""), ["name"] = from, ["aadObjectId"] = aadObjectId ?? (from == "Sue Graham" ? SueId : "aad-" + from.Replace(" ", "")) };
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.GetValue<string>(), ["data"] = data },
            ["trigger"] = "manual",
        };

        var response = await BotHost.PostAsync(client, invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"]!.AsObject();
    }

    private static async Task AssertNothingStoredAsync(WebApplicationFactory<Program> host)
    {
        var store = host.Services.GetRequiredService<IPlanStore>();
        Assert.Empty(await store.GetHistoryAsync("odkm", Two));
        Assert.Equal(MilestoneStatus.OnTrack, (await store.GetPlanAsync("odkm"))!.Plan.Find(Two)!.Status);
    }
}
