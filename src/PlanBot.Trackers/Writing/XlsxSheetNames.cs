using System.Text;

namespace PlanBot.Trackers.Writing;

/// <summary>
/// Excel's rules for sheet names: 1 to 31 characters, none of [ ] : * ? / \, not starting or ending with an
/// apostrophe, not "History" (reserved), and unique within the workbook ignoring case.
/// </summary>
public sealed class XlsxSheetNames
{
    public const int MaxLength = 31;

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A valid name for the next sheet, as close to <paramref name="wanted"/> as the rules allow.</summary>
    public string Add(string? wanted)
    {
        var name = Clean(wanted);
        if (name.Length == 0 || name.Equals("History", StringComparison.OrdinalIgnoreCase))
            name = name.Length == 0 ? $"Sheet{_taken.Count + 1}" : name + " (1)";

        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = name[..Math.Min(name.Length, MaxLength - suffix.Length)].TrimEnd() + suffix;
        }

        return candidate;
    }

    private static string Clean(string? wanted)
    {
        if (string.IsNullOrWhiteSpace(wanted)) return string.Empty;
        var builder = new StringBuilder(wanted.Length);
        foreach (var c in wanted)
        {
            if (c is '[' or ']' or ':' or '*' or '?' or '/' or '\\') builder.Append('_');
            else if (!char.IsControl(c)) builder.Append(c);
        }

        var name = builder.ToString().Trim().Trim('\'').Trim();
        if (name.Length > MaxLength) name = name[..MaxLength].TrimEnd();
        if (name.Length > 0 && char.IsHighSurrogate(name[^1])) name = name[..^1];
        return name.TrimEnd('\'');
    }
}
