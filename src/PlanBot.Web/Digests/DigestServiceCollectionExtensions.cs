using Microsoft.Extensions.Options;

namespace PlanBot.Web.Digests;

public static class DigestServiceCollectionExtensions
{
    /// <summary>Digests in chat and on a schedule: writer, preview, subscriptions, weekly snapshots, the dispatcher and its scheduler (section PlanBot:Digests, checked at start).</summary>
    public static IServiceCollection AddPlanBotDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, SweepOptionsValidator<DigestOptions>>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DigestOptions>>().Value);
        services.AddSingleton<DigestWriter>();
        services.AddSingleton<DigestPreview>();
        services.AddSingleton<RoleHolders>();
        services.AddSingleton<DigestSubscriptions>();
        services.AddSingleton<WeeklySnapshots>();
        services.AddSingleton<DigestDispatcher>();
        services.AddHostedService<DigestScheduler>();
        return services;
    }
}
