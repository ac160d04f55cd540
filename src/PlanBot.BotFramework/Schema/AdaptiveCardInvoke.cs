using System.Text.Json.Nodes;

namespace PlanBot.BotFramework.Schema;

/// <summary>The value of an adaptiveCard/action invoke (Universal Actions).</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }
    /// <summary>manual when the user pressed the button, automatic for a refresh.</summary>
    public string? Trigger { get; set; }
}

public sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Verb { get; set; }
    /// <summary>The action's data merged with the card's inputs, keyed by input id.</summary>
    public JsonObject? Data { get; set; }
}

/// <summary>The body answering an adaptiveCard/action invoke: a card that replaces the one shown, a message, or an error.</summary>
public sealed class AdaptiveCardInvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int StatusCode { get; set; }
    public string? Type { get; set; }
    public object? Value { get; set; }

    public static AdaptiveCardInvokeResponse Card(object card) => new() { StatusCode = 200, Type = CardType, Value = card };

    public static AdaptiveCardInvokeResponse Message(string text) => new() { StatusCode = 200, Type = MessageType, Value = text };

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new() { StatusCode = statusCode, Type = ErrorType, Value = new ErrorDetail { Code = code, Message = message } };
}
