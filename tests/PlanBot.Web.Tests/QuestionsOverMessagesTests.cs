using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.Plans;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>Questions asked over /api/messages (expectReplies) against plans in Azurite, as Teams would send them.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QuestionsOverMessagesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Answers_through_the_endpoint_are_the_same_as_through_planbot_ask()
    {
        var cli = new PlanBotProcess(azurite) { Today = "2020-01-20" };
        var import = await cli.RunAsync("import", PlanBotProcess.Sample("odkm-2019-20.txt"), "--plan", "odkm");
        Assert.True(import.ExitCode == 0, import.All);
        var questions = SeedQuestions("odkm");
        Assert.True(questions.Count >= 40, $"{questions.Count} questions");

        var asked = await cli.RunAsync(["ask", "--plan", "odkm", "--as", "Sue Graham", .. questions]);
        var cliAnswers = ParseAskOutput(asked.Output);
        // Every question comes from one user back to back, far over the per-user rate limit (tested on its own elsewhere).
        await using var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["PlanBot:Storage:TablePrefix"] = cli.TablePrefix,
            ["PlanBot:Bot:RateLimit:Burst"] = "10000",
        });
        var client = host.CreateClient();

        foreach (var question in questions)
        {
            var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, BotHost.Message(question))));
            Assert.True(cliAnswers.TryGetValue(question, out var expected), $"planbot ask did not answer \"{question}\":\n{asked.All}");
            Assert.Equal(expected, reply!["text"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task With_several_plans_the_user_is_asked_which_and_their_choice_is_remembered()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));
        await BotHost.ImportAsync(host, TestPlans.Small("cpccg", milestones: 5));
        var client = host.CreateClient();

        var first = await AskAsync(client, "how many milestones are there?");
        Assert.Equal("Which plan should I answer from?", first["text"]!.GetValue<string>());
        var buttons = BotHost.Card(first)["actions"]!.AsArray().Select(a => a!["data"]!["command"]!.GetValue<string>()).ToList();
        Assert.Equal(["use plan cpccg", "use plan odkm"], buttons);

        var chosen = await AskAsync(client, "use plan cpccg");
        Assert.StartsWith("From now on I'll answer your questions from CPCCG", chosen["text"]!.GetValue<string>());

        var answer = await AskAsync(client, "how many milestones are there?");
        Assert.Equal("5 milestones in CPCCG as at 20 Jan 2020.", answer["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Using_a_plan_that_does_not_exist_says_which_plans_there_are()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));

        var reply = await AskAsync(host.CreateClient(), "use plan narnia");

        Assert.Equal("There is no plan 'narnia'. I hold: odkm.", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Long_lists_come_ten_at_a_time_with_show_more()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 25));
        var client = host.CreateClient();

        var first = await AskAsync(client, "list all milestones");
        var card = BotHost.Card(first);
        Assert.Equal("25 milestones in ODKM as at 20 Jan 2020.", first["text"]!.GetValue<string>());
        Assert.Equal(10, Rows(card).Count);
        Assert.Equal("#1", Rows(card)[0]);
        var more = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Show more", more["title"]!.GetValue<string>());
        Assert.Equal(2, more["data"]!["page"]!.GetValue<int>());

        var second = BotHost.Card(await PressAsync(client, more["data"]!.AsObject()));
        Assert.Equal("#11", Rows(second)[0]);
        Assert.Contains("Showing 11–20 of 25.", second.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var last = BotHost.Card(await PressAsync(client, second["actions"]![0]!["data"]!.AsObject()));
        Assert.Equal(["#21", "#22", "#23", "#24", "#25"], Rows(last));
        Assert.True(last["actions"] is null || last["actions"]!.AsArray().Count == 0, "the last page has no Show more");
    }

    [Fact]
    public async Task A_name_two_owners_share_is_asked_back_and_the_chosen_button_answers()
    {
        await using var host = BotHost.Start(azurite);
        var plan = TestPlans.Small("odkm", milestones: 3);
        plan = plan with
        {
            Milestones =
            [
                plan.Milestones[0] with { Owners = [TestPlans.Delivery("Mark Sanderson")] },
                plan.Milestones[1] with { Owners = [TestPlans.Delivery("Mark Balaam")] },
                plan.Milestones[2],
            ],
        };
        await BotHost.ImportAsync(host, plan);
        var client = host.CreateClient();

        var ask = await AskAsync(client, "what does mark own?");
        Assert.Equal("More than one person in ODKM matches 'mark'. Which do you mean?", ask["text"]!.GetValue<string>());
        var buttons = BotHost.Card(ask)["actions"]!.AsArray();
        Assert.Equal(["Mark Balaam", "Mark Sanderson"], buttons.Select(b => b!["title"]!.GetValue<string>()));

        var answer = await PressAsync(client, buttons[0]!["data"]!.AsObject());
        Assert.Equal("1 milestone owned by Mark Balaam as at 20 Jan 2020.", answer["text"]!.GetValue<string>());
        Assert.Equal(["#2"], Rows(BotHost.Card(answer)));
    }

    [Fact]
    public async Task An_answer_is_never_stale_after_the_plan_changes()
    {
        await using var host = BotHost.Start(azurite);
        var stored = await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));
        var client = host.CreateClient();
        Assert.StartsWith("#2 Milestone 2: on track", (await AskAsync(client, "status of #2"))["text"]!.GetValue<string>());

        var store = host.Services.GetRequiredService<IPlanStore>();
        var changed = stored.Version;
        var plan = (await store.GetPlanAsync("odkm"))!.Plan;
        plan = plan with { Milestones = [plan.Milestones[0], plan.Milestones[1] with { Status = MilestoneStatus.Delayed, StatusText = "Delayed" }, plan.Milestones[2]] };
        await store.CommitImportAsync(plan, changed, "test", [], null, CancellationToken.None);

        Assert.StartsWith("#2 Milestone 2: delayed", (await AskAsync(client, "status of #2"))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_PMO_can_teach_PlanBot_its_own_words_for_a_team_in_configuration()
    {
        var plan = TestPlans.Small("odkm", milestones: 3);
        plan = plan with { Milestones = [plan.Milestones[0] with { Team = "DSP" }, plan.Milestones[1] with { Team = "DSP" }, plan.Milestones[2] with { Team = "CFO" }] };
        await using var plain = BotHost.Start(azurite);
        await BotHost.ImportAsync(plain, plan);
        await using var taught = BotHost.Start(azurite, new Dictionary<string, string?> { ["PlanBot:Questions:Synonyms:estates:0"] = "DSP" });
        await BotHost.ImportAsync(taught, plan);

        var unknown = await AskAsync(plain.CreateClient(), "what's in estates?");
        var known = await AskAsync(taught.CreateClient(), "what's in estates?");

        Assert.StartsWith("Sorry, I didn't understand that. I don't know 'estates'", unknown["text"]!.GetValue<string>());
        Assert.Equal("2 milestones in DSP as at 20 Jan 2020.", known["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)> overdue in narnia")]
    [InlineData("[who owns 36](javascript:alert(1)) **now**")]
    [InlineData("\u202Edelayed\u202C \u200B\u200Bnarnia")]
    [InlineData("🎉🎉🎉 ¿Quién es responsable del hito 36? 里程碑")]
    [InlineData("' OR 1=1; DROP TABLE Plans; --")]
    public async Task Hostile_questions_get_a_polite_not_understood_with_help_and_nothing_raw_in_the_card(string text)
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));

        var response = await BotHost.PostAsync(host.CreateClient(), BotHost.Message(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await BotHost.RepliesAsync(response))!;
        Assert.StartsWith("Sorry, I didn't understand that.", reply["text"]!.GetValue<string>());
        var card = BotHost.Card(reply).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("\"command\":\"help\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", card, StringComparison.Ordinal);
        // Link syntax survives only with its bracket escaped, so Teams shows it as text.
        Assert.DoesNotContain("\"[who", card, StringComparison.Ordinal);
        Assert.DoesNotContain("“[who", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", card, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> AskAsync(HttpClient client, string text) =>
        Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, BotHost.Message(text))))!.AsObject();

    /// <summary>A card button (Action.Submit) pressed: Teams posts a message with no text and the button's data as the value.</summary>
    private static async Task<JsonObject> PressAsync(HttpClient client, JsonObject data)
    {
        var message = BotHost.Message("");
        message["value"] = data.DeepClone();
        return Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, message)))!.AsObject();
    }

    /// <summary>The references listed on an answer card, in order.</summary>
    private static List<string> Rows(JsonObject card) =>
        card["body"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "Container")
            .Select(e => e!["items"]![0]!["columns"]![0]!["items"]![0]!["text"]!.GetValue<string>())
            .ToList();

    /// <summary>The seed question set's questions about a plan, apart from help and plan switching, asked by Sue Graham or nobody in particular.</summary>
    private static List<string> SeedQuestions(string plan) =>
        File.ReadLines(Path.Combine(RepositoryRoot.Path, "tests", "PlanBot.Core.Tests", "Questions", "SeedQuestions", "questions.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonNode.Parse(line)!)
            .Where(q => q["plan"]!.GetValue<string>() == plan
                && q["kind"]!.GetValue<string>() is not ("help" or "use-plan")
                && (q["as"] is null || q["as"]!.GetValue<string>() == "Sue Graham"))
            .Select(q => q["question"]!.GetValue<string>())
            // The endpoint cleans what Teams sends (mentions, markup, control characters); compare questions it leaves alone.
            .Where(q => PlanBot.Web.Bot.MessageText.Clean(q) == q)
            .Distinct()
            .ToList();

    /// <summary>`planbot ask` with several questions prints "> question", the answer's sentence, then any table.</summary>
    private static Dictionary<string, string> ParseAskOutput(string output)
    {
        var answers = new Dictionary<string, string>();
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i + 1 < lines.Count; i++)
            if (lines[i].StartsWith("> ", StringComparison.Ordinal)) answers.TryAdd(lines[i][2..], lines[i + 1]);
        return answers;
    }
}
