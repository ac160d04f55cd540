using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Person = PlanBot.Core.People.Person;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using PlanBot.BotFramework.Authentication;
using PlanBot.Core.People;

namespace PlanBot.People.Graph;

/// <summary>
/// <see cref="IDirectorySearch"/> on Microsoft Graph through the SDK's <see cref="GraphServiceClient"/>: <c>GET /users</c>
/// with <c>$filter=displayName eq '…'</c>, <c>mail eq '…'</c>, <c>userPrincipalName eq '…'</c> or <c>givenName eq '…' and
/// surname eq '…'</c> (plain equality filters need no ConsistencyLevel header), single quotes doubled as OData requires.
/// The app needs the User.Read.All application permission. At most <see cref="MaxMatches"/> users come back: enough to
/// tell one match from several. The SDK retries 429 and 503 as Graph asks (Retry-After); the whole search is bounded by
/// <see cref="GraphDirectoryOptions.Timeout"/>. Logs never hold tokens, secrets or the names searched for.
/// </summary>
public sealed partial class GraphDirectorySearch : IDirectorySearch, IDisposable
{
    public const int MaxMatches = 10;

    private static readonly string[] Fields = ["id", "displayName", "mail", "userPrincipalName", "accountEnabled"];

    private readonly GraphServiceClient _client;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    /// <summary>Searches with <paramref name="credential"/>, or, when it is null, with <see cref="GraphDirectoryOptions.AccessToken"/>.</summary>
    public GraphDirectorySearch(GraphDirectoryOptions options, TokenCredential? credential, ILogger<GraphDirectorySearch>? logger = null)
    {
        (_client, var root) = GraphClients.Create(options, credential);
        _timeout = options.Timeout;
        _logger = logger ?? NullLogger<GraphDirectorySearch>.Instance;
        Description = $"Microsoft Graph at {root}";
    }

    public bool IsAvailable => true;

    public string Description { get; }

    /// <summary>
    /// The directory search these settings describe: Graph with the bot's credential (ClientSecretCredential for
    /// SingleTenant and MultiTenant with a tenant id, ManagedIdentityCredential for UserAssignedMSI), Graph with
    /// <c>PlanBot:Graph:AccessToken</c>, or — in local mode, with Graph switched off, or without what a credential needs —
    /// a <see cref="NoDirectorySearch"/> that says why. Settings that are present but wrong throw.
    /// </summary>
    public static IDirectorySearch Create(GraphDirectoryOptions options, BotAuthenticationOptions bot, ILoggerFactory? loggerFactory = null)
    {
        var logger = loggerFactory?.CreateLogger<GraphDirectorySearch>();
        if (!options.Enabled) return new NoDirectorySearch($"Microsoft Graph is switched off ({GraphDirectoryOptions.Section}:Enabled is false).");
        if (options.AccessToken is { Length: > 0 }) return new GraphDirectorySearch(options, null, logger);
        return CredentialFor(bot, out var reason) is { } credential
            ? new GraphDirectorySearch(options, credential, logger)
            : new NoDirectorySearch(reason);
    }

    /// <summary>The bot's identity as an Azure credential Graph accepts, or null with the reason there is none.</summary>
    public static TokenCredential? CredentialFor(BotAuthenticationOptions bot, out string reason)
    {
        reason = string.Empty;
        if (bot.IsLocalMode)
        {
            reason = "Microsoft Graph is not configured: there is no MicrosoftAppId (local mode).";
            return null;
        }

        if (bot.Validate() is { Count: > 0 } problems)
        {
            reason = "Microsoft Graph is not configured: " + string.Join(" ", problems);
            return null;
        }

        switch (bot.MicrosoftAppType)
        {
            case BotAppType.UserAssignedMsi:
                return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(bot.MicrosoftAppId));
            default:
                // A multi-tenant bot signs in to Bot Framework through botframework.com, but Graph needs the organisation's
                // own tenant to search its directory.
                if (string.IsNullOrWhiteSpace(bot.MicrosoftAppTenantId))
                {
                    reason = $"Microsoft Graph is not configured: MicrosoftAppType {bot.MicrosoftAppType} needs MicrosoftAppTenantId to search the organisation's directory.";
                    return null;
                }

                return new ClientSecretCredential(bot.MicrosoftAppTenantId, bot.MicrosoftAppId, bot.MicrosoftAppPassword);
        }
    }

    public Task<IReadOnlyList<Person>> FindByDisplayNameAsync(string displayName, CancellationToken cancellationToken = default) =>
        SearchAsync("displayName", $"displayName eq {Literal(displayName)}", cancellationToken);

    public async Task<IReadOnlyList<Person>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var byMail = await SearchAsync("mail", $"mail eq {Literal(email)}", cancellationToken).ConfigureAwait(false);
        return byMail.Count > 0 ? byMail : await SearchAsync("userPrincipalName", $"userPrincipalName eq {Literal(email)}", cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Person>> FindByGivenNameAndSurnameAsync(string givenName, string surname, CancellationToken cancellationToken = default) =>
        SearchAsync("givenName+surname", $"givenName eq {Literal(givenName)} and surname eq {Literal(surname)}", cancellationToken);

    /// <summary>An OData string literal: in single quotes, each single quote inside doubled ("O'Neill" → 'O''Neill').</summary>
    public static string Literal(string value) => "'" + value.Trim().Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Dispose() => _client.Dispose();

    private async Task<IReadOnlyList<Person>> SearchAsync(string kind, string filter, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        UserCollectionResponse? page;
        try
        {
            page = await _client.Users.GetAsync(request =>
            {
                request.QueryParameters.Filter = filter;
                request.QueryParameters.Select = Fields;
                request.QueryParameters.Top = MaxMatches;
            }, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DirectorySearchException($"Microsoft Graph did not answer within {_timeout.TotalSeconds:0} s.");
        }
        catch (ODataError e)
        {
            LogRefused(kind, e.ResponseStatusCode, e.Error?.Code);
            throw new DirectorySearchException(Refusal(e.ResponseStatusCode, e.Error?.Code, e.Error?.Message), e);
        }
        catch (ApiException e)
        {
            LogRefused(kind, e.ResponseStatusCode, null);
            throw new DirectorySearchException(Refusal(e.ResponseStatusCode, null, null), e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new DirectorySearchException($"PlanBot could not get a token for Microsoft Graph: {FirstLine(e.Message)}", e);
        }
        catch (HttpRequestException e)
        {
            throw new DirectorySearchException($"Microsoft Graph could not be reached: {FirstLine(e.Message)}", e);
        }

        var people = (page?.Value ?? [])
            .Where(u => u.AccountEnabled != false && !string.IsNullOrEmpty(u.Id))
            .Select(u => new Person(u.DisplayName ?? u.UserPrincipalName ?? u.Id!, u.Mail ?? u.UserPrincipalName, u.Id!.ToLowerInvariant()))
            .ToList();
        LogSearched(kind, people.Count);
        return people;
    }

    private static string Refusal(int status, string? code, string? message)
    {
        var what = $"Microsoft Graph refused the search ({status}{(code is null ? string.Empty : " " + code)})";
        var detail = string.IsNullOrWhiteSpace(message) ? string.Empty : $": {FirstLine(message)}";
        var hint = status is 401 or 403
            ? " The bot's app registration needs the Microsoft Graph application permission User.Read.All, with admin consent."
            : string.Empty;
        return what + detail + "." + hint;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim().TrimEnd('.');

    [LoggerMessage(Level = LogLevel.Debug, Message = "Graph search by {Kind} found {Count} user(s)")]
    private partial void LogSearched(string kind, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused a search by {Kind}: {Status} {Code}")]
    private partial void LogRefused(string kind, int status, string? code);
}
