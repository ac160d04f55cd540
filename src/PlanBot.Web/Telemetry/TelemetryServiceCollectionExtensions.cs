using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PlanBot.BotFramework.Connector;
using PlanBot.Core.Telemetry;

namespace PlanBot.Web.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The setting App Service and the Azure Monitor distro use for Application Insights.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry to Application Insights (traces: ASP.NET Core, HttpClient and <see cref="PlanBotTelemetry"/>'s
    /// turns and sweeps; metrics: the same; logs with their scopes) when <see cref="ConnectionStringSetting"/> is set.
    /// Without it nothing is registered, so tests and local runs export nothing. Connector calls are counted by status
    /// either way (no listener, no cost).
    /// </summary>
    public static IServiceCollection AddPlanBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTransient<ConnectorMetricsHandler>();
        // Innermost in the connector's pipeline, so every attempt (retries too) is counted with its own status.
        services.AddHttpClient<ConnectorClient>().AddHttpMessageHandler<ConnectorMetricsHandler>();

        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting])) return services;
        services.AddOpenTelemetry()
            .UseAzureMonitor(options => options.ConnectionString = configuration[ConnectionStringSetting])
            .WithTracing(tracing => tracing.AddSource(PlanBotTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(PlanBotTelemetry.SourceName));
        return services;
    }
}

/// <summary>Counts each connector attempt by the status Teams answered (429: throttled).</summary>
internal sealed class ConnectorMetricsHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            PlanBotTelemetry.ConnectorAnswered((int)response.StatusCode);
            return response;
        }
        catch (HttpRequestException)
        {
            PlanBotTelemetry.ConnectorAnswered(0);
            throw;
        }
    }
}
