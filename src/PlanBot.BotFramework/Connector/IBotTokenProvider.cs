namespace PlanBot.BotFramework.Connector;

/// <summary>The bearer token the bot presents to the Bot Framework connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>A valid access token, or null when the bot runs locally without an app id and sends no Authorization header.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
