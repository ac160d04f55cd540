extern alias web;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Conversations;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.People;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using web::PlanBot.Web;

namespace PlanBot.Bench;

/// <summary>
/// What the sweep benchmarks (bench/PlanBot.DispatchBenchmark, bench/PlanBot.DigestSweepBenchmark; each compiles this
/// file in) share: the web host's own services (<c>AddPlanBot</c>) on tables of their own in an Azurite the benchmark
/// started, sending to a fake Teams connector on loopback; people's stored 1:1 chats; and the command line.
/// </summary>
internal static class SweepBench
{
    public const string TenantId = "tenant-1";

    /// <param name="limitPerSecond">The connector client's app-wide limit, requests a second; null keeps its default (Teams' 40).</param>
    public static ServiceProvider Services(AzuriteFixture azurite, FakeConnector connector, string tablePrefix, DateOnly today, int? limitPerSecond = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["PlanBot:Storage:TablePrefix"] = tablePrefix,
            ["PlanBot:Today"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PlanBot:PersonalChats:TenantId"] = TenantId,
            ["PlanBot:Bot:TrustedServiceUrls:0"] = connector.ServiceUrl,
        };
        if (limitPerSecond is { } limit)
        {
            settings["PlanBot:Bot:Connector:GlobalLimit:PermitLimit"] = limit.ToString(CultureInfo.InvariantCulture);
            settings["PlanBot:Bot:Connector:GlobalLimit:Window"] = "00:00:01";
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddPlanBot(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Stores each person's 1:1 chat with PlanBot on the fake connector, as installing the app does.</summary>
    public static async Task SavePersonalChatsAsync(IServiceProvider services, FakeConnector connector, IEnumerable<Person> people)
    {
        var references = services.GetRequiredService<IConversationReferenceStore>();
        foreach (var person in people)
            await references.SaveAsync(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = connector.ServiceUrl,
                Bot = new ChannelAccount { Id = "28:planbot" },
                User = new ChannelAccount { Id = "29:" + person.AadObjectId, AadObjectId = person.AadObjectId },
                Conversation = new ConversationAccount { Id = "a:" + person.AadObjectId, TenantId = TenantId, ConversationType = "personal" },
            }, CancellationToken.None);
    }

    public static string? Argument(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    public static int IntArgument(string[] args, string name, int fallback) =>
        Argument(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static double DoubleArgument(string[] args, string name, double fallback) =>
        Argument(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
