using Microsoft.Extensions.Options;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;

namespace PlanBot.Web.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>The reminder loop: policy and calendar, the dispatcher, and the scheduler (section PlanBot:Reminders, checked at start).</summary>
    public static IServiceCollection AddPlanBotReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.Problems().Count == 0, new ReminderOptions().ProblemSummary)
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReminderOptions>>().Value);
        services.AddSingleton(_ => new ReminderPlanner(ReminderPolicy.Default, WorkingCalendar.EnglandAndWales));
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}
