using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Updates;
using PlanBot.Core.Time;
using PlanBot.Storage;
using PlanBot.Trackers.Importing;
using PlanBot.Web.BoardPacks;
using PlanBot.Web.Bot;
using PlanBot.Web.People;
using PlanBot.Web.Reminders;
using PlanBot.Web.Digests;
using PlanBot.Web.Telemetry;
using PlanBot.Web.Instances;

namespace PlanBot.Web;

public static class PlanBotServiceCollectionExtensions
{
    public static IServiceCollection AddPlanBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddPlanBotPlans(configuration);
        services.AddPlanBotTableStorage(configuration);
        services.AddPlanBotPeople(configuration);
        services.AddPlanBotTeams(configuration);
        services.AddPlanBotReminders();
        services.AddHostedService<ReminderScheduler>();
        services.AddPlanBotDigests();
        services.AddOptions<UpdateOptions>().BindConfiguration(UpdateOptions.Section);
        services.AddSingleton(sp => new PlanBot.Core.People.PmoAdmins(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<UpdateOptions>>().Value.AdminObjectIds));
        services.AddSingleton<IUpdateAuthoriser, OwnerAuthoriser>();
        services.AddSingleton<MilestoneUpdateService>();
        services.AddSingleton(sp => new PlanImportService(sp.GetRequiredService<IPlanStore>(), sp.GetRequiredService<PlanClock>().Time));
        services.AddPlanBotBoardPacks(configuration);
        services.AddPlanBotTelemetry(configuration);
        services.AddPlanBotHealthChecks();
        services.AddPlanBotInstances();
        Imports.TrackerFileImportServiceCollectionExtensions.AddPlanBotTrackerFileImports(services);

        services.AddOptions<SamplePlanOptions>().BindConfiguration(SamplePlanOptions.Section);
        services.AddHostedService<SamplePlanSeeder>();
        return services;
    }

    public static WebApplication MapPlanBotEndpoints(this WebApplication app)
    {
        app.MapPlanBotHealthChecks();
        app.MapPlanBotMessages();
        return app;
    }
}
