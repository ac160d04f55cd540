using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.People;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>
/// scripts/run.sh's PLANBOT_ACT_AS: the files its helper writes make the Playground's user an owner the real host
/// recognises by object id, with the ODKM sample plan.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed partial class PlaygroundIdentityTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("planbot-act-as-").FullName;

    [Fact]
    public async Task The_Playground_user_written_for_an_owner_gets_the_owners_update_card()
    {
        await RunAsync("Rachel Pilsworth");
        var config = await File.ReadAllTextAsync(Path.Combine(_out, "m365agentsplayground.yml"));
        var user = CurrentUser().Match(config);
        Assert.True(user.Success, config);
        var check = PeopleFileReader.Read(Path.Combine(_out, "people.csv"));
        Assert.True(check.IsValid, string.Join("; ", check.Problems));
        var person = Assert.Single(check.People);
        Assert.Equal(("Rachel Pilsworth", user.Groups["id"].Value), (person.Name, person.AadObjectId));

        await using var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["PlanBot:SamplePlan:File"] = Path.Combine(RepositoryRoot.Path, "samples", "odkm-2019-20.txt"),
            ["PlanBot:SamplePlan:PlanId"] = "odkm",
        });
        var store = host.Services.GetRequiredService<IPlanStore>();
        var waited = Stopwatch.StartNew();
        while ((await store.ListPlansAsync(CancellationToken.None)).Count == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "the sample plan was not imported");
            await Task.Delay(100);
        }
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync(check.People, "test", "people.csv");

        var message = BotHost.Message("update #36");
        message["from"] = new JsonObject { ["id"] = "user-id-0", ["name"] = user.Groups["name"].Value, ["aadObjectId"] = user.Groups["id"].Value };
        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(host.CreateClient(), message)))!;

        Assert.Equal("Update #36 here.", reply["text"]!.GetValue<string>());
        Assert.Contains("Action.Execute", BotHost.Card(reply).ToJsonString());
    }

    [Theory]
    [InlineData("Rachel \"Pilsworth")]
    [InlineData("Rachel\\Pilsworth")]
    public async Task A_name_that_would_break_out_of_its_quotes_is_refused_and_nothing_is_written(string name)
    {
        var exitCode = await RunAsync(name, expectSuccess: false);

        Assert.Equal(2, exitCode);
        Assert.Empty(Directory.GetFiles(_out));
    }

    private async Task<int> RunAsync(string name, bool expectSuccess = true)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "lib", "playground-identity.sh"), name, _out])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (expectSuccess) Assert.True(process.ExitCode == 0, error);
        return process.ExitCode;
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [GeneratedRegex("""currentUser:\n  id: [^\n]+\n  name: "(?<name>[^"\n]+)"\n(?:  [^\n]+\n)*?  aadObjectId: (?<id>[0-9a-f-]{36})\n""")]
    private static partial Regex CurrentUser();
}
