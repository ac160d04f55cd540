using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Identity.Client;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Tests.Authentication;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class BotTokenProviderTests
{
    [Fact]
    public async Task A_multi_tenant_bot_gets_a_client_credentials_token_from_the_botframework_tenant_and_reuses_it()
    {
        await using var login = await FakeLoginServer.StartAsync();
        var options = BotIdentity.Read(Configuration(new()
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "app-password",
        }));
        var provider = BotTokenProviderFactory.Create(options, login.RoutedHttpClientFactory, TimeProvider.System);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.IsType<MsalBotTokenProvider>(provider);
        Assert.Equal("token-1-for-botframework.com", first);
        Assert.Equal(first, second); // MSAL's cache answered the second call
        var request = Assert.Single(login.TokenRequests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", request.Path);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal("11111111-2222-3333-4444-555555555555", request.Form["client_id"]);
        Assert.Equal("app-password", request.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
    }

    [Fact]
    public async Task A_single_tenant_bot_gets_its_token_from_its_own_tenant()
    {
        await using var login = await FakeLoginServer.StartAsync();
        var options = BotIdentity.Read(Configuration(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "app-password",
            ["MicrosoftAppTenantId"] = "99999999-8888-7777-6666-555555555555",
        }));
        var provider = BotTokenProviderFactory.Create(options, login.RoutedHttpClientFactory, TimeProvider.System);

        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1-for-99999999-8888-7777-6666-555555555555", token);
        Assert.Equal("/99999999-8888-7777-6666-555555555555/oauth2/v2.0/token", Assert.Single(login.TokenRequests).Path);
    }

    [Fact]
    public async Task Without_an_app_id_there_is_no_token_to_send()
    {
        var provider = BotTokenProviderFactory.Create(BotIdentity.Read(Configuration(new())), new NoHttp(), TimeProvider.System);

        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public void A_bot_identity_missing_its_password_is_refused_at_start_without_echoing_secrets()
    {
        var options = BotIdentity.Read(Configuration(new() { ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555" }));

        var error = Assert.Throws<InvalidOperationException>(() => BotTokenProviderFactory.Create(options, new NoHttp(), TimeProvider.System));

        Assert.Contains("MicrosoftAppPassword", error.Message);
    }

    [Fact]
    public void A_user_assigned_managed_identity_uses_azure_identity()
    {
        var options = BotIdentity.Read(Configuration(new()
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppTenantId"] = "99999999-8888-7777-6666-555555555555",
        }));

        Assert.IsType<ManagedIdentityBotTokenProvider>(BotTokenProviderFactory.Create(options, new NoHttp(), TimeProvider.System));
    }

    [Theory]
    [InlineData("https://api.botframework.com", "https://api.botframework.com/.default")]
    [InlineData("https://api.botframework.com/", "https://api.botframework.com/.default")]
    [InlineData("https://api.botframework.us/.default", "https://api.botframework.us/.default")]
    public void The_scope_is_the_configured_resource_with_its_default_suffix(string configured, string scope)
    {
        Assert.Equal(scope, BotTokenProviderFactory.ScopeFor(configured));
    }

    // The managed identity endpoint exists only on Azure, so these drive the provider's own cache with a stand-in
    // credential; the Azure.Identity call itself is not exercised here.
    [Fact]
    public async Task A_managed_identity_token_is_reused_until_five_minutes_before_it_expires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var credential = new CountingCredential(time, lifetime: TimeSpan.FromHours(1));
        var provider = new ManagedIdentityBotTokenProvider(credential, "https://api.botframework.com/.default", time);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("msi-token-1", first);
        Assert.Equal("msi-token-1", stillCached);
        Assert.Equal("msi-token-2", renewed);
        Assert.Equal(["https://api.botframework.com/.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task A_short_lived_managed_identity_token_is_renewed_at_half_its_lifetime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var credential = new CountingCredential(time, lifetime: TimeSpan.FromMinutes(4));
        var provider = new ManagedIdentityBotTokenProvider(credential, "https://api.botframework.com/.default", time);

        await provider.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("msi-token-1", await provider.GetTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("msi-token-2", await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_managed_identity_token_request()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var credential = new CountingCredential(time, lifetime: TimeSpan.FromHours(1), delay: TimeSpan.FromMilliseconds(100));
        var provider = new ManagedIdentityBotTokenProvider(credential, "https://api.botframework.com/.default", time);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => provider.GetTokenAsync(CancellationToken.None)));

        Assert.All(tokens, token => Assert.Equal("msi-token-1", token));
        Assert.Equal(1, credential.Calls);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed class NoHttp : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => throw new InvalidOperationException("No HTTP expected.");
    }

    private sealed class CountingCredential(TimeProvider time, TimeSpan lifetime, TimeSpan delay = default) : TokenCredential
    {
        private int _calls;

        public int Calls => _calls;
        public ConcurrentQueue<string> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            foreach (var scope in requestContext.Scopes) Scopes.Enqueue(scope);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken); // real time: the fake clock stands still
            return new AccessToken($"msi-token-{call}", time.GetUtcNow() + lifetime);
        }
    }
}

/// <summary>
/// Plays login.microsoftonline.com on loopback for real MSAL code. MSAL insists on an https authority, so its HTTP
/// client (supplied through MSAL's own IMsalHttpClientFactory extension point) rewrites each request's origin to this
/// server; paths, query strings and bodies are MSAL's own.
/// </summary>
internal sealed class FakeLoginServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TokenRequest> _tokenRequests = new();
    private readonly HttpClient _routedClient;
    private int _tokenCount;

    private FakeLoginServer(WebApplication app, Uri address)
    {
        _app = app;
        _routedClient = new HttpClient(new RouteToLoopback(address) { InnerHandler = new SocketsHttpHandler() });
        RoutedHttpClientFactory = new FixedMsalHttpClientFactory(_routedClient);
    }

    public IMsalHttpClientFactory RoutedHttpClientFactory { get; }

    public IReadOnlyList<TokenRequest> TokenRequests => [.. _tokenRequests];

    public static async Task<FakeLoginServer> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        FakeLoginServer? server = null;

        app.MapGet("/common/discovery/instance", () => Results.Text("""
            {"tenant_discovery_endpoint":"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration","api-version":"1.1",
             "metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net",
                          "aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}
            """, "application/json"));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http, string tenant) =>
        {
            var form = await http.Request.ReadFormAsync();
            server!._tokenRequests.Enqueue(new TokenRequest(http.Request.Path, form.ToDictionary(field => field.Key, field => field.Value.ToString())));
            var number = Interlocked.Increment(ref server._tokenCount);
            return Results.Text(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3599,
                ["ext_expires_in"] = 3599,
                ["access_token"] = $"token-{number}-for-{tenant}",
            }.ToJsonString(), "application/json");
        });

        server = new FakeLoginServer(app, await LoopbackServer.StartAsync(app));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _routedClient.Dispose();
        await _app.DisposeAsync();
    }

    public sealed record TokenRequest(string Path, Dictionary<string, string> Form);

    private sealed class FixedMsalHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }

    private sealed class RouteToLoopback(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
