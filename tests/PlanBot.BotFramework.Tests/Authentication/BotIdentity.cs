using Microsoft.Extensions.Configuration;
using PlanBot.BotFramework.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>
/// Settings read the way <c>AddBotAuthenticationOptions</c> reads them, without its check at start, so that tests can
/// look at the problems of settings the host would refuse.
/// </summary>
internal static class BotIdentity
{
    public static BotAuthenticationOptions Read(IConfiguration configuration)
    {
        var options = new BotAuthenticationOptions();
        options.ReadFrom(configuration);
        return options;
    }
}
