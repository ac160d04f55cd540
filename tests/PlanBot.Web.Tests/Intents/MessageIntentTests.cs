using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.People;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using PlanBot.Web.Bot;
using PlanBot.Web.Bot.Intents;

namespace PlanBot.Web.Tests.Intents;

/// <summary>
/// The message intents driven directly, without HTTP: each built by the host's own container over Azurite, given a
/// message as Teams sends it, with the replies collected in a list.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MessageIntentTests(AzuriteFixture azurite)
{
    private const string HelpCard = "Here is what I can do.";

    [Fact]
    public async Task A_message_is_offered_to_the_intents_in_the_documented_order()
    {
        await using var host = BotHost.Start(azurite);

        var handler = host.Services.GetRequiredService<PlanBotActivityHandler>();

        Assert.Equal(
            [typeof(TrackerFileIntent), typeof(BoardPackIntent), typeof(DigestIntent), typeof(HelpIntent), typeof(PlansIntent),
             typeof(CardUpdateIntent), typeof(SnoozeIntent), typeof(UpdateIntent), typeof(QuestionIntent)],
            handler.Intents.Select(i => i.GetType()));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("Help!")]
    [InlineData("hi")]
    [InlineData("hello")]
    [InlineData("start")]
    [InlineData("what can you do?")]
    [InlineData("commands")]
    [InlineData("?")]
    public async Task Every_way_of_asking_for_help_gets_the_help_card_from_the_help_intent(string text)
    {
        await using var host = BotHost.Start(azurite);
        var help = Intent<HelpIntent>(host);

        var (handled, replies) = await SendAsync(help, text);

        Assert.True(handled);
        var reply = Assert.Single(replies);
        Assert.Equal(HelpCard, reply.Text);
        Assert.Equal("application/vnd.microsoft.card.adaptive", Assert.Single(reply.Attachments!).ContentType);
    }

    [Fact]
    public async Task An_empty_message_gets_the_help_card_with_a_nudge_to_type_something()
    {
        await using var host = BotHost.Start(azurite);

        var (handled, replies) = await SendAsync(Intent<HelpIntent>(host), "");

        Assert.True(handled);
        Assert.Equal("Type a question or a command, or pick one from this card.", Assert.Single(replies).Text);
    }

    [Theory]
    [InlineData("what's overdue?")]
    [InlineData("plans")]
    [InlineData("who owns milestone 2?")]
    public async Task The_help_intent_leaves_other_messages_alone_and_sends_nothing(string text)
    {
        await using var host = BotHost.Start(azurite);

        var (handled, replies) = await SendAsync(Intent<HelpIntent>(host), text);

        Assert.False(handled);
        Assert.Empty(replies);
    }

    [Fact]
    public async Task A_question_gets_its_answer_from_the_question_intent_and_the_intents_before_it_pass()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));
        var handler = host.Services.GetRequiredService<PlanBotActivityHandler>();

        foreach (var intent in handler.Intents.Where(i => i is not QuestionIntent))
        {
            var (passed, nothing) = await SendAsync(intent, "how many milestones are there?");
            Assert.False(passed, $"{intent.GetType().Name} took a question");
            Assert.Empty(nothing);
        }
        var (handled, replies) = await SendAsync(Intent<QuestionIntent>(host), "how many milestones are there?");

        Assert.True(handled);
        Assert.Equal("3 milestones in ODKM as at 20 Jan 2020.", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task A_digest_request_that_starts_like_a_call_for_help_is_taken_as_the_digest()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));
        var handler = host.Services.GetRequiredService<PlanBotActivityHandler>();
        var (helpWouldTakeIt, _) = await SendAsync(Intent<HelpIntent>(host), "help me subscribe to the digest");

        var replies = new List<Activity>();
        var answered = await handler.AnswerAsync(Turn("help me subscribe to the digest", replies), CancellationToken.None);

        Assert.True(helpWouldTakeIt); // so the order is what decides
        Assert.True(answered);
        Assert.StartsWith("Done: I'll send you the weekly digest of ODKM", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task With_several_plans_and_none_chosen_a_snooze_an_update_and_a_question_are_each_asked_which_plan()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));
        await BotHost.ImportAsync(host, TestPlans.Small("hr", milestones: 2));
        var handler = host.Services.GetRequiredService<PlanBotActivityHandler>();

        foreach (var text in new[] { "remind me Monday about #2", "#2 delayed to 28 Feb 2020 because of staffing", "what's overdue?" })
        {
            var replies = new List<Activity>();
            Assert.True(await handler.AnswerAsync(Turn(text, replies), CancellationToken.None));
            Assert.Equal("Which plan should I answer from?", Assert.Single(replies).Text);
        }
    }

    [Fact]
    public async Task Use_plan_chooses_the_plan_the_next_questions_are_answered_from()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));
        await BotHost.ImportAsync(host, TestPlans.Small("hr", milestones: 2));
        var handler = host.Services.GetRequiredService<PlanBotActivityHandler>();

        var (chose, chosen) = await SendAsync(Intent<PlansIntent>(host), "use plan hr");
        var replies = new List<Activity>();
        await handler.AnswerAsync(Turn("how many milestones are there?", replies), CancellationToken.None);

        Assert.True(chose);
        Assert.Equal("From now on I'll answer your questions from HR: Plan hr.", Assert.Single(chosen).Text);
        Assert.Equal("2 milestones in HR as at 20 Jan 2020.", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task The_board_pack_intent_refuses_someone_who_is_not_a_PMO_admin_without_offering_a_file()
    {
        await using var host = BotHost.Start(azurite);
        await BotHost.ImportAsync(host, TestPlans.Small("odkm", milestones: 3));
        await host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync(
            [new Person("Pat Admin", AadObjectId: "33333333-3333-3333-3333-333333333333", Roles: [PersonRoles.PmoAdmin])], "test", null);

        var (handled, replies) = await SendAsync(Intent<BoardPackIntent>(host), "board pack");

        Assert.True(handled);
        var reply = Assert.Single(replies);
        Assert.StartsWith("Only PMO admins can ask for the board pack.", reply.Text);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task An_answer_of_a_kind_without_its_own_card_that_names_milestones_shows_them_as_a_list()
    {
        await using var host = BotHost.Start(azurite);
        var milestones = TestPlans.Small("odkm", milestones: 2).Milestones;
        var answer = new Answer
        {
            Kind = QuestionKind.Unanswerable, Text = "Two milestones.", PlanId = "odkm", PlanName = "Plan odkm", AsAt = new DateOnly(2020, 1, 20),
            Milestones = milestones,
        };

        var listed = Intent<QuestionIntent>(host).Reply(answer, "which two?", 1);
        var plain = Intent<QuestionIntent>(host).Reply(answer with { Milestones = [] }, "which two?", 1);

        Assert.Equal("Two milestones.", listed.Text);
        var card = JsonSerializer.SerializeToNode(Assert.Single(listed.Attachments!).Content, BotJson.Options)!.ToJsonString();
        Assert.Contains("Milestone 1", card);
        Assert.Contains("Milestone 2", card);
        Assert.Equal("Two milestones.", plain.Text);
        Assert.Null(plain.Attachments);
    }

    private static T Intent<T>(WebApplicationFactory<Program> host) where T : IMessageIntent =>
        host.Services.GetServices<IMessageIntent>().OfType<T>().Single();

    private static async Task<(bool Handled, List<Activity> Replies)> SendAsync(IMessageIntent intent, string text)
    {
        var replies = new List<Activity>();
        var handled = await intent.TryHandleAsync(Turn(text, replies), CancellationToken.None);
        return (handled, replies);
    }

    /// <summary>Sue Graham's message in her 1:1 chat, as Teams posts it, with the replies going to <paramref name="replies"/>.</summary>
    private static MessageTurn Turn(string text, List<Activity> replies)
    {
        JsonNode json = BotHost.Message(text);
        var activity = json.Deserialize<Activity>(BotJson.Options)!;
        return new MessageTurn(activity, (reply, _) =>
        {
            replies.Add(reply);
            return Task.CompletedTask;
        });
    }
}
