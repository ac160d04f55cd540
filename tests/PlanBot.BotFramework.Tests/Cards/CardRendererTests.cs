using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;
using Xunit.Abstractions;

namespace PlanBot.BotFramework.Tests.Cards;

/// <summary>
/// Renders cards with the official Adaptive Cards JS renderer (tools/card-renderer) in headless Chromium. Needs
/// node_modules and Debian's chromium, both installed by scripts/install-tools.sh; without them these tests fail.
/// </summary>
public sealed class CardRendererTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan RendererTimeout = TimeSpan.FromMinutes(2);
    private readonly string workDir = Directory.CreateTempSubdirectory("planbot-cards-").FullName;

    [Fact]
    public async Task Sample_card_with_every_element_renders_without_errors_and_shows_hostile_text_as_typed()
    {
        var card = SampleCards.EveryElementAndAction();
        var run = await RenderAsync(("model-sample", card.ToJson()));

        Assert.True(run.ExitCode == 0, $"renderer exit code {run.ExitCode}\n{run.Output}");
        Assert.Matches(@"model-sample\s+\d+ bytes \(UTF-16\)\s+OK", run.Output);
        var report = run.Report("model-sample");
        Assert.Empty(report["errors"]!.AsArray());
        Assert.True(report["markdown"]!.GetValue<bool>(), "markdown-it must be loaded, or the escaping is not being tested");
        Assert.True(new FileInfo(run.Screenshot("model-sample")).Length > 10_000, "the screenshot looks empty");

        var blocks = report["textBlocks"]!.AsArray()
            .Select(b => (Lines: VisibleLines(b!["text"]!.GetValue<string>()), Markup: b["markup"]!.AsArray().Select(m => m!.GetValue<string>()).ToList()))
            .ToList();

        // Our trusted markdown is formatted, which proves the renderer ran markdown over the hostile text too.
        Assert.Contains(blocks, b => b.Markup.Contains("strong") && b.Lines.SequenceEqual(["Milestone update — trusted markdown from PlanBot"]));

        foreach (var hostile in SampleCards.HostileTexts.Append(SampleCards.TextWithControlCharacters))
        {
            var expected = VisibleLines(TextSanitizer.Clean(hostile));
            var shown = blocks.Where(b => b.Lines.SequenceEqual(expected)).ToList();
            Assert.True(shown.Count == 1, $"not shown as typed: {hostile}\nlooked for: {string.Join(" / ", expected)}");
            Assert.Empty(shown[0].Markup);
        }

        Assert.Contains(blocks, b => b.Lines.SequenceEqual(["**Jo** [Bloggs](https://evil.example)"]) && b.Markup.Count == 0);
        Assert.Contains(blocks, b => b.Lines.SequenceEqual(["31/03/2020 <b>not bold</b>"]) && b.Markup.Count == 0);
        Assert.Contains(blocks, b => b.Lines.SequenceEqual(["Delayed — reason: *supplier* #2"]) && b.Markup.SequenceEqual(["em"]));

        UpdateDocsIfAsked(card, run.Screenshot("model-sample"));
    }

    [Fact]
    public async Task Invalid_cards_are_reported_as_errors_and_fail_the_run()
    {
        var valid = new AdaptiveCard { Body = { new TextBlock("Fine") } }.ToJson();
        var run = await RenderAsync(
            ("valid", valid),
            ("unknown-element", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Milestone.Chart","text":"x"}]}"""),
            ("input-without-id", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","label":"Owner"}]}"""),
            ("not-json", """{"type":"AdaptiveCard",""")
        );

        Assert.True(run.ExitCode == 1, $"renderer exit code {run.ExitCode}\n{run.Output}");
        Assert.Matches(@"valid\s+\d+ bytes \(UTF-16\)\s+OK", run.Output);
        Assert.Matches(@"unknown-element\s+\d+ bytes \(UTF-16\)\s+ERRORS", run.Output);
        Assert.Contains("UnknownElementType", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"input-without-id\s+\d+ bytes \(UTF-16\)\s+ERRORS", run.Output);
        Assert.Contains("PropertyCantBeNull (Input.Text)", run.Output, StringComparison.Ordinal);
        Assert.Contains("not JSON", run.Report("not-json")["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("3 of 4 card(s) failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_sample_card_json_matches_the_sample_built_by_the_model()
    {
        var docs = Path.Combine(RepoRoot(), "docs", "cards", "model-sample.json");
        var current = SampleCards.EveryElementAndAction().ToJsonNode();

        Assert.True(
            File.Exists(docs) && JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(docs)), current),
            $"{docs} is out of date: run the renderer tests with PLANBOT_UPDATE_CARD_DOCS=1 to rewrite it and its screenshot.");
    }

    public void Dispose() => Directory.Delete(workDir, recursive: true);

    private async Task<CardRenderRun> RenderAsync(params (string Name, string Json)[] cards)
    {
        var run = await CardRenderer.RenderAsync(workDir, cards);
        output.WriteLine($"renderer took {run.Took.TotalSeconds:F1} s, exit code {run.ExitCode}\n{run.Output}");
        return run;
    }

    // Lines a reader sees, ignoring the blank lines between paragraphs and indentation.
    private static List<string> VisibleLines(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    private static void UpdateDocsIfAsked(AdaptiveCard card, string screenshot)
    {
        if (Environment.GetEnvironmentVariable("PLANBOT_UPDATE_CARD_DOCS") != "1")
        {
            return;
        }

        var docs = Path.Combine(RepoRoot(), "docs", "cards");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "model-sample.json"), card.ToJsonNode().ToJsonString(new(CardJson.Options) { WriteIndented = true }) + "\n");
        File.Copy(screenshot, Path.Combine(docs, "model-sample.png"), overwrite: true);
    }

    private static string RepoRoot() => PlanBot.Testing.RepositoryRoot.Path;
}
