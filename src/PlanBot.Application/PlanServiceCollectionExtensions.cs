using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Time;

namespace PlanBot.Application;

public static class PlanServiceCollectionExtensions
{
    /// <summary>
    /// The plan's clock (<c>PlanBot:Today</c> pins the date) and the read models questions and sweeps are answered from,
    /// with the PMO's own words for teams (section PlanBot:Questions). The plans themselves come from <c>AddPlanBotTableStorage</c>.
    /// </summary>
    public static IServiceCollection AddPlanBotPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PlanClock(sp.GetRequiredService<TimeProvider>(), PlanClock.ParseToday(configuration["PlanBot:Today"])));
        services.AddOptions<QuestionOptions>().BindConfiguration(QuestionOptions.Section);
        services.TryAddSingleton(sp => new PlanReadModels(
            sp.GetRequiredService<IPlanStore>(),
            UnitSynonyms.Default.With(sp.GetRequiredService<IOptions<QuestionOptions>>().Value.Synonyms)));
        return services;
    }
}
