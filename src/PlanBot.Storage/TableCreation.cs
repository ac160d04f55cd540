using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PlanBot.Storage;

/// <summary>
/// Creates PlanBot's tables when the host starts, so no request pays for it. Storage that cannot be reached does not
/// stop the host: the failure is logged, /healthz reports the storage account, and the first store call tries again.
/// </summary>
public sealed partial class TableCreation(PlanBotTables tables, ILogger<TableCreation> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
        {
            LogNotCreated(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tables could not be created at start; the first request that needs them will try again")]
    private static partial void LogNotCreated(ILogger logger, Exception exception);
}
