namespace PlanBot.BotFramework.Connector;

/// <summary>A connector call was refused before sending because the service URL is not trusted to receive the bot's token.</summary>
public sealed class UntrustedServiceUrlException(string serviceUrl)
    : InvalidOperationException($"Refusing to call the connector at '{serviceUrl}': it is not a trusted service URL. " +
        "Service URLs are trusted when configured in PlanBot:Bot:TrustedServiceUrls or seen in a validated inbound request.")
{
    public string ServiceUrl { get; } = serviceUrl;
}
