using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanBot.BotFramework.Connector;

namespace PlanBot.BotFramework.Tests.Connector;

/// <summary>
/// The connector client as the app wires it (AddBotConnector, the real handler pipeline), pointed at a fake
/// connector: its URL is the trusted service URL, the backoff is short and the rate limits are out of the way unless
/// a test sets its own.
/// </summary>
internal sealed class ConnectorTestHost : IDisposable
{
    public const string Token = "test-bearer-token";

    private readonly ServiceProvider _services;

    public ConnectorTestHost(FakeConnector fake, IDictionary<string, string?>? settings = null, IBotTokenProvider? tokens = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["PlanBot:Bot:TrustedServiceUrls:0"] = fake.ServiceUrl,
            ["PlanBot:Bot:Connector:BaseDelay"] = "00:00:00.050",
            ["PlanBot:Bot:Connector:MaxDelay"] = "00:00:05",
            ["PlanBot:Bot:Connector:GlobalLimit:PermitLimit"] = "10000",
            ["PlanBot:Bot:Connector:GlobalLimit:Window"] = "00:00:01",
            ["PlanBot:Bot:Connector:ConversationLimits:0:PermitLimit"] = "10000",
            ["PlanBot:Bot:Connector:ConversationLimits:0:Window"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingLoggerProvider(LogMessages)));
        services.AddSingleton(tokens ?? new FixedTokenProvider(Token));
        services.AddBotConnector(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ConcurrentQueue<string> LogMessages { get; } = new();

    public ConnectorClient Client => _services.GetRequiredService<ConnectorClient>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}

internal sealed class FixedTokenProvider(string? token) : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
}

internal sealed class CollectingLoggerProvider(ConcurrentQueue<string> messages) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CollectingLogger(messages);

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
