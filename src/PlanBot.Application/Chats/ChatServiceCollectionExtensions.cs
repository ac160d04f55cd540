using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Hosting;

namespace PlanBot.Application.Chats;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// Reaching people in Teams: the bot's identity and the connector (Bot Framework setting names at the root of
    /// configuration), the adapter (section PlanBot:Bot), and <see cref="ProactiveMessenger"/> (section PlanBot:PersonalChats),
    /// each checked at start. The web host adds its endpoint on top; the command line sends through these alone.
    /// </summary>
    public static IServiceCollection AddPlanBotChats(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotAuthentication(configuration);
        services.AddBotConnector(configuration);
        services.AddOptions<BotAdapterOptions>().BindConfiguration(BotAdapterOptions.Section);
        services.TryAddSingleton<CloudAdapter>();
        services.AddOptions<PersonalChatOptions>().BindConfiguration(PersonalChatOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PersonalChatOptions>, PersonalChatOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PersonalChatOptions>>().Value);
        services.TryAddSingleton<ProactiveMessenger>();
        return services;
    }
}

internal sealed class PersonalChatOptionsValidator : IValidateOptions<PersonalChatOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonalChatOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
