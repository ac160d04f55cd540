using System.Globalization;
using System.Text.Json.Nodes;

namespace PlanBot.MessagesBenchmark;

/// <summary>
/// The activity each load worker sends: a message in a personal chat, shaped like what Teams posts (ids, tenant,
/// clientInfo entity, channelData), with deliveryMode expectReplies so the bot answers in the HTTP response and no
/// connector is needed. Each worker is its own user in its own chat, as concurrent requests are in real use.
/// </summary>
internal static class TeamsMessage
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static byte[] Create(int worker, string botAppId, string serviceUrl, string text)
    {
        // Fixed per worker, so the bot sees the same users on every run and its conversation-reference cache behaves
        // as it does for returning users.
        var userObjectId = $"b3e5c0de-0000-4000-8000-{worker.ToString("D12", CultureInfo.InvariantCulture)}";
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = (1_764_000_000_000L + worker).ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = "2026-11-23T09:30:00.123Z",
            ["localTimestamp"] = "2026-11-23T09:30:00.123+00:00",
            ["localTimezone"] = "Europe/London",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject
            {
                ["id"] = $"29:1bench-user-{worker}",
                ["name"] = $"Bench User {worker}",
                ["aadObjectId"] = userObjectId,
            },
            ["conversation"] = new JsonObject
            {
                ["conversationType"] = "personal",
                ["tenantId"] = TenantId,
                ["id"] = $"a:1bench-personal-chat-{worker}",
            },
            ["recipient"] = new JsonObject { ["id"] = $"28:{botAppId}", ["name"] = "PlanBot" },
            ["textFormat"] = "plain",
            ["locale"] = "en-GB",
            ["text"] = text,
            ["entities"] = new JsonArray(new JsonObject
            {
                ["locale"] = "en-GB",
                ["country"] = "GB",
                ["platform"] = "Web",
                ["timezone"] = "Europe/London",
                ["type"] = "clientInfo",
            }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["deliveryMode"] = "expectReplies",
        };
        return System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString());
    }
}
