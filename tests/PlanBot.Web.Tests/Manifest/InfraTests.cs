using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using PlanBot.BotFramework.Authentication;
using PlanBot.Storage;
using PlanBot.Testing;

namespace PlanBot.Web.Tests.Manifest;

/// <summary>
/// infra/: scripts/check-infra.sh compiles main.bicep offline with the pinned Bicep CLI (once, shared by these tests),
/// and the compiled ARM template is checked against what the app reads and the deployment guide.
/// </summary>
public sealed partial class InfraTests(InfraTests.CompiledTemplate compiled) : IClassFixture<InfraTests.CompiledTemplate>
{
    public sealed class CompiledTemplate : IAsyncLifetime
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("planbot-infra-").FullName;

        public ScriptRun Run { get; private set; } = null!;
        public JsonObject? Template { get; private set; }

        public async Task InitializeAsync()
        {
            var output = Path.Combine(_dir, "main.json");
            Run = await RepositoryScript.RunAsync("scripts/check-infra.sh", ["--out", output]);
            if (File.Exists(output)) Template = JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject();
        }

        public Task DisposeAsync()
        {
            Directory.Delete(_dir, recursive: true);
            return Task.CompletedTask;
        }
    }

    private static string Infra(string file) => Path.Combine(RepositoryRoot.Path, "infra", file);

    /// <summary>The names of main.bicep's parameters, read from its source.</summary>
    private static List<string> BicepParameters() =>
        ParamDeclaration().Matches(File.ReadAllText(Infra("main.bicep"))).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^param\s+(\w+)\s", RegexOptions.Multiline)]
    private static partial Regex ParamDeclaration();

    private JsonObject Template()
    {
        Assert.True(compiled.Run.ExitCode == 0 && compiled.Template is not null, compiled.Run.ToString());
        return compiled.Template!;
    }

    private JsonObject Resource(string type) =>
        Template()["resources"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["type"] == type);

    private Dictionary<string, string> AppSettings() =>
        Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);

    [Fact]
    public void The_Bicep_template_compiles_offline_without_warnings_and_its_parameters_file_fits_it()
    {
        Assert.True(compiled.Run.ExitCode == 0, compiled.Run.ToString());
        Assert.Contains("compiles cleanly with Bicep CLI", compiled.Run.Output);
    }

    [Theory]
    [InlineData("docs/deployment.md")]
    [InlineData("README.md")]
    public void Every_template_parameter_is_named_in_the_deployment_guides(string guideFile)
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot.Path, guideFile));
        var parameters = BicepParameters();

        Assert.NotEmpty(parameters);
        Assert.All(parameters, name => Assert.True(guide.Contains($"`{name}`"), $"{guideFile} does not name `{name}`"));
    }

    [Fact]
    public void The_parameters_file_sets_exactly_the_template_parameters()
    {
        var file = JsonNode.Parse(File.ReadAllText(Infra("main.parameters.json")))!["parameters"]!.AsObject();

        Assert.Equal(BicepParameters().Order(), file.Select(p => p.Key).Order());
    }

    [Fact]
    public void The_compiled_template_declares_the_same_parameters_as_the_source()
    {
        Assert.Equal(BicepParameters().Order(), Template()["parameters"]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public void The_web_app_gets_the_bot_identity_under_the_names_the_bot_reads()
    {
        var settings = AppSettings();
        var identityClientId = "userAssignedIdentities', format('{0}-id-{1}', parameters('namePrefix'), variables('suffix'))), '2023-01-31').clientId]";

        var appType = settings[nameof(BotAuthenticationOptions.MicrosoftAppType)];
        var options = BotAuthenticationOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [nameof(BotAuthenticationOptions.MicrosoftAppType)] = appType }).Build());
        Assert.Equal(BotAppType.UserAssignedMsi, options.MicrosoftAppType);
        Assert.EndsWith(identityClientId, settings[nameof(BotAuthenticationOptions.MicrosoftAppId)]);
        Assert.EndsWith(".tenantId]", settings[nameof(BotAuthenticationOptions.MicrosoftAppTenantId)]);
        Assert.DoesNotContain(nameof(BotAuthenticationOptions.MicrosoftAppPassword), settings.Keys);

        // The Azure Bot, the app and the Teams package (botId output) all name the same identity.
        var bot = Resource("Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal("UserAssignedMSI", (string?)bot["msaAppType"]);
        Assert.Equal(settings[nameof(BotAuthenticationOptions.MicrosoftAppId)], (string?)bot["msaAppId"]);
        Assert.Equal(settings[nameof(BotAuthenticationOptions.MicrosoftAppId)], (string?)Template()["outputs"]!["botId"]!["value"]);
    }

    [Fact]
    public void The_web_app_gets_Table_storage_under_the_name_the_storage_layer_reads()
    {
        var settings = AppSettings();

        var tables = settings["ConnectionStrings__" + TableStorageOptions.ConnectionStringName];
        Assert.StartsWith("[if(variables('useManagedIdentityForTables'), reference(resourceId('Microsoft.Storage/storageAccounts'", tables);
        Assert.Contains(".primaryEndpoints.table", tables);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", tables);
        // Which identity signs in to the Table service URI (PlanBot:Storage:ManagedIdentityClientId).
        Assert.Contains(TableStorageOptions.Section.Replace(":", "__") + "__ManagedIdentityClientId", settings.Keys);
        Assert.Equal("", settings["PlanBot__SamplePlan__File"]);
    }

    [Fact]
    public void The_web_app_runs_the_PlanBot_host_on_Linux_dotnet_10_over_https_only()
    {
        var site = Resource("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.Equal("app,linux", (string?)site["kind"]);
        Assert.True((bool?)site["properties"]!["httpsOnly"]);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal($"dotnet {typeof(Program).Assembly.GetName().Name}.dll", (string?)config["appCommandLine"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.True((bool?)config["alwaysOn"]);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
    }

    [Fact]
    public void Storage_has_no_public_blobs_TLS_1_2_and_shared_keys_off_when_the_identity_signs_in()
    {
        var storage = Resource("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool?)storage["allowBlobPublicAccess"]);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.Equal("[not(variables('useManagedIdentityForTables'))]", (string?)storage["allowSharedKeyAccess"]);
        Assert.Equal("[equals(parameters('tableStorageAuth'), 'ManagedIdentity')]", (string?)Template()["variables"]!["useManagedIdentityForTables"]);
        Assert.Single(Template()["resources"]!.AsArray(), r => (string?)r!["type"] == "Microsoft.Storage/storageAccounts/tableServices");
    }

    [Fact]
    public void The_identity_is_a_Storage_Table_Data_Contributor_on_the_account_and_reads_Key_Vault_secrets()
    {
        var variables = Template()["variables"]!;
        Assert.Equal("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", (string?)variables["storageTableDataContributor"]); // built-in role id
        Assert.Equal("4633458b-17de-408a-b874-0445c86b69e6", (string?)variables["keyVaultSecretsUser"]);

        var assignments = Template()["resources"]!.AsArray().Select(r => r!.AsObject())
            .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments").ToList();
        var tables = Assert.Single(assignments, a => ((string)a["properties"]!["roleDefinitionId"]!).Contains("variables('storageTableDataContributor')"));
        Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts'", (string?)tables["scope"]);
        Assert.Contains("userAssignedIdentities", (string)tables["properties"]!["principalId"]!);
        var secrets = Assert.Single(assignments, a => ((string)a["properties"]!["roleDefinitionId"]!).Contains("variables('keyVaultSecretsUser')"));
        Assert.StartsWith("[resourceId('Microsoft.KeyVault/vaults'", (string?)secrets["scope"]);

        Assert.True((bool?)Resource("Microsoft.KeyVault/vaults")["properties"]!["enableRbacAuthorization"]);
    }

    [Fact]
    public void The_bot_has_the_Teams_channel_and_its_endpoint_is_an_output()
    {
        var channel = Resource("Microsoft.BotService/botServices/channels")["properties"]!;
        Assert.Equal("MsTeamsChannel", (string?)channel["channelName"]);
        Assert.True((bool?)channel["properties"]!["isEnabled"]);

        var endpoint = (string?)Template()["outputs"]!["botEndpoint"]!["value"];
        Assert.StartsWith("[format('https://{0}/api/messages', reference(resourceId('Microsoft.Web/sites'", endpoint);
        Assert.Equal(endpoint, (string?)Resource("Microsoft.BotService/botServices")["properties"]!["endpoint"]);
        Assert.NotNull(Resource("Microsoft.Insights/components"));
    }
}
