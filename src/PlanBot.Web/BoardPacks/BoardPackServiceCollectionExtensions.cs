using PlanBot.BotFramework.Files;

namespace PlanBot.Web.BoardPacks;

public static class BoardPackServiceCollectionExtensions
{
    /// <summary>The board pack in chat: the conversation, the background uploader and the OneDrive upload it uses (section PlanBot:Bot:FileUploads).</summary>
    public static IServiceCollection AddPlanBotBoardPacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFileUploads(configuration);
        services.AddSingleton<BoardPackConversation>();
        services.AddSingleton<BoardPackUploadQueue>();
        services.AddHostedService<BoardPackUploader>();
        return services;
    }
}
