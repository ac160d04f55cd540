using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PlanBot.Application.Cards;
using PlanBot.Application.Sweeps;
using PlanBot.Core.Reminders;

namespace PlanBot.Application.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// One reminder sweep: its settings (section PlanBot:Reminders), the policy (section PlanBot:Reminders:Policy) and its
    /// calendar, the cards and the dispatcher; both sections are checked at start. It sends through
    /// <c>AddPlanBotChats</c> and reads through <c>AddPlanBotPlans</c>, <c>AddPlanBotTableStorage</c> and
    /// <c>AddPlanBotPeople</c>. No scheduler: the web host adds one, the command line sweeps once.
    /// </summary>
    public static IServiceCollection AddPlanBotReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, SweepOptionsValidator<ReminderOptions>>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ReminderOptions>>().Value);
        services.AddOptions<ReminderPolicyOptions>().BindConfiguration(ReminderPolicyOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderPolicyOptions>, ReminderPolicyValidation>());
        services.TryAddSingleton(sp => new ReminderPlanner(sp.GetRequiredService<IOptions<ReminderPolicyOptions>>().Value.ToPolicy().Policy
            ?? throw new InvalidOperationException("The reminder policy was not validated.")));
        services.TryAddSingleton<UpdateCards>();
        services.TryAddSingleton<ReminderCards>();
        services.TryAddSingleton<ReminderDispatcher>();
        return services;
    }
}
