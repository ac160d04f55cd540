using System.Text.Json.Nodes;

namespace PlanBot.BotFramework.Cards;

/// <summary>
/// Action.Execute (Universal Actions): Teams sends an adaptiveCard/action invoke with <see cref="Verb"/>, the data and
/// the inputs, and the bot may answer with a replacement card. Clients older than card version 1.4 do not know it, so
/// as Microsoft advises it gets an Action.Submit <see cref="Fallback"/> with the same data plus "verb", letting the
/// message that such a client sends be routed the same way.
/// </summary>
public sealed class ExecuteAction : CardAction
{
    public ExecuteAction(string title, string verb, JsonObject? data = null)
        : base(title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        Verb = verb;
        Data = data;
        Fallback = new SubmitAction(title, SubmitDataFor(verb, data));
    }

    public string Verb { get; }
    public JsonObject? Data { get; }
    public AssociatedInputs? AssociatedInputs { get; init; }

    /// <summary>What older clients show instead; an Action.Submit by default, null to send none.</summary>
    public CardAction? Fallback { get; init; }

    private static JsonObject SubmitDataFor(string verb, JsonObject? data)
    {
        var submitData = data?.DeepClone().AsObject() ?? [];
        submitData.TryAdd("verb", verb);
        return submitData;
    }
}
