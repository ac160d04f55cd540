using System.Text.Json;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// Reads the error code and message out of a connector error body. Teams uses two shapes:
/// the Bot Framework <c>{"error":{"code":"...","message":"..."}}</c>, and for a blocked bot
/// <c>{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"...\"}"}</c>, whose message is
/// itself JSON text carrying the reason in subCode.
/// </summary>
internal static class ConnectorErrorBody
{
    public static (string? Code, string? Message) Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            return Read(document.RootElement, depth: 0);
        }
        catch (JsonException)
        {
            return (null, null); // an HTML error page from a proxy, say: the status code has to do
        }
    }

    private static (string? Code, string? Message) Read(JsonElement root, int depth)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, null);

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = Text(error, "code");
            var message = Text(error, "message");
            // The Bot Framework error can wrap the Teams one; a subCode inside says more than a generic code.
            var (innerCode, innerMessage) = message is not null && depth < 2 ? ReadEmbedded(message, depth) : (null, null);
            return (innerCode ?? code, innerMessage ?? message);
        }

        var subCode = Text(root, "subCode");
        var details = Text(root, "details") ?? Text(root, "message");
        if (subCode is not null) return (subCode, details);

        if (Text(root, "message") is { } text && depth < 2)
        {
            var (embeddedCode, embeddedMessage) = ReadEmbedded(text, depth);
            if (embeddedCode is not null) return (embeddedCode, embeddedMessage);
        }
        return (Text(root, "code") ?? Text(root, "errorCode"), Text(root, "message"));
    }

    private static (string? Code, string? Message) ReadEmbedded(string text, int depth)
    {
        if (!text.TrimStart().StartsWith('{')) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(text);
            return Read(document.RootElement, depth + 1);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
