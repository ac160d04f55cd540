using System.Reflection;
using PlanBot.BotFramework.Authentication;
using PlanBot.People.Graph;
using PlanBot.Storage;
using PlanBot.Web.Telemetry;

namespace PlanBot.Web.Tests.Manifest;

/// <summary>
/// Whether the code reads a configuration name (as an environment variable, "__" for ":"): an options class with that
/// section and property, a Bot Framework root key, the Table storage connection string, or the telemetry switch.
/// </summary>
internal static class ConfigurationNames
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(PlanBotServiceCollectionExtensions).Assembly,
        typeof(TableStorageOptions).Assembly,
        typeof(GraphDirectoryOptions).Assembly,
        typeof(BotAuthenticationOptions).Assembly,
        typeof(ReminderOptions).Assembly,
    ];

    /// <summary>Section ("PlanBot:Graph") → the options types bound to it.</summary>
    private static readonly ILookup<string, Type> OptionsBySection = Assemblies
        .SelectMany(assembly => assembly.GetTypes())
        .Select(type => (type, section: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
        .Where(pair => pair.section is not null)
        .ToLookup(pair => pair.section!, pair => pair.type, StringComparer.OrdinalIgnoreCase);

    public static bool IsRead(string environmentName)
    {
        var parts = environmentName.Split("__");
        if (parts.Length == 1)
            return typeof(BotAuthenticationOptions).GetProperty(environmentName) is not null || environmentName == TelemetryServiceCollectionExtensions.ConnectionStringSetting;
        if (parts is ["ConnectionStrings", var name])
            return name == TableStorageOptions.ConnectionStringName;
        var section = string.Join(':', parts[..^1]);
        return OptionsBySection[section].Any(type => type.GetProperty(parts[^1], BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true });
    }
}
