using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Conversations;
using PlanBot.Core.Digests;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Updates;
using PlanBot.Core.Users;
using PlanBot.Storage.BoardPackOffers;
using PlanBot.Storage.ConversationReferences;
using PlanBot.Storage.Digests;
using PlanBot.Storage.Instances;
using PlanBot.Storage.People;
using PlanBot.Storage.Reminders;
using PlanBot.Storage.Snapshots;
using PlanBot.Storage.UserSettings;

namespace PlanBot.Storage;

public static class TableStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PlanBotTables"/> (the process's one Table service client), the tables' creation at start
    /// (<see cref="TableCreation"/>), and on them, as singletons, <see cref="TablePlanStore"/> (also as <see cref="IPlanStore"/> and <see cref="IMilestoneUpdateStore"/>),
    /// <see cref="IConversationReferenceStore"/>, <see cref="IUserSettingsStore"/>,
    /// <see cref="IPeopleStore"/>, <see cref="IReminderLedger"/>, <see cref="IPlanSnapshotStore"/>, <see cref="IDigestSubscriptionStore"/>,
    /// <see cref="IDigestLedger"/>, <see cref="IBoardPackOfferStore"/>, <see cref="TableInstanceHeartbeats"/> and
    /// <see cref="TableStorageHealth"/>; settings from <c>PlanBot:Storage</c> and <c>ConnectionStrings:Tables</c> (default:
    /// local Azurite), checked at start.
    /// </summary>
    public static IServiceCollection AddPlanBotTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TableStorageOptions>()
            .Configure(options => options.Bind(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlanBotTables>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TableCreation>());
        services.TryAddSingleton<TablePlanStore>();
        // The same instance behind each interface, not a second store.
        services.TryAddSingleton<IPlanStore>(sp => sp.GetRequiredService<TablePlanStore>());
        services.TryAddSingleton<IMilestoneUpdateStore>(sp => sp.GetRequiredService<TablePlanStore>());
        services.TryAddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        services.TryAddSingleton<IUserSettingsStore, TableUserSettingsStore>();
        services.TryAddSingleton<IPeopleStore, TablePeopleStore>();
        services.TryAddSingleton<IReminderLedger, TableReminderLedger>();
        services.TryAddSingleton<IPlanSnapshotStore, TablePlanSnapshotStore>();
        services.TryAddSingleton<IDigestSubscriptionStore, TableDigestSubscriptionStore>();
        services.TryAddSingleton<IDigestLedger, TableDigestLedger>();
        services.TryAddSingleton<IBoardPackOfferStore, TableBoardPackOfferStore>();
        services.TryAddSingleton<TableInstanceHeartbeats>();
        services.TryAddSingleton<TableStorageHealth>();
        return services;
    }
}

/// <summary>Every problem with <c>PlanBot:Storage</c> and <c>ConnectionStrings:Tables</c>, each naming its setting.</summary>
internal sealed class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
