using System.IO.Compression;
using System.Text.Json.Nodes;
using PlanBot.Testing;

namespace PlanBot.Web.Tests.Manifest;

/// <summary>
/// scripts/deploy.sh, run twice with stand-ins for az, curl and dotnet (Manifest/DeployFakes) that record every call
/// and keep the Graph app catalogue in a folder: the order of the steps, and that a second run changes only what it
/// must. Nothing reaches Azure or Graph.
/// </summary>
public sealed class DeployScriptTests : IDisposable
{
    private const string BotId = "6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b"; // the fake deployment's botId output
    private readonly string _state = Directory.CreateTempSubdirectory("planbot-deploy-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private Task<ScriptRun> DeployAsync() => RepositoryScript.RunAsync("scripts/deploy.sh", ["--resource-group", "rg-planbot"], new Dictionary<string, string>
    {
        ["PATH"] = Path.Combine(RepositoryRoot.Path, "tests", "PlanBot.Web.Tests", "Manifest", "DeployFakes") + ":" + Environment.GetEnvironmentVariable("PATH"),
        ["FAKE_AZURE_STATE"] = _state,
        ["PLANBOT_DEVELOPER_NAME"] = "NHS Example ICB PMO",
        ["PLANBOT_WEBSITE_URL"] = "https://pmo.example.nhs.uk/planbot",
        ["PLANBOT_PRIVACY_URL"] = "https://pmo.example.nhs.uk/planbot/privacy",
        ["PLANBOT_TERMS_URL"] = "https://pmo.example.nhs.uk/planbot/terms",
    });

    private List<string> Calls() => [.. File.ReadAllLines(Path.Combine(_state, "calls"))];

    private JsonObject PublishedManifest(int upload)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(_state, $"published-{upload}.zip"));
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static int IndexOf(List<string> calls, string start) =>
        calls.FindIndex(call => call.StartsWith(start, StringComparison.Ordinal)) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"no call starting '{start}' in:\n{string.Join('\n', calls)}");

    [Fact]
    public async Task One_run_provisions_deploys_through_the_staging_slot_grants_Graph_roles_publishes_the_app_and_stores_its_catalogue_id()
    {
        var run = await DeployAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        var calls = Calls();

        int[] steps =
        [
            IndexOf(calls, "az group create --name rg-planbot"),
            IndexOf(calls, "az deployment group create --resource-group rg-planbot --name planbot --template-file infra/main.bicep"),
            IndexOf(calls, "dotnet publish src/PlanBot.Web"),
            IndexOf(calls, "az webapp deploy --resource-group rg-planbot --name planbot-abc --slot staging"),
            IndexOf(calls, "curl --silent --fail --max-time 10 https://planbot-abc-staging.azurewebsites.net/healthz"),
            IndexOf(calls, "az webapp deployment slot swap --resource-group rg-planbot --name planbot-abc --slot staging --target-slot production"),
            IndexOf(calls, "az rest --method POST --uri https://graph.microsoft.com/v1.0/servicePrincipals/11111111-1111-1111-1111-111111111111/appRoleAssignments"),
            IndexOf(calls, "curl --silent --show-error --fail-with-body --header Authorization: Bearer fake-graph-token --request POST https://graph.microsoft.com/v1.0/appCatalogs/teamsApps "),
            IndexOf(calls, "az webapp config appsettings set --resource-group rg-planbot --name planbot-abc --output none --settings PlanBot__Graph__TeamsAppCatalogId=catalogue-app-1"),
        ];
        Assert.Equal(steps.Order(), steps);
        Assert.Contains("az webapp config appsettings set --resource-group rg-planbot --name planbot-abc --slot staging --output none --settings PlanBot__Graph__TeamsAppCatalogId=catalogue-app-1", calls);
        Assert.Equal(["df021288-bdef-4463-88db-98f22de89214", "908de74d-f8b2-4d6b-a9ed-2a17b3b78179"], File.ReadAllLines(Path.Combine(_state, "granted")));

        // The package carries the deployment's real ids.
        var manifest = PublishedManifest(1);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(BotId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal("planbot-abc.azurewebsites.net", (string?)manifest["validDomains"]![0]);
        Assert.Equal("1.0.0", (string?)manifest["version"]);
    }

    [Fact]
    public async Task A_second_run_grants_nothing_again_and_publishes_a_new_version_of_the_same_catalogue_app()
    {
        var first = await DeployAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        var callsAfterFirst = Calls().Count;

        var second = await DeployAsync();
        Assert.True(second.ExitCode == 0, second.ToString());
        var calls = Calls().Skip(callsAfterFirst).ToList();

        Assert.DoesNotContain(calls, call => call.StartsWith("az rest --method POST", StringComparison.Ordinal));
        Assert.Contains("Graph permission User.Read.All: already granted", second.Output);
        Assert.DoesNotContain(calls, call => call.Contains("--request POST https://graph.microsoft.com/v1.0/appCatalogs/teamsApps ", StringComparison.Ordinal));
        IndexOf(calls, "curl --silent --show-error --fail-with-body --header Authorization: Bearer fake-graph-token --request POST https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/catalogue-app-1/appDefinitions");
        Assert.Equal("1.0.1", (string?)PublishedManifest(2)["version"]);
        Assert.Equal((string?)PublishedManifest(1)["id"], (string?)PublishedManifest(2)["id"]);
        IndexOf(calls, "az webapp config appsettings set --resource-group rg-planbot --name planbot-abc --output none --settings PlanBot__Graph__TeamsAppCatalogId=catalogue-app-1");
    }
}
