using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PlanBot.Core.Time;
using PlanBot.Storage;

namespace PlanBot.Web.Telemetry;

public static class HealthServiceCollectionExtensions
{
    public const string Path = "/healthz";

    /// <summary>ASP.NET Core health checks: Table storage answers (<see cref="TableStorageHealth"/>).</summary>
    public static IServiceCollection AddPlanBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>(TableStorageHealthCheck.Name);
        return services;
    }

    /// <summary>
    /// /healthz: 200 with <c>{"status":"healthy","storage":{"reachable":true},"today":"2020-01-20"}</c>, or 503 with
    /// reachable false. Only the outcome is shown, never an exception's text (it could name hosts or accounts); the
    /// reason is in the app's log.
    /// </summary>
    public static IEndpointConventionBuilder MapPlanBotHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var clock = context.RequestServices.GetRequiredService<PlanClock>();
        var storage = report.Entries.TryGetValue(TableStorageHealthCheck.Name, out var entry) && entry.Status == HealthStatus.Healthy;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
            storage = new { reachable = storage },
            today = clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken: context.RequestAborted);
    }
}

internal sealed partial class TableStorageHealthCheck(TableStorageHealth storage, ILogger<TableStorageHealthCheck> logger) : IHealthCheck
{
    public const string Name = "tables";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var check = await storage.CheckAsync(cancellationToken);
        if (check.Reachable) return HealthCheckResult.Healthy();
        LogUnreachable(logger, check.Detail);
        return HealthCheckResult.Unhealthy();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: Table storage did not answer ({Detail})")]
    private static partial void LogUnreachable(ILogger logger, string detail);
}
