namespace PlanBot.BotFramework.Connector;

/// <summary>No app id configured (Emulator, Agents Playground): requests go out without an Authorization header.</summary>
internal sealed class LocalModeTokenProvider : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
