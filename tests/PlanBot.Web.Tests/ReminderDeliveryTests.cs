using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Conversations;
using PlanBot.Core.People;
using PlanBot.Core.Reminders;
using PlanBot.Core.Plans;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using PlanBot.Testing.Graph;
using PlanBot.Web.Reminders;

namespace PlanBot.Web.Tests;

/// <summary>
/// The reminder loop end to end through the real host: the owner installs the app (its conversation reference is
/// stored), a sweep sends the update card to a local fake Teams connector, and the owner's Save lands in Azurite.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ReminderDeliveryTests(AzuriteFixture azurite)
{
    private const string SueId = "11111111-1111-1111-1111-111111111111";
    private const string Tenant = "tenant-1";
    private static readonly MilestoneRef Two = MilestoneRef.Parse("2");

    // Monday 20 Jan 2020, 10:00 London: #2, due Wednesday 29 Jan, is 7 working days away, so its reminder's slot (09:00) has passed.
    private static readonly DateTimeOffset Now = new(2020, 1, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Install_then_sweep_sends_the_card_once_and_the_owners_save_is_stored()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await StartAsync(connector);
        var client = host.CreateClient();
        await InstallAsync(client, connector);
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();

        var first = await dispatcher.SweepAsync(CancellationToken.None);
        var again = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1, 0), (first.Due, first.Sent, first.Released));
        Assert.Equal((0, 0), (again.Due, again.Sent));
        var delivered = Assert.Single(connector.Delivered);
        Assert.Equal("a:1personal-sue", delivered.ConversationId);
        Assert.StartsWith("Reminder: #2 Milestone 2 — 7 working days before due 29 Jan 2020.", delivered.Text);
        var card = delivered.Body!["attachments"]![0]!["content"]!.AsObject();
        var save = card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.Execute")!;
        Assert.Equal("2", save["data"]!["ref"]!.GetValue<string>());

        var invoke = BotHost.Activity("invoke", connector.ServiceUrl);
        invoke["name"] = "adaptiveCard/action";
        invoke["from"] = new JsonObject { ["id"] = "29:1sue", ["name"] = "Sue Graham", ["aadObjectId"] = SueId };
        var data = save["data"]!.DeepClone().AsObject();
        data["status"] = "AtRisk";
        data["note"] = "Supplier late; chasing.";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "updateMilestone", ["data"] = data } };
        var response = await BotHost.PostAsync(client, invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Updated by Sue Graham", await response.Content.ReadAsStringAsync());
        var store = host.Services.GetRequiredService<IPlanStore>();
        Assert.Equal(MilestoneStatus.AtRisk, (await store.GetPlanAsync("odkm"))!.Plan.Find(Two)!.Status);
        Assert.Equal("card", Assert.Single(await store.GetHistoryAsync("odkm", Two)).Source);
    }

    [Fact]
    public async Task An_owner_without_a_stored_chat_gets_one_opened_and_stored_and_the_reminder_arrives_there()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await StartAsync(connector, NewChats(connector));
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();

        var report = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1, 0), (report.Due, report.Sent, report.Released));
        Assert.Equal([RouteKind.CreateConversation, RouteKind.SendToConversation], connector.Delivered.Select(d => d.Route));
        var create = connector.Delivered[0].Body!;
        Assert.Equal(SueId, create["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Tenant, create["tenantId"]!.GetValue<string>());
        Assert.Equal("a:conversation-with-" + SueId, connector.Delivered[1].ConversationId);
        var stored = await host.Services.GetRequiredService<IConversationReferenceStore>().FindPersonalAsync(Tenant, SueId, CancellationToken.None);
        Assert.Equal("a:conversation-with-" + SueId, stored?.Conversation?.Id);
    }

    [Fact]
    public async Task An_owner_who_never_installed_the_app_is_not_lost_the_reminder_is_given_back_and_they_are_recorded_unreachable()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.PersonalAppInstalledFor = new();
        await using var host = await StartAsync(connector, NewChats(connector));
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();

        var report = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (report.Due, report.Sent, report.Released));
        Assert.Contains("could not reach Sue Graham: PlanBot is not installed for them, and PlanBot cannot install it", Assert.Single(report.Unreachable));
        Assert.Empty(connector.Delivered);
        var state = (await host.Services.GetRequiredService<IReminderLedger>().GetStatesAsync("odkm"))[Two];
        Assert.StartsWith("Sue Graham: PlanBot is not installed for them", state.UnreachableReason);
        Assert.Equal(Now, state.UnreachableSince);
    }

    [Fact]
    public async Task When_installing_is_permitted_PlanBot_installs_itself_through_Graph_then_opens_the_chat_and_sends()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.PersonalAppInstalledFor = new();
        await using var graph = await FakeGraph.StartAsync(new FakeGraphUser(SueId, "Sue Graham", "sue.graham@nhs.net", "sue.graham@nhs.net", "Sue", "Graham"));
        graph.Installed += user => connector.PersonalAppInstalledFor.TryAdd(user, 0);
        await using var host = await StartAsync(connector, new Dictionary<string, string?>(NewChats(connector)) { ["PlanBot:Graph:BaseUrl"] = graph.BaseUrl, ["PlanBot:Graph:AccessToken"] = FakeGraph.DefaultToken, ["PlanBot:Graph:TeamsAppCatalogId"] = "catalog-app-1" });
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();

        var report = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1), (report.Due, report.Sent));
        Assert.Equal("catalog-app-1", graph.InstalledFor[SueId]);
        var install = Assert.Single(graph.Requests, r => r.Method == "POST");
        Assert.Equal($"/v1.0/users/{SueId}/teamwork/installedApps", install.Path);
        Assert.Equal([RouteKind.CreateConversation, RouteKind.SendToConversation], connector.Delivered.Select(d => d.Route));
        Assert.Equal(2, connector.Requests.Count(r => r.Route == RouteKind.CreateConversation)); // refused before the install, accepted after
    }

    [Fact]
    public async Task When_Graph_refuses_the_install_the_owner_is_recorded_unreachable_with_the_reason()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.PersonalAppInstalledFor = new();
        await using var graph = await FakeGraph.StartAsync(new FakeGraphUser(SueId, "Sue Graham", "sue.graham@nhs.net", "sue.graham@nhs.net", "Sue", "Graham"));
        graph.RefuseWith(403, "Forbidden", "Missing role permissions on the request.");
        await using var host = await StartAsync(connector, new Dictionary<string, string?>(NewChats(connector)) { ["PlanBot:Graph:BaseUrl"] = graph.BaseUrl, ["PlanBot:Graph:AccessToken"] = FakeGraph.DefaultToken, ["PlanBot:Graph:TeamsAppCatalogId"] = "catalog-app-1" });

        var report = await host.Services.GetRequiredService<ReminderDispatcher>().SweepAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (report.Due, report.Sent, report.Released));
        var state = (await host.Services.GetRequiredService<IReminderLedger>().GetStatesAsync("odkm"))[Two];
        Assert.Contains("could not be installed: Microsoft Graph refused to install PlanBot (403 Forbidden)", state.UnreachableReason);
        Assert.Empty(graph.InstalledFor);
        Assert.Empty(connector.Delivered);
    }

    [Fact]
    public async Task A_reminder_nobody_can_receive_is_given_up_after_the_configured_tries_and_not_tried_again()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.PersonalAppInstalledFor = new();
        await using var host = await StartAsync(connector, new Dictionary<string, string?>(NewChats(connector)) { ["PlanBot:Reminders:MaxAttempts"] = "2" });
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();

        var first = await dispatcher.SweepAsync(CancellationToken.None);
        var second = await dispatcher.SweepAsync(CancellationToken.None);
        var attemptsSoFar = connector.Requests.Count;
        var third = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first.Released, first.GivenUp));
        Assert.Equal((0, 1), (second.Released, second.GivenUp));
        Assert.Equal((0, 0, 0, 1), (third.Sent, third.Released, third.GivenUp, third.ClaimedElsewhere));
        Assert.Equal(2, attemptsSoFar);
        Assert.Equal(attemptsSoFar, connector.Requests.Count);
    }

    [Fact]
    public async Task Remind_me_later_on_the_card_snoozes_the_reminder_until_the_day_chosen_and_only_then_is_it_sent_again()
    {
        await using var connector = await FakeConnector.StartAsync();
        // Not pinned to a date (PlanBot:Today), so the fake clock can move to the day chosen.
        await using var host = await StartAsync(connector, new Dictionary<string, string?> { ["PlanBot:Today"] = "" });
        var client = host.CreateClient();
        await InstallAsync(client, connector);
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();
        var time = (FakeTimeProvider)host.Services.GetRequiredService<TimeProvider>();
        await dispatcher.SweepAsync(CancellationToken.None);
        var card = BotHost.Card(Assert.Single(connector.Delivered).Body);
        var later = card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Remind me later")!["card"]!;
        var choices = later["body"]![0]!["choices"]!.AsArray().Select(c => (Title: c!["title"]!.GetValue<string>(), Value: c["value"]!.GetValue<string>())).ToList();
        Assert.Equal([("Tomorrow, Tue 21 Jan", "21/1/2020"), ("Monday, Mon 27 Jan", "27/1/2020"), ("In two weeks, Mon 3 Feb", "3/2/2020")], choices);
        var snooze = later["actions"]![0]!;

        var refused = await SnoozeAsync(client, connector, snooze, "21/1/2020", "Bob Smith", "99999999-9999-9999-9999-999999999999");
        var response = await SnoozeAsync(client, connector, snooze, "21/1/2020", "Sue Graham", SueId);
        var whileSnoozed = await dispatcher.SweepAsync(CancellationToken.None);
        time.SetUtcNow(new DateTimeOffset(2020, 1, 21, 9, 1, 0, TimeSpan.Zero));
        var afterwards = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Contains("Only the owners of #2, their delegates or the PMO can snooze its reminders.", refused);
        Assert.Contains("Snoozed: I'll remind you about #2 again at 09:00 on Tue 21 Jan 2020.", response);
        var state = (await host.Services.GetRequiredService<IReminderLedger>().GetStatesAsync("odkm"))[Two];
        Assert.Equal(new DateTimeOffset(2020, 1, 21, 9, 0, 0, TimeSpan.Zero), state.SnoozedUntil);
        Assert.Equal((0, 0), (whileSnoozed.Due, whileSnoozed.Sent));
        Assert.Equal((1, 1), (afterwards.Due, afterwards.Sent));
        Assert.Equal(2, connector.Delivered.Count);
    }

    [Fact]
    public async Task Remind_me_Monday_in_chat_snoozes_the_one_reminder_waiting_for_an_answer()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await StartAsync(connector);
        var client = host.CreateClient();
        await InstallAsync(client, connector);
        var before = await ChatAsync(client, connector, "remind me Monday");
        await host.Services.GetRequiredService<ReminderDispatcher>().SweepAsync(CancellationToken.None);

        var reply = await ChatAsync(client, connector, "remind me Monday");
        var named = await ChatAsync(client, connector, "remind me about #2 on 1 June");

        Assert.Equal("You have no reminder waiting for an answer in ODKM. Say which, for example \"remind me Monday about #36\".", before);
        Assert.Equal("Snoozed: I'll remind you about #2 again at 09:00 on Mon 27 Jan 2020.", reply);
        Assert.StartsWith("Mon 1 Jun 2020 is more than 30 days ahead", named);
        var state = (await host.Services.GetRequiredService<IReminderLedger>().GetStatesAsync("odkm"))[Two];
        Assert.Equal(new DateTimeOffset(2020, 1, 27, 9, 0, 0, TimeSpan.Zero), state.SnoozedUntil);
    }

    [Fact]
    public async Task A_connector_refusing_with_429_delays_the_reminder_but_does_not_lose_it()
    {
        await using var connector = await FakeConnector.StartAsync();
        // The connector's retry waits on the host's clock, so this host runs on the real one, pinned to 20 Jan 2020;
        // due Tuesday 28 Jan, the 7-working-days reminder's slot (Friday 17 Jan) has passed whatever the time of day.
        var plan = TestPlans.Small("odkm", milestones: 1);
        plan = plan with { Milestones = [plan.Milestones[0] with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 28)), Owners = [TestPlans.Delivery("Sue Graham")] }] };
        await using var host = await StartAsync(connector, TestTablePrefix.New(), plan, TimeProvider.System, AllDayWindow);
        await InstallAsync(host.CreateClient(), connector);
        connector.RefuseFirst(2, 429, TimeSpan.FromMilliseconds(100));
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();

        var throttled = await dispatcher.SweepAsync(CancellationToken.None);
        var later = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (throttled.Due, throttled.Sent, throttled.Released));
        Assert.Equal((1, 1), (later.Due, later.Sent));
        Assert.Single(connector.Delivered);
    }

    [Fact]
    public async Task A_connector_answering_429_for_a_minute_delays_the_reminder_across_sweeps_and_it_is_sent_once_the_minute_is_over()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await StartAsync(connector, new Dictionary<string, string?> { ["PlanBot:Bot:Connector:MaxAttempts"] = "1" });
        await InstallAsync(host.CreateClient(), connector);
        var time = (FakeTimeProvider)host.Services.GetRequiredService<TimeProvider>();
        var throttledUntil = time.GetUtcNow().AddMinutes(1);
        connector.Script = (_, _) => time.GetUtcNow() < throttledUntil ? new ScriptedAnswer(429, RetryAfter: TimeSpan.FromSeconds(30)) : null;
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();

        var reports = new List<SweepReport>();
        foreach (var wait in new[] { 0, 20, 20, 21 })
        {
            time.Advance(TimeSpan.FromSeconds(wait));
            reports.Add(await dispatcher.SweepAsync(CancellationToken.None));
        }

        Assert.Equal([0, 0, 0, 1], reports.Select(r => r.Sent));
        Assert.Equal([1, 1, 1, 0], reports.Select(r => r.Released));
        Assert.Equal(4, connector.Requests.Count(r => r.Route == RouteKind.SendToConversation));
        Assert.Single(connector.Delivered);
        var state = (await host.Services.GetRequiredService<IReminderLedger>().GetStatesAsync("odkm"))[Two];
        Assert.Null(state.UnreachableReason); // throttling is not the owner being unreachable
    }

    [Fact]
    public async Task Three_hosts_sweeping_the_same_tables_at_once_send_each_reminder_exactly_once()
    {
        await using var connector = await FakeConnector.StartAsync();
        var prefix = TestTablePrefix.New();
        // One milestone per owner, so each reminder is a card of its own (one owner's thirty would come as a listing).
        var plan = TestPlans.Small("odkm", milestones: 30);
        plan = plan with { Milestones = [.. plan.Milestones.Select((m, i) => m with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 29)), Owners = [TestPlans.Delivery($"Owner {i + 1}")] })] };
        await using var first = await StartAsync(connector, prefix, plan, settings: NewChats(connector));
        await using var second = await StartAsync(connector, prefix, plan: null, settings: NewChats(connector));
        await using var third = await StartAsync(connector, prefix, plan: null, settings: NewChats(connector));
        await first.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync(
            [.. Enumerable.Range(1, 30).Select(i => new Person($"Owner {i}", $"owner{i}@nhs.net", $"00000000-0000-0000-0000-{i:D12}"))], "test", null);

        var reports = await Task.WhenAll(new[] { first, second, third }.Select(h => h.Services.GetRequiredService<ReminderDispatcher>().SweepAsync(CancellationToken.None)));

        Assert.Equal(30, reports.Sum(r => r.Sent));
        Assert.Equal(0, reports.Sum(r => r.Released));
        var sent = connector.Delivered.Where(d => d.Route == RouteKind.SendToConversation).Select(d => d.Text!.Split(' ')[1]).ToList();
        Assert.Equal(30, sent.Count);
        Assert.Equal(30, sent.Distinct().Count());
    }

    /// <summary>
    /// A send window covering the whole of each working day, for a host on the real clock (pinned to Monday 20 Jan): the
    /// test is about throttling, and must not depend on the hour it runs.
    /// </summary>
    private static readonly Dictionary<string, string?> AllDayWindow = new()
    {
        ["PlanBot:Reminders:Policy:SendAt"] = "00:00",
        ["PlanBot:Reminders:Policy:SendUntil"] = "23:59:59",
    };

    /// <summary>Settings that let the host open new 1:1 chats through the fake connector.</summary>
    private static Dictionary<string, string?> NewChats(FakeConnector connector) => new() { ["PlanBot:PersonalChats:ServiceUrl"] = connector.ServiceUrl };

    private Task<WebApplicationFactory<Program>> StartAsync(FakeConnector connector, IDictionary<string, string?>? settings = null)
    {
        var plan = TestPlans.Small("odkm", milestones: 2);
        plan = plan with
        {
            Milestones =
            [
                plan.Milestones[0] with { Status = MilestoneStatus.Complete, Rag = Rag.Blue },
                plan.Milestones[1] with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 29)), Owners = [TestPlans.Delivery("Sue Graham")] },
            ],
        };
        return StartAsync(connector, TestTablePrefix.New(), plan, settings: settings);
    }

    /// <summary>A host on the given tables, as at <see cref="Now"/>; with a plan, it is imported and Sue Graham put in the people file.</summary>
    private async Task<WebApplicationFactory<Program>> StartAsync(FakeConnector connector, string prefix, Plan? plan, TimeProvider? time = null,
        IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["PlanBot:Storage:TablePrefix"] = prefix,
            ["PlanBot:Bot:TrustedServiceUrls:0"] = connector.ServiceUrl,
            ["PlanBot:PersonalChats:TenantId"] = Tenant,
            // Two attempts a send, so a throttled send gives up quickly and the next sweep retries it.
            ["PlanBot:Bot:Connector:MaxAttempts"] = "2",
            ["PlanBot:Bot:Connector:BaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var host = BotHost.Start(azurite, all, new FixedBotToken("token-for-the-fake-connector"), time: time ?? new FakeTimeProvider(Now));
        if (plan is null) return host;
        await BotHost.ImportAsync(host, plan);
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync([new Person("Sue Graham", "sue.graham@nhs.net", SueId)], "test", null);
        return host;
    }

    /// <summary>Presses Snooze on a reminder card as Teams would (an adaptiveCard/action invoke); returns the replacement card's JSON.</summary>
    private static async Task<string> SnoozeAsync(HttpClient client, FakeConnector connector, JsonNode snooze, string day, string name, string objectId)
    {
        var invoke = BotHost.Activity("invoke", connector.ServiceUrl);
        invoke["name"] = "adaptiveCard/action";
        invoke["from"] = new JsonObject { ["id"] = "29:" + objectId, ["name"] = name, ["aadObjectId"] = objectId };
        var data = snooze["data"]!.DeepClone().AsObject();
        data["snoozeUntil"] = day;
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = snooze["verb"]!.GetValue<string>(), ["data"] = data } };
        var response = await BotHost.PostAsync(client, invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Sue writes in her personal chat; returns the text of PlanBot's reply.</summary>
    private static async Task<string> ChatAsync(HttpClient client, FakeConnector connector, string text)
    {
        var message = BotHost.Message(text, connector.ServiceUrl);
        message["from"] = new JsonObject { ["id"] = "29:1sue", ["name"] = "Sue Graham", ["aadObjectId"] = SueId };
        var replies = await BotHost.RepliesAsync(await BotHost.PostAsync(client, message));
        return Assert.Single(replies)!["text"]!.GetValue<string>();
    }

    /// <summary>Teams' installationUpdate for Sue's personal chat: PlanBot stores the conversation reference.</summary>
    private static async Task InstallAsync(HttpClient client, FakeConnector connector)
    {
        var install = BotHost.Activity("installationUpdate", connector.ServiceUrl);
        install["action"] = "add";
        install["deliveryMode"] = "expectReplies";
        install["from"] = new JsonObject { ["id"] = "29:1sue", ["name"] = "Sue Graham", ["aadObjectId"] = SueId };
        var response = await BotHost.PostAsync(client, install);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
