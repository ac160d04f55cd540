using System.Globalization;

namespace PlanBot.Storage;

/// <summary>
/// The partition holding one import generation of a plan's milestones or exception report: <c>{planId}@{generation:D19}</c>.
/// Every import writes a fresh partition, so readers of the current one never see a half-written import.
/// </summary>
internal static class GenerationKeys
{
    public static string Partition(string planId, long generation) =>
        planId + "@" + generation.ToString("D19", CultureInfo.InvariantCulture);
}
