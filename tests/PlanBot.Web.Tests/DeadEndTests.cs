using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.People;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>
/// Replies through the real host that leave the user somewhere to go: no "nothing was saved" when nothing was
/// submitted, no example the user would only be refused on, no card of zeros, no command-line tool told to a Teams user.
/// A three-milestone plan as at 20 Jan 2020: #2 is Sue Graham's (tied to her object id), #1 is in Finance.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DeadEndTests(AzuriteFixture azurite)
{
    private const string SueId = "11111111-1111-1111-1111-111111111111";
    private const string MarkId = "55555555-5555-5555-5555-555555555555";

    [Fact]
    public async Task Asking_to_update_a_milestone_you_cannot_update_does_not_say_nothing_was_saved()
    {
        await using var host = await StartAsync();

        var reply = await SayAsync(host, "update #2", "Mark Balaam", MarkId);

        Assert.Contains("not one of #2's owners, their delegates or the PMO admins", Text(reply));
        Assert.DoesNotContain("saved", Text(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plain_update_from_someone_who_owns_nothing_suggests_no_milestone_they_would_be_refused()
    {
        await using var host = await StartAsync();

        var reply = await SayAsync(host, "update", "Mark Balaam", MarkId);

        Assert.StartsWith("I can't find any open milestones of yours in ODKM", Text(reply));
        Assert.DoesNotContain("#", Text(reply));
        Assert.Null(reply["attachments"]);
    }

    [Fact]
    public async Task Plain_update_from_an_owner_offers_their_milestones()
    {
        await using var host = await StartAsync();

        var reply = await SayAsync(host, "update", "Sue Graham", SueId);

        Assert.StartsWith("Which milestone would you like to update?", Text(reply));
        Assert.Contains("update #2", BotHost.Card(reply).ToJsonString());
    }

    [Fact]
    public async Task Digest_now_for_someone_who_owns_nothing_says_so_and_offers_an_area_instead_of_a_card_of_zeros()
    {
        await using var host = await StartAsync();

        var reply = await SayAsync(host, "digest now", "Mark Balaam", MarkId);

        Assert.Equal("I can't find any milestones of yours in ODKM, so your digest would be all zeros. "
            + "Say \"digest for Finance\" to follow an area instead, or ask me \"what's overdue?\".", Text(reply));
        Assert.Null(reply["attachments"]);
    }

    [Fact]
    public async Task A_digest_for_an_area_the_plan_does_not_have_says_so()
    {
        await using var host = await StartAsync();

        var reply = await SayAsync(host, "digest for Narnia", "Mark Balaam", MarkId);

        Assert.StartsWith("No milestones in ODKM are in Narnia, so that digest would be all zeros.", Text(reply));
    }

    [Fact]
    public async Task Subscribing_someone_who_owns_nothing_subscribes_them_with_a_warning()
    {
        await using var host = await StartAsync();

        var reply = await SayAsync(host, "send me the weekly digest", "Mark Balaam", MarkId);

        Assert.StartsWith("Done: I'll send you the weekly digest of ODKM", Text(reply));
        Assert.Contains("Note: I can't find any milestones of yours in ODKM", Text(reply));
    }

    [Fact]
    public async Task Subscribing_an_owner_gives_no_warning()
    {
        await using var host = await StartAsync();

        var reply = await SayAsync(host, "send me the weekly digest", "Sue Graham", SueId);

        Assert.DoesNotContain("Note:", Text(reply));
    }

    [Fact]
    public async Task The_board_pack_refusal_names_no_command_line_tool()
    {
        await using var host = await StartAsync();

        var reply = await SayAsync(host, "board pack", "Mark Balaam", MarkId);

        Assert.StartsWith("Only PMO admins can ask for the board pack.", Text(reply));
        Assert.DoesNotContain("planbot ", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("import", Text(reply), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("command", Text(reply), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<WebApplicationFactory<Program>> StartAsync()
    {
        var host = BotHost.Start(azurite);
        var plan = TestPlans.Small("odkm", milestones: 3);
        plan = plan with
        {
            Milestones = [plan.Milestones[0] with { Department = "Finance" }, plan.Milestones[1] with { Owners = [TestPlans.Delivery("Sue Graham")] }, plan.Milestones[2]],
        };
        await BotHost.ImportAsync(host, plan);
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync([new Person("Sue Graham", "sue.graham@nhs.net", SueId)], "test", null);
        return host;
    }

    private static async Task<JsonObject> SayAsync(WebApplicationFactory<Program> host, string text, string from, string aadObjectId)
    {
        var message = BotHost.Message(text);
        message["from"] = new JsonObject { ["id"] = "29:1" + from.Replace(" ", ""), ["name"] = from, ["aadObjectId"] = aadObjectId };
        return Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(host.CreateClient(), message)))!.AsObject();
    }

    private static string Text(JsonObject reply) => reply["text"]!.GetValue<string>();
}
