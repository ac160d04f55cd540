using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace PlanBot.Storage;

/// <summary>
/// Settings for the Azure Table storage layer: section <c>PlanBot:Storage</c>, plus the connection string
/// <c>ConnectionStrings:Tables</c> (default: the local emulator). A class, not a record, so the connection
/// string never appears in a generated <c>ToString</c>.
/// </summary>
public sealed class TableStorageOptions
{
    public const string Section = "PlanBot:Storage";
    public const string ConnectionStringName = "Tables";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Put in front of every table name (letters and digits, starting with a letter); tests use a unique one each.</summary>
    public string TablePrefix { get; set; } = string.Empty;

    public string ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary>
    /// With a Table service URI as the connection string (no key), the client id of the user-assigned managed identity
    /// to sign in as; empty means <c>DefaultAzureCredential</c> (e.g. the developer's <c>az login</c>).
    /// </summary>
    public string ManagedIdentityClientId { get; set; } = string.Empty;

    /// <summary>How many entity-group transactions an import keeps in flight at once.</summary>
    public int MaxConcurrentBatches { get; set; } = 6;

    /// <summary>How long the health check waits for the storage account to answer.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Reads <c>PlanBot:Storage</c> and <c>ConnectionStrings:Tables</c>, leaving defaults where a setting is absent; a
    /// value that is not a number or time span is kept as an out-of-range one, so validation names the setting.
    /// </summary>
    internal void Bind(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (section[nameof(TablePrefix)] is { } prefix) TablePrefix = prefix.Trim();
        if (section[nameof(ManagedIdentityClientId)] is { } clientId) ManagedIdentityClientId = clientId.Trim();
        if (section[nameof(MaxConcurrentBatches)] is { } batches)
            MaxConcurrentBatches = int.TryParse(batches, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (section[nameof(HealthCheckTimeout)] is { } timeout)
            HealthCheckTimeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var t) ? t : TimeSpan.Zero;
        if (configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString)
            ConnectionString = connectionString;
    }

    /// <summary>Every problem with these settings, worded for whoever edits the configuration; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TableNames.IsValidPrefix(TablePrefix))
            problems.Add($"{Section}:{nameof(TablePrefix)} '{TablePrefix}' must be empty or up to {TableNames.MaxPrefixLength} letters and digits starting with a letter.");
        if (MaxConcurrentBatches is < 1 or > 32)
            problems.Add($"{Section}:{nameof(MaxConcurrentBatches)} must be a whole number from 1 to 32.");
        if (HealthCheckTimeout <= TimeSpan.Zero || HealthCheckTimeout > TimeSpan.FromMinutes(1))
            problems.Add($"{Section}:{nameof(HealthCheckTimeout)} must be a time span above zero and at most 00:01:00.");
        if (string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add($"ConnectionStrings:{ConnectionStringName} is empty.");
        else if (ServiceUri is { } uri && uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            problems.Add($"ConnectionStrings:{ConnectionStringName} is a Table service address without https; tokens are only sent over https.");
        if (ManagedIdentityClientId.Length > 0 && !Guid.TryParse(ManagedIdentityClientId, out _))
            problems.Add($"{Section}:{nameof(ManagedIdentityClientId)} must be the identity's client id (a GUID).");
        return problems;
    }

    /// <summary>The Table service address when the connection string is one ("https://acct.table.core.windows.net/"), for token sign-in.</summary>
    internal Uri? ServiceUri =>
        Uri.TryCreate(ConnectionString.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    /// <summary>
    /// A client for the account: by connection string (Azurite, or an account key), or by Table service URI with an
    /// Entra token (the deployed app's managed identity — no key anywhere).
    /// </summary>
    public TableServiceClient CreateServiceClient(TableClientOptions? clientOptions = null)
    {
        if (ServiceUri is not { } uri) return new TableServiceClient(ConnectionString, clientOptions);
        TokenCredential credential = ManagedIdentityClientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ManagedIdentityClientId))
            : new DefaultAzureCredential();
        return new TableServiceClient(uri, credential, clientOptions);
    }

    internal void EnsureValid()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new InvalidOperationException("Table storage settings are not usable: " + string.Join(" ", problems));
    }
}
