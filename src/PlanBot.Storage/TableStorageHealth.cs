using Azure;
using Azure.Data.Tables;

namespace PlanBot.Storage;

/// <param name="Detail">A short reason, safe to show on /healthz: never the connection string or key.</param>
public sealed record TableStorageHealthResult(bool Reachable, string Detail);

/// <summary>
/// Whether the storage account answers within <see cref="TableStorageOptions.HealthCheckTimeout"/> (for /healthz),
/// asked through the process's one client: its few quick retries fit inside the timeout, which bounds the check.
/// </summary>
public sealed class TableStorageHealth
{
    private readonly TableServiceClient _service;
    private readonly string _plansTable;
    private readonly TimeSpan _timeout;

    public TableStorageHealth(PlanBotTables tables)
    {
        _timeout = tables.Options.HealthCheckTimeout;
        _plansTable = tables.Names.Plans;
        _service = tables.Service;
    }

    public async Task<TableStorageHealthResult> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var filter = TableClient.CreateQueryFilter($"TableName eq {_plansTable}");
            await foreach (var page in _service.QueryAsync(filter, maxPerPage: 1, cancellationToken: timeout.Token).AsPages().ConfigureAwait(false))
            {
                return page.Values.Count > 0
                    ? new(true, "Table storage answered.")
                    : new(true, "Table storage answered; the tables are not created yet (they are at start, or on first use).");
            }

            return new(true, "Table storage answered.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(false, $"Table storage did not answer within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (RequestFailedException e) when (e.Status != 0)
        {
            return new(false, $"Table storage refused the request: HTTP {e.Status} {e.ErrorCode}.");
        }
        catch (RequestFailedException e)
        {
            return new(false, "Table storage could not be reached: " + Innermost(e).Message);
        }
        catch (AggregateException e)
        {
            // Every retry failed to connect; the client gathers their exceptions.
            return new(false, "Table storage could not be reached: " + Innermost(e.InnerExceptions[^1]).Message);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return new(false, "Table storage could not be reached: " + Innermost(e).Message);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
