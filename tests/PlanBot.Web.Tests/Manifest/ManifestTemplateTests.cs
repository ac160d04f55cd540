using System.Text.Json.Nodes;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;

namespace PlanBot.Web.Tests.Manifest;

/// <summary>The Teams app manifest template (manifest/manifest.json) and the committed icons beside it.</summary>
public sealed class ManifestTemplateTests
{
    private static string ManifestDir => Path.Combine(RepositoryRoot.Path, "manifest");

    private static JsonObject Template() => JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")))!.AsObject();

    private static JsonObject Bot() => Template()["bots"]!.AsArray().Single()!.AsObject();

    /// <summary>
    /// What a user sees in each scope's command menu, in order. Teams sends a picked command's title as the message, so
    /// each title is something the bot reads: help, overdue, due, my items, digest, update, board pack (personal only:
    /// Teams sends files to a bot's users in 1:1 chats only).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ExpectedCommands = new Dictionary<string, string[]>
    {
        ["personal"] = ["help", "what's overdue", "what's due next week", "what do I owe", "digest now", "update", "board pack"],
        ["team"] = ["help", "what's overdue", "what's due next week", "digest now"],
        ["groupChat"] = ["help", "what's overdue", "what's due next week", "digest now"],
    };

    [Fact]
    public void The_bot_id_app_id_and_domain_come_from_placeholders_filled_in_at_packaging()
    {
        var template = Template();
        Assert.Equal("{{PLANBOT_BOT_ID}}", (string?)Bot()["botId"]);
        Assert.Equal("{{PLANBOT_APP_ID}}", (string?)template["id"]);
        Assert.Equal(["{{PLANBOT_BOT_DOMAIN}}"], template["validDomains"]!.AsArray().Select(d => (string?)d));
        var developer = template["developer"]!.AsObject();
        Assert.Equal("{{PLANBOT_DEVELOPER_NAME}}", (string?)developer["name"]);
        Assert.Equal("{{PLANBOT_WEBSITE_URL}}", (string?)developer["websiteUrl"]);
        Assert.Equal("{{PLANBOT_PRIVACY_URL}}", (string?)developer["privacyUrl"]);
        Assert.Equal("{{PLANBOT_TERMS_URL}}", (string?)developer["termsOfUseUrl"]);
    }

    [Fact]
    public void The_bot_is_offered_in_personal_team_and_group_chat_scopes()
    {
        Assert.Equal(["personal", "team", "groupChat"], Bot()["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.False((bool?)Bot()["isNotificationOnly"] ?? false);
    }

    [Fact]
    public void The_bot_says_it_supports_files_so_Teams_lets_it_send_the_board_pack()
    {
        Assert.True((bool?)Bot()["supportsFiles"]);
        Assert.NotNull(PlanBot.Core.Snapshots.BoardPackRequestReader.TryRead("board pack"));
        Assert.DoesNotContain("board pack", ExpectedCommands["team"]);
        Assert.DoesNotContain("board pack", ExpectedCommands["groupChat"]);
    }

    [Fact]
    public void Each_scope_has_exactly_its_expected_commands()
    {
        var lists = Bot()["commandLists"]!.AsArray().Select(l => l!.AsObject()).ToList();
        Assert.All(lists, list => Assert.Single(list["scopes"]!.AsArray()));

        var actual = lists.ToDictionary(
            list => (string)list["scopes"]![0]!,
            list => list["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToArray());

        Assert.Equal(ExpectedCommands.Keys.Order(), actual.Keys.Order());
        foreach (var (scope, titles) in ExpectedCommands) Assert.Equal(titles, actual[scope]);
    }

    [Fact]
    public void Every_command_has_a_description_within_Teams_limits()
    {
        foreach (var command in Bot()["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()))
        {
            var title = (string)command!["title"]!;
            var description = (string?)command["description"] ?? "";
            Assert.True(title.Length <= 32, $"'{title}' is longer than Teams' 32 characters");
            Assert.True(description.Length is > 0 and <= 128, $"the description of '{title}' must be 1 to 128 characters, is {description.Length}");
        }
    }

    private static readonly Lazy<PlanIndex> OdkmIndex = new(() =>
    {
        var workbook = TrackerFileReader.Read(Path.Combine(RepositoryRoot.Path, "samples", "odkm-2019-20.txt"));
        return new PlanIndex(new TrackerImporter().Import(workbook, new TrackerImportOptions { PlanId = "odkm" }).Plan!, "v1");
    });

    [Theory]
    [InlineData("help", QuestionKind.Help)]
    [InlineData("what's overdue", QuestionKind.List)]
    [InlineData("what's due next week", QuestionKind.List)]
    [InlineData("what do I owe", QuestionKind.List)]
    public void A_command_picked_from_the_menu_is_answered_by_the_bot(string title, QuestionKind expected)
    {
        // "digest now" and "update" arrive with the digest and reminder issues (5 and 6); these four are answered today.
        Assert.Contains(title, ExpectedCommands["personal"]);

        var answer = QuestionAnswerer.Ask(title, OdkmIndex.Value, new DateOnly(2020, 1, 20), "Sue Graham");

        Assert.Equal(expected, answer.Kind);
    }

    [Fact]
    public void The_manifest_names_a_schema_version_the_pinned_npm_package_ships()
    {
        var template = Template();
        var version = (string)template["manifestVersion"]!;
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string?)template["$schema"]);
        var schema = Path.Combine(RepositoryRoot.Path, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{version}", "MicrosoftTeams.schema.json");
        Assert.True(File.Exists(schema), $"{schema} is missing: run scripts/install-tools.sh, or pick a manifestVersion @microsoft/app-manifest ships");
    }

    [Fact]
    public void The_colour_icon_is_a_192_pixel_square_and_opaque()
    {
        var icons = Template()["icons"]!;
        Assert.Equal("color.png", (string?)icons["color"]);
        var png = PngImage.Read(Path.Combine(ManifestDir, "color.png"));

        Assert.Equal((192, 192), (png.Width, png.Height));
        var pixels = png.Pixels();
        Assert.All(Enumerable.Range(0, pixels.Length / 4), i => Assert.Equal(255, pixels[i * 4 + 3]));
    }

    [Fact]
    public void The_outline_icon_is_a_32_pixel_square_white_on_transparent()
    {
        var icons = Template()["icons"]!;
        Assert.Equal("outline.png", (string?)icons["outline"]);
        var png = PngImage.Read(Path.Combine(ManifestDir, "outline.png"));

        Assert.Equal((32, 32), (png.Width, png.Height));
        Assert.True(png.HasAlpha, $"the outline icon needs an alpha channel (colour type {png.ColourType})");
        var pixels = png.Pixels();
        var alphas = Enumerable.Range(0, pixels.Length / 4).Select(i => pixels[i * 4 + 3]).ToList();
        var notWhite = Enumerable.Range(0, pixels.Length / 4).Count(i => alphas[i] > 0 && (pixels[i * 4] != 255 || pixels[i * 4 + 1] != 255 || pixels[i * 4 + 2] != 255));
        Assert.Equal(0, notWhite);
        Assert.Equal(0, alphas[0]); // the top-left corner is background
        Assert.InRange(alphas.Count(a => a == 0), 32 * 32 / 4, 32 * 32 - 1); // mostly background, but something is drawn
    }
}
