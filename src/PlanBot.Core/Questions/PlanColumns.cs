using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>What a tracker column holds, read from its cells: amounts, ticks, task durations, or anything else.</summary>
public enum ColumnKind
{
    /// <summary>Numbers, money or percentages ("12", "£3,900", "45%").</summary>
    Number,

    /// <summary>A box ticked or not ("TRUE"/"FALSE", "Yes"/"No", ☑/☐).</summary>
    Tick,

    /// <summary>A task's length as a planning tool writes it ("15 days", "28d", "0 days"), read as working days.</summary>
    Duration,

    Text,
}

/// <summary>
/// One column the importer kept as the tracker wrote it (<see cref="Milestone.OtherFields"/>), or the percent complete it
/// read into <see cref="Milestone.PercentComplete"/>, with each milestone's value read once. <see cref="Values"/> holds
/// numbers (a tick is 1 or 0, a duration its working days), null where the cell is blank or not of the column's kind.
/// </summary>
public sealed record PlanColumn(string Header, IReadOnlyList<string[]> Phrases, ColumnKind Kind, bool IsPercent, double Scale, string? Currency, double?[] Values)
{
    /// <summary>How many milestones have nothing in this column a question could compare.</summary>
    public int Blanks => Values.Count(v => v is null);
}

/// <summary>
/// The columns of a plan that a question can ask about by their header ("budget over £100k", "the At Risk box ticked",
/// "0-day milestones", "on 0%"). Read from each milestone's kept columns in one pass, once per <see cref="PlanIndex"/>.
/// </summary>
public sealed partial class PlanColumns
{
    private static readonly ConditionalWeakTable<PlanIndex, PlanColumns> Cache = [];

    /// <summary>A column is of a kind when at least this share of its filled cells read as that kind.</summary>
    private const double KindShare = 0.9;

    public IReadOnlyList<PlanColumn> Columns { get; }

    /// <summary>The percent complete column: the importer's reading of "% Complete" where it found one, else a kept column of percentages.</summary>
    public PlanColumn? Percent { get; }

    /// <summary>The column of task durations, when the tracker has one.</summary>
    public PlanColumn? Duration { get; }

    private PlanColumns(IReadOnlyList<Milestone> milestones)
    {
        var columns = new List<PlanColumn>();
        var headers = milestones.SelectMany(m => m.OtherFields.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var header in headers)
        {
            var cells = milestones.Select(m => m.OtherFields.GetValueOrDefault(header)).ToArray();
            columns.Add(Read(header, cells));
        }
        if (milestones.Any(m => m.PercentComplete is not null))
            Percent = new PlanColumn("% Complete", [["percent", "complete"]], ColumnKind.Number, true, 1, null, [.. milestones.Select(m => m.PercentComplete)]);
        else
            Percent = columns.FirstOrDefault(c => c.Kind == ColumnKind.Number && c.IsPercent);
        Duration = columns.FirstOrDefault(c => c.Kind == ColumnKind.Duration);
        Columns = columns;
    }

    public static PlanColumns For(PlanIndex index) => Cache.GetValue(index, i => new PlanColumns(i.Milestones));

    /// <summary>The column whose header is the words at <paramref name="at"/>, longest first, with how many words name it.</summary>
    public (PlanColumn Column, int Length)? Named(IReadOnlyList<string> words, int at, Func<int, bool> free)
    {
        (PlanColumn, int)? best = null;
        foreach (var column in Columns)
            foreach (var phrase in column.Phrases)
            {
                if (best is { } b && b.Item2 >= phrase.Length) continue;
                var fits = at + phrase.Length <= words.Count;
                for (var k = 0; fits && k < phrase.Length; k++)
                    fits = free(at + k) && (words[at + k] == phrase[k] || words[at + k] == phrase[k] + "s");
                if (fits) best = (column, phrase.Length);
            }
        return best;
    }

    private static PlanColumn Read(string header, string?[] cells)
    {
        var filled = cells.Count(c => !string.IsNullOrWhiteSpace(c));
        var phrases = Phrases(header);
        var (scale, currency) = HeaderUnit(header);
        if (filled == 0) return new PlanColumn(header, phrases, ColumnKind.Text, false, scale, currency, new double?[cells.Length]);

        var ticks = cells.Select(c => c is null ? null : Tick(c)).ToArray();
        if (ticks.Count(t => t is not null) >= KindShare * filled && cells.Any(c => c is not null && Tick(c) is not null && !c.Trim().All(char.IsDigit)))
            return new PlanColumn(header, phrases, ColumnKind.Tick, false, 1, null, [.. ticks.Select(t => t is { } v ? (v ? 1.0 : 0.0) : (double?)null)]);

        var durations = cells.Select(c => c is null ? null : DurationDays(c)).ToArray();
        if (durations.Count(d => d is not null) >= KindShare * filled)
            return new PlanColumn(header, phrases, ColumnKind.Duration, false, 1, null, durations);

        var numbers = cells.Select(c => c is null ? null : Amount(c)).ToArray();
        if (numbers.Count(n => n is not null) >= KindShare * filled)
        {
            var isPercent = cells.Any(c => c is not null && c.Contains('%', StringComparison.Ordinal))
                || header.Contains('%', StringComparison.Ordinal) || phrases.Any(p => p.Contains("percent"));
            currency ??= cells.Select(c => c is null ? null : CurrencyOf(c)).FirstOrDefault(c => c is not null);
            return new PlanColumn(header, phrases, ColumnKind.Number, isPercent, scale, currency, [.. numbers.Select(n => n * scale)]);
        }
        return new PlanColumn(header, phrases, ColumnKind.Text, false, scale, currency, new double?[cells.Length]);
    }

    /// <summary>The words a question may name a header by: without what is in brackets ("Budget (£k)" → "budget"), the whole header, and what is in its brackets.</summary>
    private static List<string[]> Phrases(string header)
    {
        var phrases = new List<string[]>();
        void Add(string text)
        {
            var words = QuestionText.Phrase(text.Replace('_', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 0 && words.Any(w => w.Length > 1 && !char.IsDigit(w[0])) && !phrases.Any(p => p.SequenceEqual(words))) phrases.Add(words);
        }
        Add(Bracketed().Replace(header, " "));
        Add(header);
        // "Custom field (Story point estimate)": an export's wrapper round the name people use.
        foreach (Match bracket in Bracketed().Matches(header)) Add(bracket.Value.Trim('(', ')'));
        return phrases;
    }

    /// <summary>"Budget (£k)", "Cost £000", "Value (£m)": the amounts are in thousands or millions, and in pounds.</summary>
    private static (double Scale, string? Currency) HeaderUnit(string header)
    {
        var lower = header.ToLowerInvariant();
        var currency = lower.Contains('£', StringComparison.Ordinal) ? "£" : lower.Contains('$', StringComparison.Ordinal) ? "$" : lower.Contains('€', StringComparison.Ordinal) ? "€" : null;
        var scale = ThousandsUnit().IsMatch(lower) ? 1_000 : MillionsUnit().IsMatch(lower) ? 1_000_000 : 1;
        return (scale, currency);
    }

    private static string? CurrencyOf(string cell) =>
        cell.Contains('£', StringComparison.Ordinal) ? "£" : cell.Contains('$', StringComparison.Ordinal) ? "$" : cell.Contains('€', StringComparison.Ordinal) ? "€" : null;

    /// <summary>A ticked or unticked box as trackers and task tools export it; null for anything else.</summary>
    public static bool? Tick(string cell) => cell.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" or "x" or "✓" or "✔" or "☑" or "☒" or "ticked" or "checked" => true,
        "false" or "no" or "n" or "0" or "☐" or "unticked" or "unchecked" => false,
        _ => null,
    };

    /// <summary>"15 days", "28d", "0 days", "2 wks", "1 mon", "4h": working days (a week is 5, a month 20, a day 8 hours); null otherwise.</summary>
    public static double? DurationDays(string cell)
    {
        var match = DurationText().Match(cell.Trim().ToLowerInvariant());
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return null;
        var unit = match.Groups["u"].Value.TrimStart('e');
        return unit switch
        {
            "h" or "hr" or "hrs" or "hour" or "hours" => n / 8,
            "w" or "wk" or "wks" or "week" or "weeks" => n * 5,
            "mo" or "mon" or "mons" or "month" or "months" => n * 20,
            _ => n,
        };
    }

    /// <summary>"12", "£3,900", "1.5m", "45%", "(200)": the number; null for anything else.</summary>
    public static double? Amount(string cell)
    {
        var match = AmountText().Match(cell.Trim());
        if (!match.Success) return null;
        if (!double.TryParse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return null;
        n *= match.Groups["s"].Value.ToLowerInvariant() switch { "k" => 1_000, "m" => 1_000_000, "bn" => 1_000_000_000, _ => 1 };
        return match.Groups["neg"].Success ? -n : n;
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"(£\s*k\b|\bk\b|£\s*'?000|'000|\b000s?\b|thousands?)")]
    private static partial Regex ThousandsUnit();

    [GeneratedRegex(@"(£\s*m\b|\bm\b|£\s*million|millions?)")]
    private static partial Regex MillionsUnit();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>e?(d|day|days|h|hr|hrs|hour|hours|w|wk|wks|week|weeks|mo|mon|mons|month|months))\??$")]
    private static partial Regex DurationText();

    [GeneratedRegex(@"^(?<neg>[-(])?\s*[£$€]?\s*(?<n>\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?)\s*(?<s>k|m|bn)?\s*%?\)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AmountText();
}
