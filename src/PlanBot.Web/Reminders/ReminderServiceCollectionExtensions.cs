using Microsoft.Extensions.Options;
using PlanBot.Core.Reminders;

namespace PlanBot.Web.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// The reminder loop: the policy (section PlanBot:Reminders:Policy) and its calendar, the dispatcher, and the
    /// scheduler (section PlanBot:Reminders); both sections are checked at start.
    /// </summary>
    public static IServiceCollection AddPlanBotReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.Problems().Count == 0 && o.GroupAbove is >= 0 and <= 50, new ReminderOptions().ProblemSummary + " GroupAbove 0–50.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReminderOptions>>().Value);
        services.AddOptions<ReminderPolicyOptions>().BindConfiguration(ReminderPolicyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderPolicyOptions>, ReminderPolicyValidation>();
        services.AddSingleton(sp => new ReminderPlanner(sp.GetRequiredService<IOptions<ReminderPolicyOptions>>().Value.ToPolicy().Policy
            ?? throw new InvalidOperationException("The reminder policy was not validated.")));
        services.AddSingleton<ReminderCards>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}
