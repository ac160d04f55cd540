using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace PlanBot.Storage;

/// <summary>
/// The one Table service client of a process (one connection pool, one credential) and a client for each of PlanBot's
/// tables under the configured prefix. Registered once as a singleton; every store takes it. The tables are created
/// once, at start (<see cref="TableCreation"/>), or by the first store call of a process that was not started as a host.
/// </summary>
public sealed class PlanBotTables
{
    private readonly Lock _gate = new();
    private Task? _created;

    public PlanBotTables(IOptions<TableStorageOptions> options)
        : this(options.Value)
    {
    }

    /// <summary>Checks the settings and builds the client; nothing is sent until the first request.</summary>
    public PlanBotTables(TableStorageOptions options)
    {
        options.EnsureValid();
        Options = options;
        Names = TableNames.For(options.TablePrefix);
        Service = options.CreateServiceClient(ClientOptions());
        Plans = Service.GetTableClient(Names.Plans);
        Milestones = Service.GetTableClient(Names.Milestones);
        ExceptionReports = Service.GetTableClient(Names.ExceptionReports);
        MilestoneHistory = Service.GetTableClient(Names.MilestoneHistory);
        ImportGenerations = Service.GetTableClient(Names.ImportGenerations);
        ConversationReferences = Service.GetTableClient(Names.ConversationReferences);
        UserSettings = Service.GetTableClient(Names.UserSettings);
        People = Service.GetTableClient(Names.People);
        Reminders = Service.GetTableClient(Names.Reminders);
        Snapshots = Service.GetTableClient(Names.Snapshots);
        Digests = Service.GetTableClient(Names.Digests);
        BoardPackOffers = Service.GetTableClient(Names.BoardPackOffers);
        ImportBases = Service.GetTableClient(Names.ImportBases);
        Instances = Service.GetTableClient(Names.Instances);
    }

    public TableStorageOptions Options { get; }
    public TableNames Names { get; }
    public TableServiceClient Service { get; }
    public TableClient Plans { get; }
    public TableClient Milestones { get; }
    public TableClient ExceptionReports { get; }
    public TableClient MilestoneHistory { get; }
    public TableClient ImportGenerations { get; }
    public TableClient ConversationReferences { get; }
    public TableClient UserSettings { get; }
    public TableClient People { get; }
    public TableClient Reminders { get; }

    /// <summary>Weekly plan snapshots, for "since last week" in digests and "this report vs last" in the board pack.</summary>
    public TableClient Snapshots { get; }

    /// <summary>Digest subscriptions and the claims that send each digest once per period.</summary>
    public TableClient Digests { get; }

    /// <summary>Board packs offered on file consent cards, so that each accept is checked against its offer and used once.</summary>
    public TableClient BoardPackOffers { get; }

    /// <summary>Milestones as the last import stored them, kept once Teams changes them: the base of the next re-import's merge.</summary>
    public TableClient ImportBases { get; }

    /// <summary>Which host instances are alive, for sharing the connector's send budget between them.</summary>
    public TableClient Instances { get; }

    /// <summary>
    /// Short, few retries: a request that fails three times in a couple of seconds will not be saved by waiting longer,
    /// and the import or chat turn waiting on it should hear so quickly.
    /// </summary>
    private static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>
    /// Creates any missing table, once per process: after the first success this is a finished task, so stores call it
    /// before each request at no cost; a failed attempt is tried again on the next call.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        Task created;
        lock (_gate) created = _created ??= CreateAllAsync();
        try
        {
            await created.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (created.IsFaulted || created.IsCanceled)
        {
            lock (_gate) if (ReferenceEquals(_created, created)) _created = null;
            throw;
        }
    }

    private Task CreateAllAsync() =>
        Task.WhenAll(new[] { Plans, Milestones, ExceptionReports, MilestoneHistory, ImportGenerations, ConversationReferences, UserSettings, People, Reminders, Snapshots, Digests, BoardPackOffers, ImportBases, Instances }
            .Select(t => t.CreateIfNotExistsAsync(CancellationToken.None)));
}
