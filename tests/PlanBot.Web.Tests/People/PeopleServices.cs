using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Authentication;
using PlanBot.Core.People;
using PlanBot.Storage;

namespace PlanBot.Web.Tests.People;

/// <summary>The people services as the hosts compose them, from settings, so tests read them the one way the hosts do.</summary>
internal static class PeopleServices
{
    public static ServiceProvider From(IConfiguration configuration) =>
        new ServiceCollection().AddLogging().AddPlanBotTableStorage(configuration).AddPlanBotPeople(configuration).BuildServiceProvider();

    public static IDirectorySearch Directory(IConfiguration configuration) => From(configuration).GetRequiredService<IDirectorySearch>();

    public static ITeamsAppInstaller Installer(IConfiguration configuration) => From(configuration).GetRequiredService<ITeamsAppInstaller>();

    public static BotAuthenticationOptions BotIdentity(IConfiguration configuration) =>
        new ServiceCollection().AddBotAuthenticationOptions(configuration).BuildServiceProvider().GetRequiredService<BotAuthenticationOptions>();
}
