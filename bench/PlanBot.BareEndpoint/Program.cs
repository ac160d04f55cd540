using System.Text.Json;

// The same builder as src/PlanBot.Web (CreateBuilder: Kestrel, configuration, logging and host filtering defaults),
// with one endpoint in place of the bot's. It parses each activity with JsonDocument, as any real endpoint must read
// what it is sent, and echoes the activity's type so the load generator can check the body really was parsed.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok());
app.MapPost("/api/messages", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    using var activity = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
    var type = activity.RootElement.ValueKind == JsonValueKind.Object
        && activity.RootElement.TryGetProperty("type", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    return type is null ? Results.BadRequest() : Results.Json(new ReceivedActivity(type));
});

app.Run();

/// <summary>The bare endpoint's whole answer: the type of the activity it read.</summary>
internal sealed record ReceivedActivity(string Type);
