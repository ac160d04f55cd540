using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>"digest now" over /api/messages: the digest composed against last week's stored snapshot.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DigestChatTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_chair_asking_for_the_digest_now_gets_the_whole_plan_compared_with_last_weeks_snapshot()
    {
        await using var host = BotHost.Start(azurite);
        var plan = TestPlans.Small("odkm", milestones: 3);
        // Last week (as at 13 Jan) #1 was on track and not yet due; now it is overdue (due 17 Jan). #2 was overdue and is now
        // complete; #3 was and is overdue.
        var lastWeek = plan with { Milestones = [plan.Milestones[0] with { Due = TrackerDate.Exact(new DateOnly(2020, 1, 17)), Status = MilestoneStatus.OnTrack }, plan.Milestones[1], plan.Milestones[2]] };
        var now = lastWeek with { Milestones = [lastWeek.Milestones[0], plan.Milestones[1] with { Status = MilestoneStatus.Complete }, plan.Milestones[2]] };
        await BotHost.ImportAsync(host, now);
        await host.Services.GetRequiredService<IPlanSnapshotStore>().SaveAsync(PlanSnapshot.Take(lastWeek, new DateOnly(2020, 1, 13), DateTimeOffset.UnixEpoch));
        // The chair is recognised by her Entra object id, which the people file ties to the role.
        const string SueId = "11111111-1111-1111-1111-111111111111";
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync([new Person("Sue Graham", "sue.graham@nhs.net", SueId, [PersonRoles.Chair])], "test", null);
        var client = host.CreateClient();
        var message = BotHost.Message("digest now");
        message["from"] = new JsonObject { ["id"] = "29:1sue", ["name"] = "Sue Graham", ["aadObjectId"] = SueId };

        var replies = await BotHost.RepliesAsync(await BotHost.PostAsync(client, message));

        var reply = Assert.Single(replies)!;
        var text = reply["text"]!.GetValue<string>();
        Assert.Equal("Weekly digest for ODKM, week of 20 Jan 2020: 2 overdue (±0), 0 newly delayed, 1 completed this week, 0 due in the next two weeks.", text);
        var card = BotHost.Card(reply).ToJsonString();
        Assert.Contains("the whole plan", card);
        Assert.Contains("#1", card);
    }
}
