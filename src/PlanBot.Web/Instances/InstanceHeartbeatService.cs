using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Connector;
using PlanBot.Storage.Instances;

namespace PlanBot.Web.Instances;

/// <summary>Heartbeats of the host instances, section PlanBot:Instances.</summary>
public sealed class InstanceOptions
{
    public const string Section = "PlanBot:Instances";

    /// <summary>
    /// Whether this host counts itself in: off for a host that sends nothing, such as the staging slot (whose
    /// schedulers are off), so that it does not take a share of the budget.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This instance's id; default: App Service's WEBSITE_INSTANCE_ID, else a new GUID per process.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How often each instance says it is alive and counts the others.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an instance counts as alive after its last heartbeat: three missed beats.</summary>
    public TimeSpan TimeToLive => HeartbeatInterval * 3;
}

/// <summary>
/// Keeps <see cref="ConnectorSendBudget.Instances"/> equal to the number of live instances, so that together they pace
/// at the app-wide limit Teams sets per app. Each beat writes this instance's row and counts the live ones; when an
/// instance joins, the others slow down within one interval (until then Teams' 429s, which are retried, cover the
/// overlap); when one stops cleanly it removes its row, and a crashed one drops out after the time to live.
/// </summary>
public sealed partial class InstanceHeartbeatService(
    TableInstanceHeartbeats heartbeats, ConnectorSendBudget budget, IOptions<InstanceOptions> options, TimeProvider time,
    ILogger<InstanceHeartbeatService> logger) : BackgroundService
{
    private readonly string _instanceId = options.Value.InstanceId
        ?? Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID")
        ?? Guid.NewGuid().ToString("N");

    /// <summary>One heartbeat: write ours, count the live ones, set the budget's share. Nothing when heartbeats are off.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        var now = time.GetUtcNow();
        await heartbeats.BeatAsync(_instanceId, now, cancellationToken);
        var live = Math.Max(1, await heartbeats.CountLiveAsync(now, options.Value.TimeToLive, cancellationToken));
        if (live != budget.Instances) LogShareChanged(logger, live);
        budget.Instances = live;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The share stays as it was; the next beat tries again.
                LogBeatFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!options.Value.Enabled) return;
        try
        {
            await heartbeats.LeaveAsync(_instanceId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBeatFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Instances} live instances now share the connector's send budget")]
    private static partial void LogShareChanged(ILogger logger, int instances);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance heartbeat failed; the send budget's share stays as it was")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}

public static class InstanceServiceCollectionExtensions
{
    /// <summary>Instance heartbeats (<see cref="TableInstanceHeartbeats"/>, from <c>AddPlanBotTableStorage</c>), feeding the connector's shared send budget.</summary>
    public static IServiceCollection AddPlanBotInstances(this IServiceCollection services)
    {
        services.AddOptions<InstanceOptions>().BindConfiguration(InstanceOptions.Section);
        services.AddSingleton<InstanceHeartbeatService>();
        services.AddHostedService(sp => sp.GetRequiredService<InstanceHeartbeatService>());
        return services;
    }
}
