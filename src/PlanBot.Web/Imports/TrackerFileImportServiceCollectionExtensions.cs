namespace PlanBot.Web.Imports;

public static class TrackerFileImportServiceCollectionExtensions
{
    /// <summary>Importing a tracker attached in the 1:1 chat: the conversation, the download and the previews awaiting Import.</summary>
    public static IServiceCollection AddPlanBotTrackerFileImports(this IServiceCollection services)
    {
        services.AddHttpClient(TrackerFileDownloader.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2));
        services.AddSingleton<TrackerFileDownloader>();
        services.AddSingleton<PendingTrackerImports>();
        services.AddSingleton<TrackerFileConversation>();
        return services;
    }
}
