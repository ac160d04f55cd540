using Microsoft.Identity.Client;

namespace PlanBot.BotFramework.Connector;

/// <summary>Lets MSAL's token requests use the host's pooled HTTP handlers instead of an HttpClient of its own.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string ClientName = "PlanBot.BotFramework.Msal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(ClientName);
}
