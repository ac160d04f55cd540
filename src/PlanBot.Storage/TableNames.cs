using System.Text.RegularExpressions;

namespace PlanBot.Storage;

/// <summary>The tables PlanBot keeps, each name behind an optional prefix.</summary>
public sealed partial record TableNames(string Plans, string Milestones, string ExceptionReports, string MilestoneHistory, string ImportGenerations,
    string ConversationReferences, string UserSettings, string People, string Reminders,
    string Snapshots, string Digests, string BoardPackOffers, string ImportBases, string Instances)
{
    public const int MaxPrefixLength = 40;

    public static TableNames For(string? prefix)
    {
        prefix ??= string.Empty;
        if (!IsValidPrefix(prefix))
            throw new ArgumentException($"Table prefix '{prefix}' must be empty or up to {MaxPrefixLength} letters and digits starting with a letter.", nameof(prefix));
        return new(prefix + "Plans", prefix + "Milestones", prefix + "ExceptionReports", prefix + "MilestoneHistory", prefix + "ImportGenerations",
            prefix + "ConversationReferences", prefix + "UserSettings", prefix + "People", prefix + "Reminders",
            prefix + "Snapshots", prefix + "Digests", prefix + "BoardPackOffers", prefix + "ImportBases", prefix + "Instances");
    }

    public static bool IsValidPrefix(string? prefix) => prefix is not null && (prefix.Length == 0 || PrefixPattern().IsMatch(prefix));

    public IEnumerable<string> All => [Plans, Milestones, ExceptionReports, MilestoneHistory, ImportGenerations, ConversationReferences, UserSettings, People, Reminders, Snapshots, Digests, BoardPackOffers, ImportBases, Instances];

    // Table names are 3-63 letters and digits starting with a letter; the longest suffix is 22 characters.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex PrefixPattern();
}
