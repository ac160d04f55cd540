using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Updates;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using PlanBot.Web.Digests;

namespace PlanBot.Web.Tests;

/// <summary>
/// Weekly digests end to end through the real host: subscribing in chat, then sweeps on a fake clock sending each digest
/// once, at its time, to the fake Teams connector, with the week's snapshot taken on the way.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DigestSubscriptionTests(AzuriteFixture azurite)
{
    private static readonly Person Ann = new("Ann Lee", "ann.lee@nhs.net", "aaaaaaaa-0000-0000-0000-000000000001", [PersonRoles.PmoAdmin]);
    private static readonly Person Sue = new("Sue Graham", "sue.graham@nhs.net", "aaaaaaaa-0000-0000-0000-000000000002", [PersonRoles.Chair]);
    private static readonly Person Bob = new("Bob Smith", "bob.smith@nhs.net", "aaaaaaaa-0000-0000-0000-000000000003", [PersonRoles.Director]);
    private static readonly Person Carl = new("Carl Jones", "carl.jones@nhs.net", "aaaaaaaa-0000-0000-0000-000000000004");

    // Monday 20 Jan 2020, 07:00 in London (GMT, so UTC too): an hour before the default digest time.
    private static readonly DateTimeOffset Monday7am = new(2020, 1, 20, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Subscribing_replacing_listing_and_stopping_ones_own_digest_in_chat()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await StartAsync(connector);
        var client = host.CreateClient();

        var friday = await SayAsync(client, connector, Carl, "send me the weekly digest for Finance every Friday at 7:30am");
        var monday = await SayAsync(client, connector, Carl, "send me the weekly digest");
        var listed = await SayAsync(client, connector, Carl, "my digests");
        var stopped = await SayAsync(client, connector, Carl, "stop the digest");
        var again = await SayAsync(client, connector, Carl, "stop the digest");
        var none = await SayAsync(client, connector, Carl, "my digests");
        var badTime = await SayAsync(client, connector, Carl, "digest every Friday at 25pm");

        Assert.Equal("Done: I'll send you the weekly digest of ODKM (Finance) every Friday at 7:30am UK time, first on Fri 24 Jan 2020."
            + " Say \"stop the digest\" to stop it, or \"digest now\" to see this week's.", friday);
        Assert.Equal("Done: I'll send you the weekly digest of ODKM (your milestones) every Monday at 8am UK time, first on Mon 20 Jan 2020."
            + " This replaces the digest every Friday at 7:30am for Finance. Say \"stop the digest\" to stop it, or \"digest now\" to see this week's.", monday);
        Assert.Equal("Your weekly digests of ODKM (UK time):\n\n- Carl Jones: what their role covers, every Monday at 8am", listed);
        Assert.Equal("Done: I've stopped your weekly digest of ODKM. Say \"send me the weekly digest\" to start it again.", stopped);
        Assert.Equal("You don't get a weekly digest of ODKM. Nothing was changed.", again);
        Assert.Equal("You don't get a weekly digest of ODKM. Say \"send me the weekly digest\" to start one.", none);
        Assert.Equal("I couldn't read the time \"25pm\". Say a time such as 8am, 7:30am or 17:00 (UK time). Nothing was changed.", badTime);
    }

    [Fact]
    public async Task Only_a_PMO_admin_subscribes_a_role_and_a_chair_cannot_stop_what_the_PMO_set_up()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await StartAsync(connector);
        var client = host.CreateClient();

        var refused = await SayAsync(client, connector, Carl, "send the weekly digest to chairs");
        var chairs = await SayAsync(client, connector, Ann, "send the weekly digest to chairs");
        var directors = await SayAsync(client, connector, Ann, "send the weekly digest to directors on Tuesdays at 9am");
        var listed = await SayAsync(client, connector, Ann, "who gets the digest");
        var chairStops = await SayAsync(client, connector, Sue, "stop the digest");
        var adminStops = await SayAsync(client, connector, Ann, "stop the digest for directors");

        Assert.Equal("Only PMO admins can send the digest to everyone with the role Chair. Ask your PMO. "
            + "If you are a PMO admin, ask another to add your Microsoft Entra object id to PlanBot's people file. You can say \"send me the weekly digest\" for yourself.", refused);
        Assert.DoesNotContain("Ann Lee", refused); // never the name of someone who may act
        Assert.Equal("Done: everyone with the role Chair will get the weekly digest of ODKM (the whole plan) every Monday at 8am UK time, first on Mon 20 Jan 2020."
            + " That is now Sue Graham; the people file decides each week.", chairs);
        Assert.Equal("Done: everyone with the role Director will get the weekly digest of ODKM (each director's own areas) every Tuesday at 9am UK time, first on Tue 21 Jan 2020."
            + " That is now Bob Smith; the people file decides each week.", directors);
        Assert.Equal("Weekly digests of ODKM (UK time):\n\n- everyone with the role Chair: the whole plan, every Monday at 8am"
            + "\n- everyone with the role Director: each director's own areas, every Tuesday at 9am", listed);
        Assert.Equal("You get the weekly digest of ODKM as Chair, which the PMO set up; ask a PMO admin to stop it for you.", chairStops);
        Assert.Equal("Done: everyone with the role Director will no longer get the weekly digest of ODKM, unless they asked for it themselves.", adminStops);
    }

    [Fact]
    public async Task Each_digest_goes_out_once_at_its_time_across_two_hosts_and_next_week_compares_with_the_snapshot_taken_this_week()
    {
        await using var connector = await FakeConnector.StartAsync();
        var prefix = TestTablePrefix.New();
        var time = new FakeTimeProvider(Monday7am);
        await using var first = await StartAsync(connector, prefix, time);
        await using var second = await StartAsync(connector, prefix, time, importPlan: false);
        var client = first.CreateClient();
        await SayAsync(client, connector, Ann, "send the weekly digest to chairs");
        await SayAsync(client, connector, Ann, "send the weekly digest to directors");
        await SayAsync(client, connector, Sue, "send me the weekly digest"); // her own, so she gets one digest, not two
        await SayAsync(client, connector, Carl, "digest for Estates every Friday at 7:30am");
        var chatsBefore = connector.Delivered.Count;

        var early = await SweepBothAsync(first, second);
        time.Advance(TimeSpan.FromHours(1)); // 08:00
        var atEight = await SweepBothAsync(first, second);
        var afterEight = await SweepBothAsync(first, second);
        var monday = Digests(connector, chatsBefore);
        time.Advance(TimeSpan.FromDays(4) - TimeSpan.FromMinutes(30)); // Friday 07:30
        var friday = await SweepBothAsync(first, second);
        var fridayDigests = Digests(connector, chatsBefore).Except(monday).ToList();

        Assert.Equal((0, 0), (early.Due, early.Sent));
        Assert.InRange(early.SnapshotsTaken, 1, 2); // both hosts may take it in the same minute; the store keeps one
        Assert.Equal([new DateOnly(2020, 1, 20)], await first.Services.GetRequiredService<IPlanSnapshotStore>().ListWeeksAsync("odkm"));
        Assert.Equal(2, atEight.Sent);
        Assert.Equal(0, atEight.Released);
        Assert.Equal((0, 0), (afterEight.Due, afterEight.Sent));
        Assert.Equal(["Bob Smith", "Sue Graham"], monday.Select(d => d.Recipient).Order());
        Assert.Contains("the whole plan", monday.Single(d => d.Recipient == "Sue Graham").Card);
        Assert.Contains("Finance", monday.Single(d => d.Recipient == "Bob Smith").Card);
        Assert.DoesNotContain("#3", monday.Single(d => d.Recipient == "Bob Smith").Card);
        Assert.Equal(1, friday.Sent);
        var carls = Assert.Single(fridayDigests);
        Assert.Equal("Carl Jones", carls.Recipient);
        Assert.Contains("Estates", carls.Card);

        // Next Monday: #3 has been completed since the snapshot taken last Monday.
        var updated = await first.Services.GetRequiredService<MilestoneUpdateService>().UpdateAsync(
            "odkm", MilestoneRef.Parse("3"), revision: null, new MilestoneUpdate { Status = MilestoneStatus.Complete }, new UpdateAuthor(Carl.Name, Carl.AadObjectId), "card");
        Assert.Equal(UpdateResultKind.Saved, updated.Kind);
        time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(30)); // Monday 27 Jan, 08:00
        var nextWeek = await SweepBothAsync(first, second);
        var sues = Digests(connector, chatsBefore).Where(d => d.Recipient == "Sue Graham").ToList();

        Assert.Equal(2, nextWeek.Sent);
        Assert.InRange(nextWeek.SnapshotsTaken, 1, 2);
        Assert.Equal([new DateOnly(2020, 1, 20), new DateOnly(2020, 1, 27)], (await first.Services.GetRequiredService<IPlanSnapshotStore>().ListWeeksAsync("odkm")).Order());
        Assert.Equal(2, sues.Count);
        Assert.StartsWith("Weekly digest for ODKM, week of 27 Jan 2020:", sues[1].Text);
        Assert.Contains("1 completed this week", sues[1].Text);
    }

    [Fact]
    public async Task A_chair_nobody_can_reach_is_named_to_the_admin_reported_and_given_up_after_the_configured_tries()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.PersonalAppInstalledFor = new(); // nobody has the app, and PlanBot may not install it
        var time = new FakeTimeProvider(Monday7am.AddHours(1));
        await using var host = await StartAsync(connector, TestTablePrefix.New(), time, settings: new Dictionary<string, string?> { ["PlanBot:Digests:MaxAttempts"] = "2" });
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync(
            [Ann, Sue, new Person("Dee Patel", "dee.patel@nhs.net", null, [PersonRoles.Chair])], "test", null);
        var subscribed = await SayAsync(host.CreateClient(), connector, Ann, "send the weekly digest to chairs", expectReplies: true);
        var dispatcher = host.Services.GetRequiredService<DigestDispatcher>();

        var firstTry = await dispatcher.SweepAsync(CancellationToken.None);
        var secondTry = await dispatcher.SweepAsync(CancellationToken.None);
        var afterwards = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal("Done: everyone with the role Chair will get the weekly digest of ODKM (the whole plan) every Monday at 8am UK time, first on Mon 20 Jan 2020."
            + " That is now Dee Patel and Sue Graham; the people file decides each week."
            + " I can't reach 1 of them yet, so they won't get it until the people file is fixed: Dee Patel, no Teams account (the people file gives no AadObjectId).",
            subscribed);
        Assert.Equal((1, 0, 1, 0), (firstTry.Due, firstTry.Sent, firstTry.Released, firstTry.GivenUp));
        Assert.Equal((1, 0, 0, 1), (secondTry.Due, secondTry.Sent, secondTry.Released, secondTry.GivenUp));
        Assert.Equal((0, 0, 1), (afterwards.Sent, afterwards.GivenUp + afterwards.Released, afterwards.ClaimedElsewhere));
        Assert.Contains(firstTry.Unreachable, line => line.StartsWith("odkm digest for Sue Graham: PlanBot is not installed for them", StringComparison.Ordinal));
        Assert.Contains(firstTry.Unreachable, line => line.StartsWith("odkm digest for Dee Patel (Chair):", StringComparison.Ordinal));
        Assert.DoesNotContain(connector.Delivered, d => d.Route == RouteKind.SendToConversation);
    }

    [Fact]
    public async Task A_chair_with_a_subscription_of_their_own_on_another_day_gets_only_that_one()
    {
        await using var connector = await FakeConnector.StartAsync();
        var time = new FakeTimeProvider(Monday7am);
        await using var host = await StartAsync(connector, TestTablePrefix.New(), time);
        var client = host.CreateClient();
        await SayAsync(client, connector, Ann, "send the weekly digest to chairs");
        await SayAsync(client, connector, Sue, "send me the weekly digest every Friday");
        var dispatcher = host.Services.GetRequiredService<DigestDispatcher>();

        time.Advance(TimeSpan.FromHours(1)); // Monday 08:00: the chairs' digest is due, but Sue has her own
        var monday = await dispatcher.SweepAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromDays(4)); // Friday 08:00
        var friday = await dispatcher.SweepAsync(CancellationToken.None);

        Assert.Equal((0, 0), (monday.Due, monday.Sent));
        Assert.Equal((1, 1), (friday.Due, friday.Sent));
        Assert.Equal(["Sue Graham"], Digests(connector, 0).Select(d => d.Recipient));
    }

    /// <summary>The plan: #1 and #2 in Finance (Bob Smith accountable), #3 and #4 in Estates (Carl Jones delivers #3).</summary>
    private static Plan Plan()
    {
        var plan = TestPlans.Small("odkm", milestones: 4);
        return plan with
        {
            Milestones =
            [
                plan.Milestones[0] with { Department = "Finance", Owners = [TestPlans.Delivery("Alex Morgan"), TestPlans.Accountable("Bob Smith")] },
                plan.Milestones[1] with { Department = "Finance", Owners = [TestPlans.Delivery("Alex Morgan"), TestPlans.Accountable("Bob Smith")] },
                plan.Milestones[2] with { Department = "Estates", Owners = [TestPlans.Delivery("Carl Jones"), TestPlans.Accountable("Dee Patel")] },
                plan.Milestones[3] with { Department = "Estates", Owners = [TestPlans.Delivery("Alex Morgan"), TestPlans.Accountable("Dee Patel")] },
            ],
        };
    }

    private Task<WebApplicationFactory<Program>> StartAsync(FakeConnector connector) =>
        StartAsync(connector, TestTablePrefix.New(), new FakeTimeProvider(Monday7am));

    /// <summary>A host on the given tables and clock, talking to the fake connector, with the plan and the people stored.</summary>
    private async Task<WebApplicationFactory<Program>> StartAsync(
        FakeConnector connector, string prefix, TimeProvider time, bool importPlan = true, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["PlanBot:Storage:TablePrefix"] = prefix,
            // Not pinned to a date, so the fake clock moves through the week.
            ["PlanBot:Today"] = "",
            ["PlanBot:Bot:TrustedServiceUrls:0"] = connector.ServiceUrl,
            ["PlanBot:PersonalChats:TenantId"] = "tenant-1",
            // Someone who never wrote to PlanBot gets a chat opened through the fake connector.
            ["PlanBot:PersonalChats:ServiceUrl"] = connector.ServiceUrl,
            ["PlanBot:Bot:Connector:MaxAttempts"] = "2",
            ["PlanBot:Bot:Connector:BaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var host = BotHost.Start(azurite, all, new FixedBotToken("token-for-the-fake-connector"), time: time);
        if (!importPlan) return host;
        await BotHost.ImportAsync(host, Plan());
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync([Ann, Sue, Bob, Carl], "test", null);
        return host;
    }

    /// <summary>
    /// Says <paramref name="text"/> in the person's 1:1 chat; returns the reply's text. The chat's reference is stored as
    /// Teams' would be, so later digests go to it through the fake connector.
    /// </summary>
    private static async Task<string> SayAsync(HttpClient client, FakeConnector connector, Person person, string text, bool expectReplies = true)
    {
        var message = BotHost.Message(text, connector.ServiceUrl, expectReplies);
        message["from"] = new JsonObject { ["id"] = "29:" + person.AadObjectId, ["name"] = person.Name, ["aadObjectId"] = person.AadObjectId };
        message["conversation"] = new JsonObject { ["id"] = "a:personal-" + person.AadObjectId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
        var replies = await BotHost.RepliesAsync(await BotHost.PostAsync(client, message));
        return Assert.Single(replies)!["text"]!.GetValue<string>();
    }

    private static async Task<DigestSweepReport> SweepBothAsync(WebApplicationFactory<Program> first, WebApplicationFactory<Program> second)
    {
        var reports = await Task.WhenAll(new[] { first, second }.Select(h => h.Services.GetRequiredService<DigestDispatcher>().SweepAsync(CancellationToken.None)));
        return new DigestSweepReport(
            reports.Sum(r => r.Due), reports.Sum(r => r.Sent), reports.Sum(r => r.Released), reports.Sum(r => r.GivenUp),
            reports.Sum(r => r.ClaimedElsewhere), reports.Sum(r => r.SnapshotsTaken), [.. reports.SelectMany(r => r.Unreachable)]);
    }

    /// <summary>The digests the fake connector received after the first <paramref name="skip"/> requests, by whose chat they went to.</summary>
    private static List<(string Recipient, string Text, string Card)> Digests(FakeConnector connector, int skip)
    {
        // A chat the person wrote in, or one PlanBot opened (the fake connector names those "a:conversation-with-<id>").
        var names = new[] { Ann, Sue, Bob, Carl }.SelectMany(p => new[] { ("a:personal-" + p.AadObjectId, p.Name), ("a:conversation-with-" + p.AadObjectId, p.Name) })
            .ToDictionary(c => c.Item1, c => c.Item2);
        return [.. connector.Delivered.Skip(skip)
            .Where(d => d.Route == RouteKind.SendToConversation && d.Text?.StartsWith("Weekly digest", StringComparison.Ordinal) == true)
            .Select(d => (names[d.ConversationId!], d.Text!, d.Body!["attachments"]![0]!["content"]!.ToJsonString()))];
    }
}
