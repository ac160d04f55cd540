using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using PlanBot.BotFramework.Authentication;
using PlanBot.Core.People;

namespace PlanBot.People.Graph;

/// <summary>
/// <see cref="ITeamsAppInstaller"/> on Microsoft Graph: <c>POST /users/{id}/teamwork/installedApps</c> with
/// <c>teamsApp@odata.bind</c> naming the app in the organisation's catalog (<see cref="GraphDirectoryOptions.TeamsAppCatalogId"/>).
/// Graph answers 201 when it installed the app and 409 when it was installed already. The app registration needs the
/// application permission TeamsAppInstallation.ReadWriteSelfForUser.All, with admin consent.
/// </summary>
public sealed partial class GraphTeamsAppInstaller : ITeamsAppInstaller, IDisposable
{
    private readonly GraphServiceClient _client;
    private readonly string _appBinding;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    public GraphTeamsAppInstaller(GraphDirectoryOptions options, TokenCredential? credential, ILogger<GraphTeamsAppInstaller>? logger = null)
    {
        if (string.IsNullOrWhiteSpace(options.TeamsAppCatalogId))
            throw new InvalidOperationException($"{GraphDirectoryOptions.Section}:{nameof(GraphDirectoryOptions.TeamsAppCatalogId)} is needed to install the app.");
        (_client, var root) = GraphClients.Create(options, credential);
        _appBinding = $"{root}/appCatalogs/teamsApps/{Uri.EscapeDataString(options.TeamsAppCatalogId.Trim())}";
        Description = $"installs PlanBot for users through Microsoft Graph at {root}";
        _timeout = options.Timeout;
        _logger = logger ?? NullLogger<GraphTeamsAppInstaller>.Instance;
    }

    public bool IsAvailable => true;

    public string Description { get; }

    /// <summary>
    /// The installer these settings describe: Graph with the bot's credential or a fixed token when
    /// <c>PlanBot:Graph:TeamsAppCatalogId</c> is set, otherwise a <see cref="NoTeamsAppInstaller"/> that says why not.
    /// </summary>
    public static ITeamsAppInstaller Create(GraphDirectoryOptions options, BotAuthenticationOptions bot, ILoggerFactory? loggerFactory = null)
    {
        if (!options.Enabled) return new NoTeamsAppInstaller($"Microsoft Graph is switched off ({GraphDirectoryOptions.Section}:Enabled is false).");
        if (string.IsNullOrWhiteSpace(options.TeamsAppCatalogId))
            return new NoTeamsAppInstaller($"installing PlanBot for users is off ({GraphDirectoryOptions.Section}:TeamsAppCatalogId is not set).");
        var logger = loggerFactory?.CreateLogger<GraphTeamsAppInstaller>();
        if (options.AccessToken is { Length: > 0 }) return new GraphTeamsAppInstaller(options, null, logger);
        return GraphDirectorySearch.CredentialFor(bot, out var reason) is { } credential
            ? new GraphTeamsAppInstaller(options, credential, logger)
            : new NoTeamsAppInstaller(reason);
    }

    public async Task<AppInstallResult> InstallForUserAsync(string aadObjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = _appBinding },
        };
        try
        {
            await _client.Users[aadObjectId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: timeout.Token).ConfigureAwait(false);
            LogInstalled();
            return new AppInstallResult(AppInstallOutcome.Installed);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 409)
        {
            return new AppInstallResult(AppInstallOutcome.AlreadyInstalled);
        }
        catch (ODataError e)
        {
            LogRefused(e.ResponseStatusCode, e.Error?.Code);
            return Failed(e.ResponseStatusCode, e.Error?.Code);
        }
        catch (ApiException e)
        {
            LogRefused(e.ResponseStatusCode, null);
            return Failed(e.ResponseStatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AppInstallResult(AppInstallOutcome.Failed, $"Microsoft Graph did not answer within {_timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is AuthenticationFailedException or HttpRequestException)
        {
            return new AppInstallResult(AppInstallOutcome.Failed, "Microsoft Graph could not be reached or gave no token");
        }
    }

    public void Dispose() => _client.Dispose();

    private static AppInstallResult Failed(int status, string? code) => new(AppInstallOutcome.Failed, status switch
    {
        401 or 403 => $"Microsoft Graph refused to install PlanBot ({status}{(code is null ? "" : " " + code)}): the app needs TeamsAppInstallation.ReadWriteSelfForUser.All with admin consent, and the app must be allowed by Teams policy",
        404 => "Microsoft Graph does not know this user or the app catalog id (404)",
        _ => $"Microsoft Graph refused to install PlanBot ({status}{(code is null ? "" : " " + code)})",
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed PlanBot for a user through Microsoft Graph")]
    private partial void LogInstalled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused to install PlanBot for a user: {Status} {Code}")]
    private partial void LogRefused(int status, string? code);
}
