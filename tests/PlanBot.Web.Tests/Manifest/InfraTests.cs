using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using PlanBot.BotFramework.Authentication;
using PlanBot.People.Graph;
using PlanBot.Storage;
using PlanBot.Web.Digests;
using PlanBot.Web.Reminders;
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

    private JsonObject Deployment(string name) =>
        Template()["resources"]!.AsArray().Select(r => r!.AsObject())
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name);

    /// <summary>
    /// The app settings the template lays over the current ones (production: <c>app-settings</c>, the slot:
    /// <c>staging-settings</c>), name → ARM expression ("[…]") or literal, read from the <c>union(createObject(…), …)</c>
    /// Bicep compiles the settings object to.
    /// </summary>
    private Dictionary<string, string> AppSettings(string deployment = "app-settings")
    {
        var expression = (string)Deployment(deployment)["properties"]!["parameters"]!["settings"]!["value"]!;
        var settings = new Dictionary<string, string>();
        foreach (var call in ArmExpression.Calls(expression, "createObject"))
        {
            var arguments = ArmExpression.Arguments(call);
            for (var i = 0; i + 1 < arguments.Count; i += 2)
                settings[ArmExpression.Literal(arguments[i])!] = ArmExpression.Literal(arguments[i + 1]) ?? $"[{arguments[i + 1]}]";
        }
        return settings;
    }

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
        var options = PlanBot.Web.Tests.People.PeopleServices.BotIdentity(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [nameof(BotAuthenticationOptions.MicrosoftAppType)] = appType,
            [nameof(BotAuthenticationOptions.MicrosoftAppId)] = "app",
            [nameof(BotAuthenticationOptions.MicrosoftAppTenantId)] = "tenant",
        }).Build());
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
        Assert.Null(config["appSettings"]); // they are merged by modules/app-settings.bicep instead

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

    [Fact]
    public void The_plan_runs_two_or_more_instances_by_default_zone_redundant_where_the_size_allows()
    {
        var parameters = Template()["parameters"]!;
        Assert.True((int)parameters["instanceCount"]!["defaultValue"]! >= 2);
        Assert.True((bool)parameters["zoneRedundant"]!["defaultValue"]!);
        Assert.Equal("P1v3", (string?)parameters["appServicePlanSku"]!["defaultValue"]);
        var file = JsonNode.Parse(File.ReadAllText(Infra("main.parameters.json")))!["parameters"]!;
        Assert.True((int)file["instanceCount"]!["value"]! >= 2);

        var plan = Resource("Microsoft.Web/serverfarms");
        Assert.Equal("[parameters('instanceCount')]", (string?)plan["sku"]!["capacity"]);
        Assert.Equal("[variables('zoneRedundantPlan')]", (string?)plan["properties"]!["zoneRedundant"]);
        var zoneRule = (string)Template()["variables"]!["zoneRedundantPlan"]!;
        Assert.Contains("greaterOrEquals(parameters('instanceCount'), 2)", zoneRule);
        Assert.Contains("createArray('P1v3', 'P2v3', 'P3v3')", zoneRule);
    }

    [Fact]
    public void A_re_run_keeps_app_settings_the_template_does_not_own_and_only_overrides_its_own()
    {
        foreach (var (deployment, target) in new[] { ("app-settings", "Microsoft.Web/sites"), ("staging-settings", "Microsoft.Web/sites/slots") })
        {
            var module = Deployment(deployment)["properties"]!;
            // The current settings are read at deployment time from the site or slot itself (list: they are secrets).
            var current = (string)module["parameters"]!["current"]!["value"]!;
            Assert.StartsWith($"[list(format('{{0}}/config/appsettings', resourceId('{target}'", current);
            Assert.EndsWith(".properties]", current);
            Assert.Equal("secureObject", (string?)module["template"]!["parameters"]!["current"]!["type"]);

            // union(current, settings): later arguments win, so the template's own names are set and every other
            // name (the catalogue id the deploy script stores, anything added by hand) is kept.
            var writes = module["template"]!["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
            Assert.Equal(2, writes.Count);
            Assert.All(writes, write => Assert.Equal("[union(parameters('current'), parameters('settings'))]", (string?)write["properties"]));
            Assert.Equal(["Microsoft.Web/sites/config", "Microsoft.Web/sites/slots/config"], writes.Select(w => (string)w["type"]!).Order());
            Assert.All(writes, write => Assert.EndsWith("'appsettings')]", (string)write["name"]!));
        }
        Assert.DoesNotContain("PlanBot__Graph__TeamsAppCatalogId", AppSettings().Keys);
    }

    [Fact]
    public void Production_sends_reminders_and_digests_and_shares_the_send_budget_the_staging_slot_does_not_and_those_settings_stick_to_their_slot()
    {
        var production = AppSettings();
        var staging = AppSettings("staging-settings");
        string[] schedulers =
        [
            ReminderOptions.Section.Replace(":", "__") + "__Enabled",
            DigestOptions.Section.Replace(":", "__") + "__Enabled",
            PlanBot.Web.Instances.InstanceOptions.Section.Replace(":", "__") + "__" + nameof(PlanBot.Web.Instances.InstanceOptions.Enabled),
        ];

        Assert.All(schedulers, name => Assert.Equal("true", production[name]));
        Assert.All(schedulers, name => Assert.Equal("false", staging[name]));
        Assert.Equal(schedulers, Template()["variables"]!["schedulerSettingNames"]!.AsArray().Select(n => (string)n!));
        var sticky = Resource("Microsoft.Web/sites/config");
        Assert.EndsWith("'slotConfigNames')]", (string)sticky["name"]!);
        Assert.Equal("[variables('schedulerSettingNames')]", (string?)sticky["properties"]!["appSettingNames"]);
        // Apart from the schedulers, both slots get the same settings, so a swap changes nothing else.
        Assert.Equal(production.Where(s => !schedulers.Contains(s.Key)), staging.Where(s => !schedulers.Contains(s.Key)));
        Assert.Equal("/healthz", production["WEBSITE_SWAP_WARMUP_PING_PATH"]);
    }

    /// <summary>Settings App Service itself reads, not the app.</summary>
    private static readonly string[] PlatformSettings = ["SCM_DO_BUILD_DURING_DEPLOYMENT", "WEBSITE_SWAP_WARMUP_PING_PATH", "WEBSITE_SWAP_WARMUP_PING_STATUSES"];

    [Fact]
    public void Every_setting_the_template_sets_is_one_the_code_reads_and_every_one_production_needs_is_set()
    {
        var settings = AppSettings();
        foreach (var name in settings.Keys.Except(PlatformSettings))
            Assert.True(ConfigurationNames.IsRead(name), $"the template sets '{name}', which no options class or known key of the code reads");

        string[] needed =
        [
            nameof(BotAuthenticationOptions.MicrosoftAppType), nameof(BotAuthenticationOptions.MicrosoftAppId), nameof(BotAuthenticationOptions.MicrosoftAppTenantId),
            "ConnectionStrings__" + TableStorageOptions.ConnectionStringName,
            TableStorageOptions.Section.Replace(":", "__") + "__" + nameof(TableStorageOptions.ManagedIdentityClientId),
            SamplePlanOptions.Section.Replace(":", "__") + "__" + nameof(SamplePlanOptions.File),
            PlanBot.Web.Telemetry.TelemetryServiceCollectionExtensions.ConnectionStringSetting,
        ];
        Assert.All(needed, name => Assert.True(settings.ContainsKey(name), $"the template does not set '{name}'"));

        // The deploy script stores the catalogue id under the name Graph's options read.
        var deploy = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "scripts", "deploy.sh"));
        var catalogueSetting = GraphDirectoryOptions.Section.Replace(":", "__") + "__" + nameof(GraphDirectoryOptions.TeamsAppCatalogId);
        Assert.Contains($"--settings \"{catalogueSetting}=$catalogue_id\"", deploy);
        Assert.True(ConfigurationNames.IsRead(catalogueSetting));
    }

    [Fact]
    public void Storage_and_Key_Vault_close_their_public_endpoints_and_get_locks_when_asked()
    {
        var storage = Resource("Microsoft.Storage/storageAccounts")["properties"]!;
        var vault = Resource("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.Equal("[if(variables('appOnlyNetwork'), 'Disabled', 'Enabled')]", (string?)storage["publicNetworkAccess"]);
        Assert.Equal("[if(variables('appOnlyNetwork'), 'Disabled', 'Enabled')]", (string?)vault["publicNetworkAccess"]);
        Assert.Equal("[equals(parameters('networkAccess'), 'AppOnly')]", (string?)Template()["variables"]!["appOnlyNetwork"]);

        var network = Deployment("network");
        Assert.Equal("[variables('appOnlyNetwork')]", (string?)network["condition"]);
        var groups = network["properties"]!["template"]!["variables"]!["endpoints"]!.AsArray().Select(e => (string)e!["groupId"]!);
        Assert.Equal(["table", "vault"], groups);
        Assert.Contains("outputs.appSubnetId.value", (string)Resource("Microsoft.Web/sites")["properties"]!["virtualNetworkSubnetId"]!);

        var locks = Template()["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => (string?)r["type"] == "Microsoft.Authorization/locks").ToList();
        Assert.Equal(2, locks.Count);
        Assert.All(locks, l => Assert.Equal("CanNotDelete", (string?)l["properties"]!["level"]));
        Assert.All(locks, l => Assert.Equal("[parameters('deleteLock')]", (string?)l["condition"]));
        Assert.True((bool)Template()["parameters"]!["deleteLock"]!["defaultValue"]!);
    }

    [Fact]
    public void Alerts_watch_failed_sweeps_the_429_rate_and_server_errors_through_the_metrics_the_app_exports()
    {
        var alerts = Deployment("alerts")["properties"]!["template"]!;
        var queries = alerts["variables"]!["logAlerts"]!.AsArray().Select(a => (string)a!["query"]!).ToList();
        Assert.Contains(queries, q => q.Contains($"name == \"{PlanBot.Core.Telemetry.PlanBotTelemetry.SweepFailuresName}\""));
        Assert.Contains(queries, q => q.Contains($"name == \"{PlanBot.Core.Telemetry.PlanBotTelemetry.ConnectorRequestsName}\"") && q.Contains("status == \"429\""));
        var serverErrors = alerts["resources"]!.AsArray().Single(r => (string?)r!["type"] == "Microsoft.Insights/metricAlerts")!;
        Assert.Equal("Http5xx", (string?)serverErrors["properties"]!["criteria"]!["allOf"]![0]!["metricName"]);
    }
}
