using System.Text.Json.Nodes;

namespace PlanBot.BotFramework.Cards;

/// <summary>Action.Submit: Teams posts a message activity whose value is the data merged with the inputs.</summary>
public sealed class SubmitAction(string title, JsonObject? data = null) : CardAction(title)
{
    public JsonObject? Data { get; } = data;
}
