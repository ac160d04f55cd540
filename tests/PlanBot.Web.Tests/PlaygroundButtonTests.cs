using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>
/// The local loop as people use it: the real host (a separate process, local mode, the sample plan) with the real
/// Microsoft 365 Agents Playground in front, whose web client headless Chromium drives by clicking the cards' buttons
/// (tools/playground-check/click-buttons.mjs).
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PlaygroundButtonTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Help_show_plans_show_more_a_list_rows_details_and_a_choice_button_each_answer_in_the_Agents_Playground()
    {
        var root = RepositoryRoot.Path;
        var playgroundCli = Path.Combine(root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        Assert.True(File.Exists(playgroundCli), "the Agents Playground is missing: run scripts/install-tools.sh.");
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is missing (/usr/bin/chromium): run scripts/install-tools.sh.");

        var hostPort = FreeLoopbackPort();
        await using var host = WebHostProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{hostPort}",
            ["ConnectionStrings__Tables"] = azurite.ConnectionString,
            ["PlanBot__Storage__TablePrefix"] = TestTablePrefix.New(),
            ["PlanBot__Today"] = "2020-01-20",
            ["PlanBot__SamplePlan__File"] = Path.Combine(root, "samples", "odkm-2019-20.txt"),
            ["PlanBot__SamplePlan__PlanId"] = "odkm",
            ["PlanBot__Reminders__Enabled"] = "false",
            ["PlanBot__Digests__Enabled"] = "false",
        });
        await WaitForAsync(() => Task.FromResult(host.Output.Contains("Imported the sample plan odkm", StringComparison.Ordinal)),
            () => $"the host did not import the sample plan:\n{host.Output}");

        var work = Directory.CreateTempSubdirectory("planbot-playground-");
        var playgroundPort = FreeLoopbackPort();
        using var playground = StartPlayground(playgroundCli, hostPort, playgroundPort, work.FullName);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await WaitForAsync(async () => await AnswersAsync(http, $"http://127.0.0.1:{playgroundPort}/"),
                () => "the Agents Playground did not start: " + File.ReadAllText(Path.Combine(work.FullName, "playground.log")));

            var run = await RunNodeAsync(Path.Combine(root, "tools", "playground-check", "click-buttons.mjs"),
                $"http://127.0.0.1:{playgroundPort}/", Path.Combine(work.FullName, "screenshots"));

            Assert.True(run.ExitCode == 0, $"{run.Output}\nscreenshots in {work.FullName}/screenshots\nhost:\n{host.Output}");
            foreach (var step in new[] { "help", "show-plans", "show-more", "row-details", "choice" })
                Assert.Contains($"ok: {step} ", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            if (!playground.HasExited) playground.Kill(entireProcessTree: true);
            await playground.WaitForExitAsync();
        }
    }

    private static Process StartPlayground(string cli, int hostPort, int port, string workDir)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                cli, "--app-endpoint", $"http://127.0.0.1:{hostPort}/api/messages", "--channel-id", "msteams",
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry",
            },
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Without a desktop it would try to open a browser, fail and exit; its log stays in the test's folder.
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDir, "playground-devtools.log");
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(workDir, "playground.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"click-buttons.mjs did not finish within 8 minutes:\n{await output}{await error}");
        }
        return (process.ExitCode, await output + await error);
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string url)
    {
        try
        {
            return (await http.GetAsync(url)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Func<string> failure)
    {
        var timer = Stopwatch.StartNew();
        while (!await condition())
        {
            if (timer.Elapsed > StartTimeout) Assert.Fail(failure());
            await Task.Delay(250);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
