using System.Text.RegularExpressions;

namespace PlanBot.Core.Plans;

/// <summary>Plan ids are short, lower-case and safe in Table storage keys and chat: "odkm", "southend-2018".</summary>
public static partial class PlanId
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Validate(string? id) =>
        IsValid(id) ? id! : throw new ArgumentException(
            $"'{id}' is not a valid plan id: use 1 to 40 lower-case letters, digits or hyphens, starting with a letter or digit (e.g. odkm, southend-2018).");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Pattern();
}
