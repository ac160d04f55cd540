using System.Net;
using System.Text;
using System.Text.Json;

namespace PlanBot.MessagesBenchmark;

/// <summary>
/// What a correct answer looks like, checked on every response: a benchmark that counts refusals or errors as fast
/// answers measures nothing.
/// </summary>
internal enum ExpectedAnswer
{
    /// <summary>The bot: 200 with {"activities":[...]} holding a message with an Adaptive Card attachment.</summary>
    Bot,
    /// <summary>The bare endpoint: 200 with {"type":"message"}, the type it parsed from the activity.</summary>
    Bare,
}

internal static class AnswerCheck
{
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static ExpectedAnswer Parse(string text) => text switch
    {
        "bot" => ExpectedAnswer.Bot,
        "bare" => ExpectedAnswer.Bare,
        _ => throw new UsageException("Option --expect must be bot or bare."),
    };

    /// <summary>Null when the response is a correct answer; otherwise what is wrong with it.</summary>
    public static string? FindProblem(ExpectedAnswer expected, HttpStatusCode status, byte[] body)
    {
        if (status != HttpStatusCode.OK) return $"HTTP {(int)status}: {Excerpt(body)}";
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return expected switch
            {
                ExpectedAnswer.Bot => HasAdaptiveCardReply(root) ? null : $"no Adaptive Card in the replies: {Excerpt(body)}",
                _ => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueEquals("message")
                    ? null
                    : $"not the echoed activity type: {Excerpt(body)}",
            };
        }
        catch (JsonException)
        {
            return $"the body is not JSON: {Excerpt(body)}";
        }
    }

    private static bool HasAdaptiveCardReply(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
            return false;
        foreach (var activity in activities.EnumerateArray())
        {
            if (activity.ValueKind != JsonValueKind.Object
                || !activity.TryGetProperty("type", out var type) || !type.ValueEquals("message")
                || !activity.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.ValueKind == JsonValueKind.Object
                    && attachment.TryGetProperty("contentType", out var contentType) && contentType.ValueEquals(AdaptiveCardContentType)
                    && attachment.TryGetProperty("content", out var card) && card.ValueKind == JsonValueKind.Object
                    && card.TryGetProperty("type", out var cardType) && cardType.ValueEquals("AdaptiveCard"))
                    return true;
            }
        }
        return false;
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return text.Length == 0 ? "(empty body)" : text + (body.Length > 300 ? "…" : "");
    }
}
