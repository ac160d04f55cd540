using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace PlanBot.Testing.Bot;

/// <summary>
/// Runs tools/card-renderer (the official Adaptive Cards JS renderer in headless Debian Chromium) over a folder of card
/// JSON files. Needs node_modules and /usr/bin/chromium, both installed by scripts/install-tools.sh.
/// </summary>
public static class CardRenderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Writes each card to <paramref name="workDir"/>/in as NAME.json and renders them all into workDir/out.</summary>
    public static Task<CardRenderRun> RenderAsync(string workDir, params (string Name, string Json)[] cards)
    {
        var input = System.IO.Path.Combine(workDir, "in");
        Directory.CreateDirectory(input);
        foreach (var (name, json) in cards) File.WriteAllText(System.IO.Path.Combine(input, name + ".json"), json);
        return RenderFolderAsync(input, System.IO.Path.Combine(workDir, "out"));
    }

    public static async Task<CardRenderRun> RenderFolderAsync(string inputDir, string outputDir)
    {
        var root = RepositoryRoot.Path;
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is missing (/usr/bin/chromium): run scripts/install-tools.sh.");
        Assert.True(Directory.Exists(System.IO.Path.Combine(root, "node_modules", "adaptivecards")), "node_modules is missing: run scripts/install-tools.sh.");

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { System.IO.Path.Combine(root, "tools", "card-renderer", "render-cards.mjs"), inputDir, outputDir },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the card renderer did not finish within {Timeout}");
        }
        return new CardRenderRun(process.ExitCode, await stdout + await stderr, outputDir, timer.Elapsed);
    }
}

public sealed record CardRenderRun(int ExitCode, string Output, string OutputDir, TimeSpan Took)
{
    public JsonNode Report(string card) => JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(OutputDir, card + ".render.json")))!;

    public string Screenshot(string card) => System.IO.Path.Combine(OutputDir, card + ".png");
}
