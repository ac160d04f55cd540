using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Hosting;
using PlanBot.Web.Bot.Intents;
using PlanBot.Web.Cards;
using PlanBot.Web.People;
using PlanBot.Web.Digests;

namespace PlanBot.Web.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The Teams endpoint: inbound token validation and the connector (configured by the Bot Framework setting names
    /// at the root of configuration), the adapter (section PlanBot:Bot) and PlanBot's activity handler.
    /// </summary>
    public static IServiceCollection AddPlanBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlanBotChats(configuration);
        services.AddSingleton<ConversationReferenceRecorder>();
        services.AddSingleton<PlanBotCards>();
        services.AddSingleton<AnswerCards>();
        services.AddSingleton<PlanSelector>();
        services.AddSingleton<UpdateCards>();
        services.AddSingleton<UpdateConversation>();
        services.AddSingleton<SnoozeConversation>();
        services.AddSingleton<DigestCards>();
        services.AddSingleton<ChatSenders>();
        services.AddOptions<HeavyWorkOptions>().BindConfiguration(HeavyWorkOptions.Section);
        services.AddSingleton<HeavyWorkLimiter>();
        services.AddPlanBotMessageIntents();
        services.AddSingleton<PlanBotActivityHandler>();
        services.AddHostedService<EndpointSecurityGuard>();
        return services;
    }

    public static WebApplication MapPlanBotMessages(this WebApplication app)
    {
        // Both are singletons: resolved once here rather than per request.
        var adapter = app.Services.GetRequiredService<CloudAdapter>();
        var bot = app.Services.GetRequiredService<PlanBotActivityHandler>();
        app.MapPost("/api/messages", (HttpContext http, CancellationToken cancellationToken) => adapter.ProcessAsync(http, bot, cancellationToken));
        return app;
    }
}
