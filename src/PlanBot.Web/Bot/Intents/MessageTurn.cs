using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Telemetry;

namespace PlanBot.Web.Bot.Intents;

/// <summary>
/// A message as the intents see it: the activity, the text read from it once (<see cref="Text"/>), where replies go, and
/// the user's plan, looked up at most once however many intents ask. Built from a <see cref="TurnContext"/> by the
/// handler, or from an activity and a list of replies in tests, with no HTTP.
/// </summary>
public sealed class MessageTurn
{
    private readonly Func<Activity, CancellationToken, Task> _reply;
    private readonly long _started = Stopwatch.GetTimestamp();
    private PlanSelection? _selection;

    public MessageTurn(Activity activity, Func<Activity, CancellationToken, Task> reply)
    {
        Activity = activity;
        _reply = reply;
        (Text, Page) = Read(activity);
    }

    public static MessageTurn For(TurnContext turn) => new(turn.Activity, (reply, cancellationToken) => turn.SendActivityAsync(reply, cancellationToken));

    public Activity Activity { get; }

    /// <summary>What the user asked, cleaned (<see cref="MessageText.Clean"/>); empty when they sent no text.</summary>
    public string Text { get; }

    /// <summary>The page of a list answer a "Show more" button asks for; 1 otherwise.</summary>
    public int Page { get; }

    /// <summary>The text as a command word (<see cref="MessageText.Command"/>).</summary>
    public string Command => MessageText.Command(Text);

    public Task ReplyAsync(Activity reply, CancellationToken cancellationToken) => _reply(reply, cancellationToken);

    /// <summary>Replies with the answer to a question, counted in the answers metric as <paramref name="kind"/>.</summary>
    public Task AnswerAsync(Activity reply, string kind, CancellationToken cancellationToken)
    {
        PlanBotTelemetry.Answered(kind, Stopwatch.GetElapsedTime(_started));
        return _reply(reply, cancellationToken);
    }

    /// <summary>The plan the user's message goes to (<see cref="PlanSelector"/>), looked up on the first call only.</summary>
    public async Task<PlanSelection> SelectPlanAsync(PlanSelector selector, CancellationToken cancellationToken) =>
        _selection ??= await selector.SelectAsync(Activity, cancellationToken);

    /// <summary>
    /// The question and page: a card button sends them in its value (the visible text may just say "show more");
    /// a command button sends {"command": …}; otherwise it is what the user typed.
    /// </summary>
    private static (string Text, int Page) Read(Activity activity)
    {
        var value = activity.Value;
        if (value?["question"] is { } question && question.GetValueKind() == JsonValueKind.String)
        {
            var page = value["page"] is { } p && p.GetValueKind() == JsonValueKind.Number && p.GetValue<double>() is var n && n is >= 1 and <= 10_000 ? (int)n : 1;
            return (MessageText.Clean(question.GetValue<string>()), page);
        }
        var text = MessageText.Clean(activity.Text);
        if (text.Length == 0 && value?["command"] is { } command && command.GetValueKind() == JsonValueKind.String)
            text = MessageText.Clean(command.GetValue<string>());
        return (text, 1);
    }
}
