using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.Plans;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>
/// The monthly cycle on the sample tracker (seed 000): an update saved from the card in the real host, then the PMO
/// re-imports its tracker with the real `planbot import` against the same Azurite tables. The re-import merges field by
/// field: what only the file changed is taken, what only Teams changed is kept, what both changed is a conflict.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ReimportAfterUpdateTests(AzuriteFixture azurite) : IDisposable
{
    private const string PmoId = "aad-pmo-admin";
    private static readonly MilestoneRef FortyThree = MilestoneRef.Parse("43");
    private static readonly MilestoneRef FortyFour = MilestoneRef.Parse("44");

    private readonly string _folder = Directory.CreateTempSubdirectory("planbot-cycle-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_same_file_keeps_the_card_update_another_milestone_change_is_taken_and_a_clash_keeps_the_update()
    {
        var (planbot, host) = await StartAsync();
        await using var _ = host;
        await SaveDelayFromCardAsync(host);
        var store = host.Services.GetRequiredService<IPlanStore>();

        var same = await planbot.RunAsync("import", Tracker(), "--plan", "odkm");

        Assert.True(same.ExitCode == 0, same.All);
        Assert.Contains("0 added, 0 changed, 0 removed, 55 unchanged", same.Output);
        Assert.Contains("4 field(s) updated in Teams since the last import are kept", same.Output);
        await AssertUpdateKeptAsync(store);

        var other = await planbot.RunAsync("import", Tracker(("44", "On-Track for agreed revised date", "Complete")), "--plan", "odkm");

        Assert.True(other.ExitCode == 0, other.All);
        Assert.Contains("0 added, 1 changed, 0 removed, 54 unchanged", other.Output);
        Assert.Contains("~ #44 Status: OnTrack → Complete; StatusText: On-Track for agreed revised d… → Complete", other.Output);
        Assert.Equal(MilestoneStatus.Complete, (await store.GetMilestoneAsync("odkm", FortyFour))!.Status);
        await AssertUpdateKeptAsync(store);

        var clash = await planbot.RunAsync("import",
            Tracker(("44", "On-Track for agreed revised date", "Complete"), ("43", "31-Jan-20", "31-Jan-20 rev 28-Feb-20")), "--plan", "odkm");

        Assert.True(clash.ExitCode == 0, clash.All);
        Assert.Contains("1 conflict(s): the file and Teams both changed these since the last import; 1 kept from Teams, 0 taken from the file.", clash.Output);
        Assert.Contains("! #43 RevisedDue: Teams 2020-03-31 (Pat Admin, ", clash.Output);
        Assert.Contains("file 28-Feb-20; kept Teams", clash.Output);
        Assert.Contains("Run again with --prefer tracker", clash.Output);
        await AssertUpdateKeptAsync(store);
        var history = await store.GetHistoryAsync("odkm", FortyThree);
        var merged = Assert.Single(history, h => h.Source == "import-merge");
        Assert.Contains(new FieldChange("RevisedDue", "2020-03-31", "28-Feb-20"), merged.Changes);
        Assert.Contains("the Teams update was kept", merged.Note);

        // Settled: the same file next month is not a conflict again, and the update still stands.
        var again = await planbot.RunAsync("import",
            Tracker(("44", "On-Track for agreed revised date", "Complete"), ("43", "31-Jan-20", "31-Jan-20 rev 28-Feb-20")), "--plan", "odkm");
        Assert.DoesNotContain("conflict", again.Output);
        await AssertUpdateKeptAsync(store);
    }

    [Fact]
    public async Task A_dry_run_lists_the_conflict_and_saves_nothing_and_prefer_tracker_takes_the_file_date()
    {
        var (planbot, host) = await StartAsync();
        await using var _ = host;
        await SaveDelayFromCardAsync(host);
        var store = host.Services.GetRequiredService<IPlanStore>();
        var clashing = Tracker(("43", "31-Jan-20", "31-Jan-20 rev 28-Feb-20"));
        var version = (await store.GetSummaryAsync("odkm"))!.Version;

        var dryRun = await planbot.RunAsync("import", clashing, "--plan", "odkm", "--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.All);
        Assert.Contains("! #43 RevisedDue: Teams 2020-03-31 (Pat Admin, ", dryRun.Output);
        Assert.Contains("Dry run: nothing was saved.", dryRun.Output);
        Assert.Equal(version, (await store.GetSummaryAsync("odkm"))!.Version);

        var preferTracker = await planbot.RunAsync("import", clashing, "--plan", "odkm", "--prefer", "tracker");

        Assert.True(preferTracker.ExitCode == 0, preferTracker.All);
        Assert.Contains("0 kept from Teams, 1 taken from the file.", preferTracker.Output);
        Assert.Contains("file 28-Feb-20; took the file", preferTracker.Output);
        var milestone = (await store.GetMilestoneAsync("odkm", FortyThree))!;
        Assert.Equal(new DateOnly(2020, 2, 28), milestone.RevisedDue.Date);
        Assert.Equal(MilestoneStatus.Delayed, milestone.Status); // the rest of the update still stands
        Assert.Equal("Waiting for the pharmacy contract.", milestone.ProgressNote);
    }

    private async Task<(PlanBotProcess Planbot, WebApplicationFactory<Program> Host)> StartAsync()
    {
        var planbot = new PlanBotProcess(azurite);
        var first = await planbot.RunAsync("import", Tracker(), "--plan", "odkm");
        Assert.True(first.ExitCode == 0, first.All);
        var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["PlanBot:Storage:TablePrefix"] = planbot.TablePrefix,
            ["PlanBot:Updates:AdminObjectIds:0"] = PmoId,
        });
        return (planbot, host);
    }

    /// <summary>The sample tracker, with cells of milestone rows replaced: (ref, old cell text, new cell text).</summary>
    private string Tracker(params (string Ref, string Old, string New)[] edits)
    {
        var lines = File.ReadAllLines(PlanBotProcess.Sample("odkm-2019-20.txt"));
        foreach (var (reference, old, @new) in edits)
        {
            var i = Array.FindIndex(lines, l => l.StartsWith(reference + "\t", StringComparison.Ordinal));
            Assert.Contains(old, lines[i]);
            lines[i] = lines[i].Replace(old, @new, StringComparison.Ordinal);
        }
        var path = Path.Combine(_folder, "odkm-2019-20.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task SaveDelayFromCardAsync(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        var message = BotHost.Message("update #43");
        message["from"] = Pmo();
        var card = BotHost.Card(Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, message))));
        var save = card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.Execute")!;
        var data = save["data"]!.DeepClone().AsObject();
        data["status"] = "Delayed";
        data["revisedDue"] = "2020-03-31";
        data["reason"] = "The pharmacy contract is not signed.";
        data["note"] = "Waiting for the pharmacy contract.";
        var invoke = BotHost.Activity("invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["from"] = Pmo();
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = save["verb"]!.GetValue<string>(), ["data"] = data },
            ["trigger"] = "manual",
        };

        var response = await BotHost.PostAsync(client, invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Updated by Pat Admin", await response.Content.ReadAsStringAsync());
    }

    private static JsonObject Pmo() => new() { ["id"] = "29:1pat", ["name"] = "Pat Admin", ["aadObjectId"] = PmoId };

    private static async Task AssertUpdateKeptAsync(IPlanStore store)
    {
        var milestone = (await store.GetMilestoneAsync("odkm", FortyThree))!;
        Assert.Equal(MilestoneStatus.Delayed, milestone.Status);
        Assert.Equal(Rag.Red, milestone.Rag);
        Assert.Equal(new DateOnly(2020, 3, 31), milestone.RevisedDue.Date);
        Assert.Equal("Waiting for the pharmacy contract.", milestone.ProgressNote);
        var plan = (await store.GetPlanAsync("odkm"))!.Plan;
        Assert.Contains(plan.ExceptionsFor(FortyThree), e => e.Reason == "The pharmacy contract is not signed.");
    }
}
