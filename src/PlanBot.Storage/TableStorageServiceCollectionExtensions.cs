using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Conversations;
using PlanBot.Core.Digests;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Users;
using PlanBot.Storage.BoardPackOffers;
using PlanBot.Storage.ConversationReferences;
using PlanBot.Storage.Digests;
using PlanBot.Storage.People;
using PlanBot.Storage.Reminders;
using PlanBot.Storage.Snapshots;
using PlanBot.Storage.UserSettings;

namespace PlanBot.Storage;

public static class TableStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPlanStore"/>, <see cref="IConversationReferenceStore"/>, <see cref="IUserSettingsStore"/>, <see cref="IPeopleStore"/>, <see cref="IReminderLedger"/>, <see cref="IPlanSnapshotStore"/>,
    /// <see cref="IDigestSubscriptionStore"/> and <see cref="IDigestLedger"/> on Azure Table storage and <see cref="TableStorageHealth"/>, configured from
    /// <c>PlanBot:Storage</c> and <c>ConnectionStrings:Tables</c> (default: local Azurite); settings are checked at start.
    /// </summary>
    public static IServiceCollection AddPlanBotTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TableStorageOptions>()
            .Configure(options => options.Bind(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new TablePlanStore(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<TablePlanStore>() ?? NullLogger<TablePlanStore>.Instance));
        services.TryAddSingleton<IPlanStore>(sp => sp.GetRequiredService<TablePlanStore>());
        services.TryAddSingleton<IConversationReferenceStore>(sp => new TableConversationReferenceStore(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IUserSettingsStore>(sp => new TableUserSettingsStore(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPeopleStore>(sp => new TablePeopleStore(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<TablePeopleStore>()));
        services.TryAddSingleton<IReminderLedger>(sp => new TableReminderLedger(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPlanSnapshotStore>(sp => new TablePlanSnapshotStore(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<TablePlanSnapshotStore>()));
        services.TryAddSingleton<IDigestSubscriptionStore>(sp => new TableDigestSubscriptionStore(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        services.TryAddSingleton<IDigestLedger>(sp => new TableDigestLedger(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IBoardPackOfferStore>(sp => new TableBoardPackOfferStore(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        services.TryAddSingleton(sp => new TableStorageHealth(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        return services;
    }
}

internal sealed class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>For hosts without dependency injection (the CLI): the same settings, read straight from configuration.</summary>
public static class TableStorageSetup
{
    public static TablePlanStore CreatePlanStore(IConfiguration configuration, TimeProvider? timeProvider = null, ILogger<TablePlanStore>? logger = null) =>
        new(TableStorageOptions.FromConfiguration(configuration), timeProvider ?? TimeProvider.System, logger ?? NullLogger<TablePlanStore>.Instance);

    public static TablePeopleStore CreatePeopleStore(IConfiguration configuration, TimeProvider? timeProvider = null, ILogger<TablePeopleStore>? logger = null) =>
        new(TableStorageOptions.FromConfiguration(configuration), timeProvider ?? TimeProvider.System, logger);

    public static TablePlanSnapshotStore CreateSnapshotStore(IConfiguration configuration, TimeProvider? timeProvider = null, ILogger<TablePlanSnapshotStore>? logger = null) =>
        new(TableStorageOptions.FromConfiguration(configuration), timeProvider ?? TimeProvider.System, logger);

    public static TableDigestSubscriptionStore CreateDigestSubscriptionStore(IConfiguration configuration) =>
        new(TableStorageOptions.FromConfiguration(configuration));

    public static TableDigestLedger CreateDigestLedger(IConfiguration configuration, TimeProvider? timeProvider = null) =>
        new(TableStorageOptions.FromConfiguration(configuration), timeProvider ?? TimeProvider.System);
}
