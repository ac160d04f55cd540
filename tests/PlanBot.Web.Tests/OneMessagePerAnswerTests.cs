using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.Plans;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

/// <summary>
/// What a user reads through the real host with the ODKM sample plan: each answer is one message, no card says again
/// what its message's text says, and the status of a milestone tells one story in text and card.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed partial class OneMessagePerAnswerTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("help")]
    [InlineData("plans")]
    [InlineData("what's overdue in finance?")]
    [InlineData("list all milestones")]
    [InlineData("who owns 23?")]
    [InlineData("status of 23")]
    [InlineData("what does mark own?")]
    [InlineData("what's overdue in narnia?")]
    [InlineData("the quick brown fox")]
    public async Task Every_answer_is_one_message_whose_card_does_not_repeat_its_text(string question)
    {
        await using var host = await StartWithSamplePlanAsync();

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(host.CreateClient(), BotHost.Message(question))))!;

        var text = reply["text"]!.GetValue<string>();
        foreach (var shown in CardTexts(BotHost.Card(reply)))
        {
            Assert.False(text.Contains(shown, StringComparison.Ordinal) && shown.Length > 20, $"the card repeats \"{shown}\" from the message \"{text}\"");
            Assert.False(shown.Contains(text, StringComparison.Ordinal), $"the card repeats the message \"{text}\"");
        }
    }

    [Fact]
    public async Task Plans_names_each_plan_once()
    {
        await using var host = await StartWithSamplePlanAsync();

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(host.CreateClient(), BotHost.Message("plans"))))!;

        var everything = reply["text"]!.GetValue<string>() + "\n" + string.Join("\n", CardTexts(BotHost.Card(reply)));
        Assert.Single(Regex.Matches(everything, Regex.Escape("Operational Delivery Key Milestones")));
    }

    [Fact]
    public async Task Status_of_23_quotes_the_same_latest_exception_report_in_its_text_as_its_card_leads_with()
    {
        await using var host = await StartWithSamplePlanAsync();

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(host.CreateClient(), BotHost.Message("status of 23"))))!;

        var text = reply["text"]!.GetValue<string>();
        var facts = BotHost.Card(reply)["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "FactSet")
            .SelectMany(f => f!["facts"]!.AsArray()).Select(f => (Title: f!["title"]!.GetValue<string>(), Value: Unescape(f["value"]!.GetValue<string>()))).ToList();
        var reason = facts.First(f => f.Title == "Reason").Value;
        var proposed = facts.First(f => f.Title == "Proposed date").Value;
        // The seed's January 2020 report (listed above Quarter 2's) gives a reason and 31 Mar 2020 for #23.
        Assert.NotEqual("none given", reason);
        Assert.Equal("31 Mar 2020", proposed);
        Assert.Contains(reason[..Math.Min(60, reason.Length)], text, StringComparison.Ordinal);
        Assert.Contains("Proposed revised date 31 Mar 2020.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_row_names_owners_by_the_trackers_roles_says_overdue_once_and_its_details_button_answers_its_status()
    {
        await using var host = await StartWithSamplePlanAsync();
        var client = host.CreateClient();

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, BotHost.Message("what's overdue in finance?"))))!;

        var row = BotHost.Card(reply)["body"]!.AsArray()
            .First(e => e!["type"]!.GetValue<string>() == "Container" && CardTexts(e).FirstOrDefault() == "#36")!;
        var texts = CardTexts(row);
        Assert.Contains("Delivery Owner: Rachel Pilsworth · COT Owner: Louis Kamfer", texts);
        Assert.Single(texts, t => t.EndsWith("· overdue by 52 days, marked delayed", StringComparison.Ordinal));
        Assert.DoesNotContain(CardTexts(BotHost.Card(reply)), t => t.Contains(", overdue", StringComparison.Ordinal));
        var button = Assert.Single(row["items"]![0]!["columns"]![2]!["items"]![0]!["actions"]!.AsArray())!;
        Assert.Equal(("Details", "status of #36"), (button["title"]!.GetValue<string>(), button["data"]!["question"]!.GetValue<string>()));

        var pressed = BotHost.Message(string.Empty);
        pressed["value"] = button["data"]!.DeepClone();
        var status = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(client, pressed)))!;
        Assert.StartsWith("#36 Negotiate 20/21 CT with regulators and system: delayed", status["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Delivery Owner: Rachel Pilsworth · COT Owner: Louis Kamfer", CardTexts(BotHost.Card(status)));
    }

    [Fact]
    public async Task Who_owns_23_names_its_owners_under_the_trackers_own_role_headers()
    {
        await using var host = await StartWithSamplePlanAsync();

        var reply = Assert.Single(await BotHost.RepliesAsync(await BotHost.PostAsync(host.CreateClient(), BotHost.Message("who owns 23?"))))!;

        var facts = BotHost.Card(reply)["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "FactSet")
            .SelectMany(f => f!["facts"]!.AsArray()).ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        Assert.Equal("Sara Rodreguiz", facts["Delivery Owner"]);
        Assert.Equal("Sue Graham", facts["COT Owner"]);
    }

    private async Task<WebApplicationFactory<Program>> StartWithSamplePlanAsync()
    {
        var host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["PlanBot:SamplePlan:File"] = Path.Combine(RepositoryRoot.Path, "samples", "odkm-2019-20.txt"),
            ["PlanBot:SamplePlan:PlanId"] = "odkm",
        });
        var store = host.Services.GetRequiredService<IPlanStore>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await store.ListPlansAsync(CancellationToken.None)).Count == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "the sample plan was not imported");
            await Task.Delay(100);
        }
        return host;
    }

    /// <summary>Every TextBlock's text and every fact's value on the card, without markdown escapes.</summary>
    private static List<string> CardTexts(JsonNode card)
    {
        var texts = new List<string>();
        Walk(card);
        return texts;

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["type"]?.GetValue<string>() == "TextBlock") texts.Add(Unescape(o["text"]!.GetValue<string>()));
                    if (o["value"] is JsonValue v && o["title"] is not null && v.TryGetValue<string>(out var value)) texts.Add(Unescape(value));
                    foreach (var (_, child) in o) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
    }

    private static string Unescape(string markdown) => MarkdownEscape().Replace(markdown, "$1");

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>|~])")]
    private static partial Regex MarkdownEscape();
}
