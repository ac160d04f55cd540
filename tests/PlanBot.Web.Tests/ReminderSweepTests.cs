using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;
using PlanBot.Web.Reminders;

namespace PlanBot.Web.Tests;

/// <summary>
/// Reminders people do not learn to ignore, through the real dispatcher, Azurite and the fake Teams connector: one sweep
/// decides an instant for everyone, a person gets at most one card per milestone per working day whoever sweeps, nothing
/// goes outside the send window, and several milestones for one person come as one message.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ReminderSweepTests(AzuriteFixture azurite)
{
    private const string Tenant = "tenant-1";

    // Seed 000 (ODKM) as at Thursday 30 January 2020, 09:00 London (GMT): the instant of the issue's report.
    private static readonly DateTimeOffset Thursday0900 = new(2020, 1, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sweeping_seed_000_twice_at_one_instant_sends_nothing_the_second_time()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var seed = await StartWithSeedAsync(connector, TestTablePrefix.New());
        var dispatcher = seed.Host.Services.GetRequiredService<ReminderDispatcher>();

        var first = await dispatcher.SweepAsync(Thursday0900, null, CancellationToken.None);
        var sentFirst = Cards(connector);
        var second = await dispatcher.SweepAsync(Thursday0900, null, CancellationToken.None);
        var later = await dispatcher.SweepAsync(Thursday0900.AddHours(5), null, CancellationToken.None);

        Assert.True(first.Sent >= 15, $"{first}");
        Assert.Equal(first.Sent, Deliveries(sentFirst).Count);
        Assert.Equal((0, 0), (second.Sent, later.Sent));
        Assert.Equal(sentFirst.Count, Cards(connector).Count);
        AssertOneCardPerMilestonePerPerson(connector);
    }

    [Fact]
    public async Task Host_and_command_line_sweeping_the_same_day_send_each_person_one_card_per_milestone()
    {
        await using var connector = await FakeConnector.StartAsync();
        var prefix = TestTablePrefix.New();
        await using var seed = await StartWithSeedAsync(connector, prefix);
        var dispatcher = seed.Host.Services.GetRequiredService<ReminderDispatcher>();
        var cli = new PlanBotProcess(azurite, prefix) { Today = "2020-01-30" };
        var environment = new Dictionary<string, string>
        {
            ["PlanBot__PersonalChats__ServiceUrl"] = connector.ServiceUrl,
            ["PlanBot__PersonalChats__TenantId"] = Tenant,
            ["PlanBot__Bot__TrustedServiceUrls__0"] = connector.ServiceUrl,
        };

        var early = await dispatcher.SweepAsync(new DateTimeOffset(2020, 1, 30, 5, 38, 0, TimeSpan.Zero), null, CancellationToken.None);
        var run = await cli.RunAsync(environment, "remind", "--plan", "odkm", "--at", "2020-01-30T09:00:00Z");
        var afterCli = Cards(connector).Count;
        var host = await dispatcher.SweepAsync(Thursday0900.AddMinutes(5), null, CancellationToken.None);
        var afternoon = await dispatcher.SweepAsync(Thursday0900.AddHours(6), null, CancellationToken.None);

        Assert.Equal((0, 0), (early.Due, early.Sent));
        Assert.Equal(new DateTimeOffset(2020, 1, 30, 9, 0, 0, TimeSpan.Zero), early.NextSendWindow);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(afterCli >= 10, run.Output);
        Assert.Equal((0, 0), (host.Sent, afternoon.Sent));
        Assert.Equal(afterCli, Cards(connector).Count);
        var all = Deliveries(Cards(connector));
        // #43 is due Fri 31 Jan: its superseded 7-working-days slot (Wed 22 Jan) is dropped; only the 1-working-day one goes.
        Assert.Single(all, d => d.Ref == "43" && d.Person == seed.ObjectIdOf("Sati Ubhi"));
        AssertOneCardPerMilestonePerPerson(connector);
    }

    [Fact]
    public async Task Downtime_over_three_slots_sends_one_card_at_the_next_window_and_nothing_after()
    {
        await using var connector = await FakeConnector.StartAsync();
        // Due Mon 6 Jan; chasers on Mon 13, 20 and 27 Jan, all missed; Sue delivers it and answers for it, so the
        // escalation (due since Mon 20 Jan) and the chaser merge into her one card.
        var plan = TestPlans.Small("odkm", milestones: 1);
        plan = plan with { Milestones = [plan.Milestones[0] with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 6)), Owners = [TestPlans.Delivery("Sue Graham"), TestPlans.Accountable("Sue Graham")] }] };
        await using var host = await StartAsync(connector, TestTablePrefix.New(), plan, ["Sue Graham"]);
        var dispatcher = host.Host.Services.GetRequiredService<ReminderDispatcher>();

        var reports = new List<SweepReport>();
        foreach (var at in new[] { "2020-01-27T18:30Z", "2020-01-27T23:00Z", "2020-01-28T07:00Z", "2020-01-28T09:00Z", "2020-01-28T09:05Z", "2020-01-28T15:00Z" })
            reports.Add(await dispatcher.SweepAsync(DateTimeOffset.Parse(at), null, CancellationToken.None));

        Assert.Equal([0, 0, 0, 1, 0, 0], reports.Select(r => r.Sent));
        var card = Assert.Single(Cards(connector));
        Assert.StartsWith("Reminder: #1 Milestone 1 — escalation: no update in the 10 working days since due 6 Jan 2020", card.Text);
        Assert.Contains("; also overdue chaser 3", card.Text);
        Assert.Contains("(slot was Mon 27 Jan 2020)", card.Text);
    }

    [Fact]
    public async Task An_owner_with_five_due_gets_one_message_listing_them_and_each_Update_button_opens_the_update_card()
    {
        await using var connector = await FakeConnector.StartAsync();
        // Five milestones due Wed 29 Jan, all Sue's: on Mon 20 Jan at 10:00 each is at its 7-working-days slot.
        var plan = TestPlans.Small("odkm", milestones: 5);
        plan = plan with { Milestones = [.. plan.Milestones.Select(m => m with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 29)), Owners = [TestPlans.Delivery("Sue Graham")] })] };
        await using var host = await StartAsync(connector, TestTablePrefix.New(), plan, ["Sue Graham"]);
        var dispatcher = host.Host.Services.GetRequiredService<ReminderDispatcher>();

        var report = await dispatcher.SweepAsync(new DateTimeOffset(2020, 1, 20, 10, 0, 0, TimeSpan.Zero), null, CancellationToken.None);

        Assert.Equal((5, 5, 1), (report.Due, report.Sent, report.Messages));
        var message = Assert.Single(Cards(connector));
        Assert.Equal("Reminder: 5 milestones need your update: #1, #2, #3, #4 and #5.", message.Text);
        var card = BotHost.Card(message.Body);
        var buttons = Buttons(card).ToList();
        Assert.Equal(["update #1", "update #2", "update #3", "update #4", "update #5"], buttons.Select(b => b["command"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("odkm", b["planId"]!.GetValue<string>()));

        // Pressing "Update #3": Teams posts a message with the button's data; the update card for #3 comes back.
        var press = BotHost.Message("update #3", connector.ServiceUrl);
        press["from"] = new JsonObject { ["id"] = "29:sue", ["name"] = "Sue Graham", ["aadObjectId"] = host.ObjectIdOf("Sue Graham") };
        press["value"] = buttons[2].DeepClone();
        var response = await BotHost.PostAsync(host.Host.CreateClient(), press);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = BotHost.Card(Assert.Single(await BotHost.RepliesAsync(response)));
        var save = form["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.Execute")!;
        Assert.Equal(("odkm", "3"), (save["data"]!["planId"]!.GetValue<string>(), save["data"]!["ref"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Three_hosts_sweeping_one_owners_thirty_milestones_at_once_list_each_milestone_exactly_once()
    {
        await using var connector = await FakeConnector.StartAsync();
        var prefix = TestTablePrefix.New();
        var plan = TestPlans.Small("odkm", milestones: 30);
        plan = plan with { Milestones = [.. plan.Milestones.Select(m => m with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 29)), Owners = [TestPlans.Delivery("Sue Graham")] })] };
        await using var first = await StartAsync(connector, prefix, plan, ["Sue Graham"]);
        await using var second = await StartAsync(connector, prefix, plan: null, []);
        await using var third = await StartAsync(connector, prefix, plan: null, []);
        var at = new DateTimeOffset(2020, 1, 20, 10, 0, 0, TimeSpan.Zero);

        var reports = await Task.WhenAll(new[] { first, second, third }.Select(h => h.Host.Services.GetRequiredService<ReminderDispatcher>().SweepAsync(at, null, CancellationToken.None)));

        Assert.Equal(30, reports.Sum(r => r.Sent));
        var listed = Deliveries(Cards(connector)).Select(d => d.Ref).ToList();
        Assert.Equal(30, listed.Count);
        Assert.Equal(30, listed.Distinct().Count());
        Assert.InRange(Cards(connector).Count, 2, 6); // each host lists what it claimed, 20 to a message
    }

    /// <summary>A host as at <see cref="Thursday0900"/> with seed 000 imported and every owner it names in the people file, chats opened on demand.</summary>
    private async Task<StartedHost> StartWithSeedAsync(FakeConnector connector, string prefix)
    {
        var workbook = TrackerFileReader.Read(Path.Combine(RepositoryRoot.Path, "samples", "odkm-2019-20.txt"));
        var plan = new TrackerImporter().Import(workbook, new TrackerImportOptions { PlanId = "odkm" }).Plan!;
        var names = plan.Milestones.SelectMany(m => m.Owners).Select(o => o.Name).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase);
        return await StartAsync(connector, prefix, plan, [.. names]);
    }

    private async Task<StartedHost> StartAsync(FakeConnector connector, string prefix, Plan? plan, IReadOnlyList<string> people)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PlanBot:Storage:TablePrefix"] = prefix,
            ["PlanBot:Bot:TrustedServiceUrls:0"] = connector.ServiceUrl,
            ["PlanBot:PersonalChats:TenantId"] = Tenant,
            ["PlanBot:PersonalChats:ServiceUrl"] = connector.ServiceUrl,
            ["PlanBot:Today"] = "",
        };
        var host = BotHost.Start(azurite, settings, new FixedBotToken("token-for-the-fake-connector"), time: new FakeTimeProvider(Thursday0900));
        var started = new StartedHost(host, people.Select((name, i) => new Person(name, $"owner{i}@nhs.net", $"00000000-0000-0000-0000-{i + 1:D12}")).ToList());
        if (plan is null) return started;
        await BotHost.ImportAsync(host, plan);
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync(started.People, "test", null);
        return started;
    }

    private sealed record StartedHost(WebApplicationFactory<Program> Host, IReadOnlyList<Person> People) : IAsyncDisposable
    {
        public string ObjectIdOf(string name) => People.Single(p => p.Name == name).AadObjectId!;

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    private static List<ReceivedRequest> Cards(FakeConnector connector) => [.. connector.Delivered.Where(d => d.Route == RouteKind.SendToConversation)];

    /// <summary>Every milestone each message is about, with the person it went to (the chat is "a:conversation-with-{object id}").</summary>
    private static List<(string Person, string Ref)> Deliveries(IEnumerable<ReceivedRequest> messages) =>
    [
        .. messages.SelectMany(m =>
        {
            var person = m.ConversationId!.Replace("a:conversation-with-", "", StringComparison.Ordinal);
            var card = BotHost.Card(m.Body);
            var listed = Buttons(card).Select(b => b["command"]!.GetValue<string>()["update #".Length..]).ToList();
            if (listed.Count > 0) return listed.Select(r => (person, r));
            var save = card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.Execute")!;
            return [(person, save["data"]!["ref"]!.GetValue<string>())];
        }),
    ];

    /// <summary>The data of every Update button in a listing card.</summary>
    private static IEnumerable<JsonObject> Buttons(JsonNode card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]?.GetValue<string>() == "Container")
            .SelectMany(c => c["items"]!.AsArray().OfType<JsonObject>())
            .Where(i => i["type"]?.GetValue<string>() == "ActionSet")
            .SelectMany(s => s["actions"]!.AsArray().OfType<JsonObject>())
            .Select(a => a["data"]!.AsObject());

    private static void AssertOneCardPerMilestonePerPerson(FakeConnector connector)
    {
        var deliveries = Deliveries(Cards(connector));
        var repeated = deliveries.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => $"#{g.Key.Ref} to {g.Key.Person} ×{g.Count()}").ToList();
        Assert.True(repeated.Count == 0, string.Join(", ", repeated));
    }
}

/// <summary>The reminder policy is configuration, checked when the host starts; and a sweep that reaches nobody says why once.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ReminderPolicySettingsTests(AzuriteFixture azurite)
{
    [Fact]
    public void A_host_with_an_unusable_reminder_policy_does_not_start_and_names_each_setting()
    {
        using var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["PlanBot:Reminders:Policy:WorkingDaysBefore"] = "14, seven",
            ["PlanBot:Reminders:Policy:SendAt"] = "9am",
            ["PlanBot:Reminders:Policy:WorkingDays"] = "Monday, Funday",
        });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => host.CreateClient());

        Assert.Equal(
        [
            "PlanBot:Reminders:Policy:WorkingDaysBefore is '14, seven': 'seven' is not a whole number of working days; write them separated by commas, e.g. 14, 7, 1.",
            "PlanBot:Reminders:Policy:SendAt is '9am': write a London time of day as HH:mm, e.g. 09:00.",
            "PlanBot:Reminders:Policy:WorkingDays is 'Monday, Funday': 'Funday' is not a weekday; write them separated by commas, e.g. Monday, Tuesday, Wednesday, Thursday, Friday.",
        ], error.Failures);
    }

    [Fact]
    public async Task A_configured_policy_decides_the_sweeps_window_and_slots()
    {
        using var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["PlanBot:Reminders:Policy:WorkingDaysBefore"] = "3",
            ["PlanBot:Reminders:Policy:EscalateAfterWorkingDays"] = "",
            ["PlanBot:Reminders:Policy:SendAt"] = "10:30",
            ["PlanBot:Reminders:Policy:SendUntil"] = "12:00",
        });
        var plan = TestPlans.Small("odkm", milestones: 1);
        await BotHost.ImportAsync(host, plan with { Milestones = [plan.Milestones[0] with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 29)), Owners = [TestPlans.Delivery("Sue Graham")] }] });
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();
        var planner = host.Services.GetRequiredService<PlanBot.Core.Reminders.ReminderPlanner>();

        var before = await dispatcher.SweepAsync(new DateTimeOffset(2020, 1, 24, 10, 0, 0, TimeSpan.Zero), null, CancellationToken.None);
        var inWindow = await dispatcher.SweepAsync(new DateTimeOffset(2020, 1, 24, 10, 30, 0, TimeSpan.Zero), null, CancellationToken.None);

        Assert.Null(planner.Policy.EscalateAfterWorkingDays);
        Assert.Equal(new DateTimeOffset(2020, 1, 24, 10, 30, 0, TimeSpan.Zero), before.NextSendWindow);
        // Friday 24 Jan is 3 working days before Wednesday 29 Jan: due, but Sue cannot be reached here (no people file).
        Assert.Equal(1, inWindow.Due);
        Assert.Null(inWindow.NextSendWindow);
    }

    [Fact]
    public async Task In_local_mode_a_sweep_that_reaches_nobody_says_why_and_how_once_then_stays_quiet()
    {
        var log = new CollectingLoggerProvider();
        await using var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            // As scripts/run.sh runs it: no MicrosoftAppId or tenant, opening chats left at its default.
            ["PlanBot:PersonalChats:ServiceUrl"] = "https://smba.trafficmanager.net/teams/",
        }).WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(log)));
        var plan = TestPlans.Small("odkm", milestones: 2);
        await BotHost.ImportAsync(host, plan with { Milestones = [.. plan.Milestones.Select(m => m with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 29)), Owners = [TestPlans.Delivery("Sue Graham")] })] });
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync([new Person("Sue Graham", "sue.graham@nhs.net", "11111111-1111-1111-1111-111111111111")], "test", null);
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();

        var reports = new List<SweepReport>();
        foreach (var minutes in new[] { 0, 0, 5, 10 })
            reports.Add(await dispatcher.SweepAsync(new DateTimeOffset(2020, 1, 20, 10, minutes, 0, TimeSpan.Zero), null, CancellationToken.None));

        Assert.All(reports, r => Assert.Equal((2, 0, 2), (r.Due, r.Sent, r.Released)));
        var said = Assert.Single(log.Messages, m => m.StartsWith("Reminder sweep reached nobody", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Messages, m => m.StartsWith("Reminder sweep:", StringComparison.Ordinal));
        Assert.StartsWith("Reminder sweep reached nobody: 2 due, 2 not delivered, because PlanBot is in local mode (no MicrosoftAppId); no Teams tenant is set", said);
        Assert.Contains("no 1:1 chat with them is stored, and with no Teams tenant set PlanBot cannot open one (2)", said);
        Assert.Contains("To reach people:", said);
    }

    private sealed class CollectingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Collector(_messages);

        public void Dispose()
        {
        }

        private sealed class Collector(System.Collections.Concurrent.ConcurrentQueue<string> messages) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Information;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) messages.Enqueue(formatter(state, exception));
            }
        }
    }
}
