using System.Collections.Concurrent;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Authentication;
using PlanBot.Core.People;
using PlanBot.People.Graph;
using PlanBot.Storage;
using PlanBot.Testing.Bot;
using PlanBot.Testing.Graph;

namespace PlanBot.Web.Tests.People;

/// <summary>The real GraphServiceClient against a fake Graph on loopback.</summary>
public sealed class GraphDirectorySearchTests : IAsyncLifetime
{
    private static readonly FakeGraphUser Jane = new("6d0a1b52-5f1e-4c2b-9a64-0b1f7c2d3e01", "Jane Webster", "jane.webster@nhs.net", "jane.webster@ccg.onmicrosoft.com", "Jane", "Webster");
    private static readonly FakeGraphUser Siobhan = new("6d0a1b52-5f1e-4c2b-9a64-0b1f7c2d3e02", "Siobhan O'Neill", "siobhan.oneill@nhs.net", "siobhan.oneill@ccg.onmicrosoft.com");
    private static readonly FakeGraphUser Matthew1 = new("6d0a1b52-5f1e-4c2b-9a64-0b1f7c2d3e03", "Matthew Smith", "matthew.smith@nhs.net", "matthew.smith@ccg.onmicrosoft.com");
    private static readonly FakeGraphUser Matthew2 = new("6D0A1B52-5F1E-4C2B-9A64-0B1F7C2D3E04", "Matthew Smith", "matthew.smith2@nhs.net", "matthew.smith2@ccg.onmicrosoft.com");
    private static readonly FakeGraphUser Leaver = new("6d0a1b52-5f1e-4c2b-9a64-0b1f7c2d3e05", "Jane Webster", "jane.webster.old@nhs.net", "jane.webster.old@ccg.onmicrosoft.com", AccountEnabled: false);
    private static readonly FakeGraphUser NoMail = new("6d0a1b52-5f1e-4c2b-9a64-0b1f7c2d3e06", "Louis Kamfer", null, "louis.kamfer@ccg.onmicrosoft.com");
    private static readonly FakeGraphUser NhsMail = new("6d0a1b52-5f1e-4c2b-9a64-0b1f7c2d3e07", "ANDERSON, Carol (NHS SOMEWHERE CCG)", "carol.anderson@nhs.net", "carol.anderson@nhs.net", "Carol", "Anderson");
    private static readonly FakeGraphUser Awkward = new("6d0a1b52-5f1e-4c2b-9a64-0b1f7c2d3e08", "Q&A Team #2 + 'Leads'", "qa@nhs.net", "qa@ccg.onmicrosoft.com");

    private FakeGraph _graph = null!;

    public async Task InitializeAsync() => _graph = await FakeGraph.StartAsync(Jane, Siobhan, Matthew1, Matthew2, Leaver, NoMail, NhsMail, Awkward);

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    private GraphDirectorySearch Search(string? token = FakeGraph.DefaultToken, TokenCredential? credential = null, string? baseUrl = null, ILogger<GraphDirectorySearch>? logger = null) =>
        new(new GraphDirectoryOptions { BaseUrl = baseUrl ?? _graph.BaseUrl, AccessToken = token, Timeout = TimeSpan.FromSeconds(20) }, credential, logger);

    [Fact]
    public async Task A_display_name_search_sends_an_exact_filter_with_the_bearer_token_to_the_configured_base_url()
    {
        using var search = Search();

        var found = await search.FindByDisplayNameAsync("Jane Webster");

        var person = Assert.Single(found);
        Assert.Equal(("Jane Webster", "jane.webster@nhs.net", Jane.Id), (person.Name, person.Email, person.AadObjectId));
        var request = Assert.Single(_graph.Requests);
        Assert.Equal(("GET", "/v1.0/users"), (request.Method, request.Path));
        Assert.Equal("displayName eq 'Jane Webster'", request.Filter);
        Assert.Equal("Bearer " + FakeGraph.DefaultToken, request.Authorization);
        Assert.Equal("id,displayName,mail,userPrincipalName,accountEnabled", request.Select);
        Assert.Equal("10", request.Top);
        Assert.Null(request.ConsistencyLevel);
    }

    [Fact]
    public async Task A_base_url_with_a_trailing_slash_is_honoured_too()
    {
        using var search = Search(baseUrl: _graph.BaseUrl + "/");

        Assert.Single(await search.FindByDisplayNameAsync("Jane Webster"));
        Assert.Equal("/v1.0/users", Assert.Single(_graph.Requests).Path);
    }

    [Fact]
    public async Task Single_quotes_in_a_name_are_doubled_in_the_filter()
    {
        using var search = Search();

        var found = await search.FindByDisplayNameAsync("Siobhan O'Neill");

        Assert.Equal(Siobhan.Id, Assert.Single(found).AadObjectId);
        Assert.Equal("displayName eq 'Siobhan O''Neill'", Assert.Single(_graph.Requests).Filter);
    }

    [Fact]
    public async Task Ampersands_hashes_plus_signs_and_quotes_reach_graph_intact()
    {
        using var search = Search();

        var found = await search.FindByDisplayNameAsync("Q&A Team #2 + 'Leads'");

        Assert.Equal(Awkward.Id, Assert.Single(found).AadObjectId);
        Assert.Equal("displayName eq 'Q&A Team #2 + ''Leads'''", Assert.Single(_graph.Requests).Filter);
    }

    [Fact]
    public async Task Every_user_with_the_display_name_comes_back_and_ids_are_lower_case()
    {
        using var search = Search();

        var found = await search.FindByDisplayNameAsync("matthew smith");

        Assert.Equal([Matthew1.Id, Matthew2.Id.ToLowerInvariant()], found.Select(p => p.AadObjectId));
    }

    [Fact]
    public async Task Disabled_accounts_are_left_out()
    {
        using var search = Search();

        var found = await search.FindByDisplayNameAsync("Jane Webster");

        Assert.Equal("jane.webster@nhs.net", Assert.Single(found).Email);
    }

    [Fact]
    public async Task An_email_is_looked_up_by_mail_first()
    {
        using var search = Search();

        var found = await search.FindByEmailAsync("Jane.Webster@nhs.net");

        Assert.Equal(Jane.Id, Assert.Single(found).AadObjectId);
        Assert.Equal(["mail eq 'Jane.Webster@nhs.net'"], _graph.Requests.Select(r => r.Filter));
    }

    [Fact]
    public async Task An_email_no_mailbox_has_is_looked_up_by_user_principal_name()
    {
        using var search = Search();

        var found = await search.FindByEmailAsync("louis.kamfer@ccg.onmicrosoft.com");

        var person = Assert.Single(found);
        Assert.Equal(("Louis Kamfer", "louis.kamfer@ccg.onmicrosoft.com"), (person.Name, person.Email));
        Assert.Equal(["mail eq 'louis.kamfer@ccg.onmicrosoft.com'", "userPrincipalName eq 'louis.kamfer@ccg.onmicrosoft.com'"], _graph.Requests.Select(r => r.Filter));
    }

    [Fact]
    public async Task Given_name_and_surname_are_searched_together()
    {
        using var search = Search();

        var found = await search.FindByGivenNameAndSurnameAsync("Carol", "Anderson");

        Assert.Equal(NhsMail.Id, Assert.Single(found).AadObjectId);
        Assert.Equal("givenName eq 'Carol' and surname eq 'Anderson'", Assert.Single(_graph.Requests).Filter);
    }

    [Fact]
    public async Task A_token_from_a_credential_is_sent_for_the_graph_scope()
    {
        var credential = new FixedCredential("credential-token");
        _graph.ExpectedToken = "credential-token";
        using var search = Search(token: null, credential: credential);

        Assert.Single(await search.FindByDisplayNameAsync("Jane Webster"));
        Assert.Equal(["http://127.0.0.1/.default"], credential.Scopes.Distinct());
        Assert.Equal("Bearer credential-token", Assert.Single(_graph.Requests).Authorization);
    }

    [Fact]
    public async Task A_refused_token_is_reported_without_the_token()
    {
        _graph.ExpectedToken = "the-right-token";
        using var search = Search(token: "the-wrong-token");

        var error = await Assert.ThrowsAsync<DirectorySearchException>(() => search.FindByDisplayNameAsync("Jane Webster"));

        Assert.StartsWith("Microsoft Graph refused the search (401 InvalidAuthenticationToken)", error.Message);
        Assert.DoesNotContain("the-wrong-token", error.Message);
    }

    [Fact]
    public async Task A_missing_permission_is_reported_with_what_to_grant()
    {
        _graph.RefuseWith(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        using var search = Search();

        var error = await Assert.ThrowsAsync<DirectorySearchException>(() => search.FindByEmailAsync("jane.webster@nhs.net"));

        Assert.Equal(
            "Microsoft Graph refused the search (403 Authorization_RequestDenied): Insufficient privileges to complete the operation. The bot's app registration needs the Microsoft Graph application permission User.Read.All, with admin consent.",
            error.Message);
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_delay_graph_asks_for()
    {
        _graph.Script = (call, _) => call == 1 ? new ScriptedAnswer(429, """{"error":{"code":"TooManyRequests","message":"Slow down."}}""", TimeSpan.FromSeconds(1)) : null;
        using var search = Search();

        Assert.Single(await search.FindByDisplayNameAsync("Jane Webster"));
        Assert.Equal(2, _graph.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_graph_is_reported_plainly()
    {
        var closed = _graph.BaseUrl;
        await _graph.DisposeAsync();
        using var search = Search(baseUrl: closed);

        var error = await Assert.ThrowsAsync<DirectorySearchException>(() => search.FindByDisplayNameAsync("Jane Webster"));

        Assert.StartsWith("Microsoft Graph could not be reached", error.Message);
        _graph = await FakeGraph.StartAsync();
    }

    [Fact]
    public async Task Logs_never_hold_the_token_or_the_names_searched_for()
    {
        var logger = new RecordingLogger<GraphDirectorySearch>();
        _graph.Script = (call, _) => call == 2 ? new ScriptedAnswer(403, """{"error":{"code":"Authorization_RequestDenied","message":"No."}}""") : null;
        using var search = Search(logger: logger);

        await search.FindByDisplayNameAsync("Jane Webster");
        await Assert.ThrowsAsync<DirectorySearchException>(() => search.FindByDisplayNameAsync("Siobhan O'Neill"));

        Assert.NotEmpty(logger.Lines);
        Assert.All(logger.Lines, line =>
        {
            Assert.DoesNotContain(FakeGraph.DefaultToken, line);
            Assert.DoesNotContain("Webster", line);
            Assert.DoesNotContain("Siobhan", line);
        });
    }

    [Fact]
    public async Task Owner_names_resolve_through_graph_end_to_end()
    {
        using var search = Search();
        var resolver = new OwnerResolver(new InMemoryPeopleStore(), search, new FakeTimeProvider());

        var resolutions = await resolver.ResolveAllAsync(["Jane Webster", "Matthew Smith", "Carol Anderson", "Danielle", "AO (CG)", "Nobody Atall"]);

        Assert.Equal(
        [
            OwnerResolutionOutcome.Resolved, OwnerResolutionOutcome.Ambiguous, OwnerResolutionOutcome.Resolved,
            OwnerResolutionOutcome.FirstNameOnly, OwnerResolutionOutcome.RoleOnly, OwnerResolutionOutcome.NotFound,
        ], resolutions.Select(r => r.Outcome));
        Assert.Equal(NhsMail.Id, resolutions[2].Person!.AadObjectId);
        Assert.DoesNotContain(_graph.Requests, r => r.Filter!.Contains("Danielle") || r.Filter.Contains("AO"));
    }

    [Fact]
    public void Local_mode_has_no_directory_and_says_why()
    {
        var directory = PeopleServices.Directory(Configuration());

        Assert.False(directory.IsAvailable);
        Assert.Equal("Microsoft Graph is not configured: there is no MicrosoftAppId (local mode).", directory.Description);
    }

    [Fact]
    public void A_multi_tenant_bot_without_a_tenant_id_has_no_directory_and_says_why()
    {
        var directory = PeopleServices.Directory(Configuration(("MicrosoftAppId", "app"), ("MicrosoftAppPassword", "secret-value")));

        Assert.IsType<NoDirectorySearch>(directory);
        Assert.Equal("Microsoft Graph is not configured: MicrosoftAppType MultiTenant needs MicrosoftAppTenantId to search the organisation's directory.", directory.Description);
        Assert.DoesNotContain("secret-value", directory.Description);
    }

    [Theory]
    [InlineData("SingleTenant", "secret-value")]
    [InlineData("MultiTenant", "secret-value")]
    [InlineData("UserAssignedMSI", null)]
    public void A_bot_with_a_credential_searches_graph_at_the_default_base_url(string appType, string? password)
    {
        using var directory = (GraphDirectorySearch)PeopleServices.Directory(Configuration(
            ("MicrosoftAppType", appType), ("MicrosoftAppId", "11111111-2222-3333-4444-555555555555"), ("MicrosoftAppPassword", password),
            ("MicrosoftAppTenantId", "66666666-7777-8888-9999-000000000000")));

        Assert.Equal("Microsoft Graph at https://graph.microsoft.com/v1.0", directory.Description);
    }

    [Fact]
    public void The_credentials_follow_the_bots_app_type()
    {
        static TokenCredential? For(BotAppType type, string password) => GraphDirectorySearch.CredentialFor(
            new BotAuthenticationOptions { MicrosoftAppType = type, MicrosoftAppId = "app", MicrosoftAppPassword = password, MicrosoftAppTenantId = "t" }, out _);

        Assert.IsType<Azure.Identity.ClientSecretCredential>(For(BotAppType.SingleTenant, "p"));
        Assert.IsType<Azure.Identity.ClientSecretCredential>(For(BotAppType.MultiTenant, "p"));
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(For(BotAppType.UserAssignedMsi, ""));
        Assert.Null(For(BotAppType.SingleTenant, ""));
    }

    [Fact]
    public async Task A_fixed_token_and_base_url_from_configuration_search_the_fake()
    {
        using var directory = (GraphDirectorySearch)PeopleServices.Directory(Configuration(
            ("PlanBot:Graph:BaseUrl", _graph.BaseUrl), ("PlanBot:Graph:AccessToken", FakeGraph.DefaultToken)));

        Assert.Single(await directory.FindByDisplayNameAsync("Jane Webster"));
    }

    [Fact]
    public void Graph_switched_off_has_no_directory_even_with_a_credential()
    {
        var directory = PeopleServices.Directory(Configuration(
            ("PlanBot:Graph:Enabled", "false"), ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppId", "app"), ("MicrosoftAppPassword", "p"), ("MicrosoftAppTenantId", "t")));

        Assert.Equal("Microsoft Graph is switched off (PlanBot:Graph:Enabled is false).", directory.Description);
    }

    [Fact]
    public void A_plain_http_base_url_off_loopback_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => PeopleServices.Directory(Configuration(
            ("PlanBot:Graph:BaseUrl", "http://graph.example.org/v1.0"), ("PlanBot:Graph:AccessToken", "t"))));

        Assert.Contains("PlanBot:Graph:BaseUrl must use https", error.Message);
    }

    [Fact]
    public async Task The_web_host_registration_gives_a_resolver_and_checks_graph_settings()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = Configuration(("PlanBot:Graph:BaseUrl", _graph.BaseUrl), ("PlanBot:Graph:AccessToken", FakeGraph.DefaultToken));
        services.AddPlanBotTableStorage(configuration).AddPlanBotPeople(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<GraphDirectorySearch>(provider.GetRequiredService<IDirectorySearch>());
        Assert.Same(provider.GetRequiredService<IDirectorySearch>(), provider.GetRequiredService<OwnerResolver>().Directory);

        var bad = new ServiceCollection().AddLogging();
        var badConfiguration = Configuration(("PlanBot:Graph:BaseUrl", "not a url"));
        bad.AddPlanBotTableStorage(badConfiguration).AddPlanBotPeople(badConfiguration);
        await using var badProvider = bad.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => badProvider.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value);
        Assert.Contains("PlanBot:Graph:BaseUrl 'not a url' is not an absolute http(s) URL.", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private sealed class FixedCredential(string token) : TokenCredential
    {
        public ConcurrentQueue<string> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes) Scopes.Enqueue(scope);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception) + " " + exception);
    }
}
