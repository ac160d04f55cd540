using System.IO.Compression;
using System.Text.Json.Nodes;
using PlanBot.Testing;

namespace PlanBot.Web.Tests.Manifest;

/// <summary>
/// scripts/package-app.sh: builds the Teams app zip once with known values (shared by the tests below), and refuses
/// broken input. The schema check inside it uses the official schema from the pinned npm package, offline.
/// </summary>
public sealed class AppPackageTests(AppPackageTests.BuiltPackage package) : IClassFixture<AppPackageTests.BuiltPackage>, IDisposable
{
    public const string BotId = "6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b";
    public const string AppId = "0b7e6a52-91c4-4d38-a2f0-5e8d3c1b7a69";
    public const string Domain = "planbot-test123.azurewebsites.net";

    public static Dictionary<string, string> Settings(string? botId = BotId) => new()
    {
        ["PLANBOT_BOT_ID"] = botId ?? BotId,
        ["PLANBOT_BOT_DOMAIN"] = Domain,
        ["PLANBOT_APP_ID"] = AppId,
        ["PLANBOT_APP_VERSION"] = "2.3.4",
        ["PLANBOT_DEVELOPER_NAME"] = "NHS Example ICB PMO",
        ["PLANBOT_WEBSITE_URL"] = "https://pmo.example.nhs.uk/planbot",
        ["PLANBOT_PRIVACY_URL"] = "https://pmo.example.nhs.uk/planbot/privacy",
        ["PLANBOT_TERMS_URL"] = "https://pmo.example.nhs.uk/planbot/terms",
    };

    /// <summary>The package built from the repository's manifest/ with <see cref="Settings"/>.</summary>
    public sealed class BuiltPackage : IAsyncLifetime
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("planbot-package-").FullName;

        public string ZipPath => Path.Combine(_dir, "planbot.zip");
        public ScriptRun Run { get; private set; } = null!;

        public async Task InitializeAsync() => Run = await RepositoryScript.RunAsync("scripts/package-app.sh", ["--out", ZipPath], Settings());

        public Task DisposeAsync()
        {
            Directory.Delete(_dir, recursive: true);
            return Task.CompletedTask;
        }
    }

    private readonly string _scratch = Directory.CreateTempSubdirectory("planbot-package-bad-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private Dictionary<string, byte[]> Entries()
    {
        Assert.True(package.Run.ExitCode == 0, package.Run.ToString());
        using var zip = ZipFile.OpenRead(package.ZipPath);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private JsonObject PackagedManifest() => JsonNode.Parse(Entries()["manifest.json"])!.AsObject();

    /// <summary>A copy of manifest/ that a test may break.</summary>
    private string CopyOfManifestDir()
    {
        var copy = Path.Combine(_scratch, "manifest");
        Directory.CreateDirectory(copy);
        foreach (var file in new[] { "manifest.json", "color.png", "outline.png" })
            File.Copy(Path.Combine(RepositoryRoot.Path, "manifest", file), Path.Combine(copy, file));
        return copy;
    }

    [Fact]
    public void The_package_script_validates_the_manifest_against_the_official_schema_and_writes_the_zip()
    {
        Assert.True(package.Run.ExitCode == 0, package.Run.ToString());
        Assert.Contains("valid against @microsoft/app-manifest", package.Run.Output);
        Assert.True(File.Exists(package.ZipPath));
    }

    [Fact]
    public void The_package_names_the_bot_identity_in_webApplicationInfo_so_Graph_can_install_it_for_owners()
    {
        // TeamsAppInstallation.ReadWriteSelfForUser.All lets an identity install only the app whose webApplicationInfo
        // names it; with the managed identity that is the bot id.
        var manifest = PackagedManifest();

        Assert.Equal(BotId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal((string?)manifest["bots"]![0]!["botId"], (string?)manifest["webApplicationInfo"]!["id"]);
    }

    [Fact]
    public void The_package_holds_the_manifest_and_both_icons_at_its_root_and_nothing_else()
    {
        Assert.Equal(["color.png", "manifest.json", "outline.png"], Entries().Keys.Order());
    }

    [Fact]
    public void The_bot_id_app_id_and_domain_given_are_the_ones_in_the_packaged_manifest()
    {
        var manifest = PackagedManifest();

        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal([Domain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("2.3.4", (string?)manifest["version"]);
        Assert.Equal("https://pmo.example.nhs.uk/planbot/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal("https://pmo.example.nhs.uk/planbot/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
    }

    [Fact]
    public async Task The_app_id_is_the_bot_id_unless_given()
    {
        var settings = Settings();
        settings.Remove("PLANBOT_APP_ID");
        var zipPath = Path.Combine(_scratch, "default-app-id.zip");

        var run = await RepositoryScript.RunAsync("scripts/package-app.sh", ["--out", zipPath], settings);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        Assert.Equal(BotId, (string?)JsonNode.Parse(stream)!["id"]);
    }

    [Fact]
    public void No_placeholder_is_left_in_the_packaged_manifest()
    {
        var text = System.Text.Encoding.UTF8.GetString(Entries()["manifest.json"]);
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotContain("PLANBOT_", text);
    }

    [Fact]
    public void The_packaged_commands_and_icons_are_the_templates()
    {
        var entries = Entries();
        var commands = PackagedManifest()["bots"]![0]!["commandLists"]!.AsArray()
            .ToDictionary(l => (string)l!["scopes"]![0]!, l => l!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToArray());

        foreach (var (scope, titles) in ManifestTemplateTests.ExpectedCommands) Assert.Equal(titles, commands[scope]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "manifest", "color.png")), entries["color.png"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "manifest", "outline.png")), entries["outline.png"]);
        Assert.Equal((192, 192), (PngImage.Read(entries["color.png"]).Width, PngImage.Read(entries["color.png"]).Height));
        Assert.Equal((32, 32), (PngImage.Read(entries["outline.png"]).Width, PngImage.Read(entries["outline.png"]).Height));
    }

    [Fact]
    public async Task A_bot_id_that_is_not_a_GUID_is_refused_and_no_zip_is_written()
    {
        var zipPath = Path.Combine(_scratch, "bad-bot-id.zip");

        var run = await RepositoryScript.RunAsync("scripts/package-app.sh", ["--out", zipPath], Settings(botId: "planbot"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PLANBOT_BOT_ID (--bot-id) 'planbot' must be a GUID", run.Errors);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task A_manifest_that_breaks_the_official_schema_is_refused_with_the_schema_message()
    {
        var dir = CopyOfManifestDir();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsObject();
        manifest["accentColor"] = "NHS blue";
        manifest["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["type"] = "shortcut";
        File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest.ToJsonString());
        var zipPath = Path.Combine(_scratch, "bad-schema.zip");

        var run = await RepositoryScript.RunAsync("scripts/package-app.sh", ["--manifest-dir", dir, "--out", zipPath], Settings());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("schema: /accentColor must match pattern", run.Errors);
        Assert.Contains("schema: /bots/0/commandLists/0/commands/0/type must be equal to one of the allowed values", run.Errors);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task An_outline_icon_that_is_not_32_pixels_white_on_transparent_is_refused()
    {
        var dir = CopyOfManifestDir();
        File.Copy(Path.Combine(dir, "color.png"), Path.Combine(dir, "outline.png"), overwrite: true);
        var zipPath = Path.Combine(_scratch, "bad-icon.zip");

        var run = await RepositoryScript.RunAsync("scripts/package-app.sh", ["--manifest-dir", dir, "--out", zipPath], Settings());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the outline icon outline.png is 192×192; Teams needs 32×32", run.Errors);
        Assert.Contains("the outline icon outline.png has no transparent background", run.Errors);
        Assert.Contains("pixels that are not white", run.Errors);
        Assert.False(File.Exists(zipPath));
    }
}
