using System.Text.RegularExpressions;

namespace PlanBot.Core.Plans;

/// <summary>
/// A milestone's reference as the plan writes it: <c>36</c>, <c>6.17</c>, <c>1.3.1</c>, <c>2c</c>.
/// Compares in natural order (2 &lt; 2a &lt; 2b &lt; 10, 1.9 &lt; 1.10).
/// </summary>
public sealed partial class MilestoneRef : IEquatable<MilestoneRef>, IComparable<MilestoneRef>
{
    // Runs of digits or single letters: "1.10a" → "1", "10", "a". Numbers are kept parsed for fast comparison.
    private readonly string[] _segments;
    private readonly long[] _numbers;

    private MilestoneRef(string value)
    {
        Value = value;
        var segments = new List<string>(4);
        for (var i = 0; i < value.Length;)
        {
            if (char.IsDigit(value[i]))
            {
                var start = i;
                while (i < value.Length && char.IsDigit(value[i])) i++;
                segments.Add(value[start..i]);
            }
            else
            {
                if (char.IsLetter(value[i])) segments.Add(value[i].ToString());
                i++;
            }
        }
        _segments = [.. segments];
        _numbers = _segments.Select(s => char.IsDigit(s[0]) ? long.Parse(s) : -1).ToArray();
    }

    public string Value { get; }

    /// <summary>The reference as users see it in chat and on cards.</summary>
    public string Display => "#" + Value;

    /// <summary>
    /// A fixed-width key that sorts like the reference and is safe as a Table storage RowKey
    /// (numbers zero-padded to 6 digits, segments joined with '.').
    /// </summary>
    public string SortKey => string.Join('.', _segments.Select(s => char.IsDigit(s[0]) ? s.PadLeft(6, '0') : s));

    public static bool TryParse(string? text, out MilestoneRef reference)
    {
        reference = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim().TrimStart('#').TrimEnd('.').Trim();
        if (!RefPattern().IsMatch(trimmed)) return false;
        reference = new MilestoneRef(trimmed.ToLowerInvariant());
        return true;
    }

    public static MilestoneRef Parse(string text) =>
        TryParse(text, out var r) ? r : throw new FormatException($"'{text}' is not a milestone reference (expected e.g. 36, 6.17, 1.3.1 or 2c).");

    /// <summary>A sub-action of this reference: <c>2</c> + <c>a</c> = <c>2a</c>.</summary>
    public MilestoneRef WithSuffix(char letter) => new(Value + char.ToLowerInvariant(letter));

    public bool Equals(MilestoneRef? other) => other is not null && Value == other.Value;
    public override bool Equals(object? obj) => obj is MilestoneRef r && Equals(r);
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Value;

    public int CompareTo(MilestoneRef? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < Math.Min(_segments.Length, other._segments.Length); i++)
        {
            var aNum = _numbers[i] >= 0;
            var bNum = other._numbers[i] >= 0;
            int c;
            if (aNum && bNum) c = _numbers[i].CompareTo(other._numbers[i]);
            else if (aNum != bNum) c = aNum ? -1 : 1;
            else c = string.CompareOrdinal(_segments[i], other._segments[i]);
            if (c != 0) return c;
        }
        return _segments.Length.CompareTo(other._segments.Length);
    }

    public static bool operator ==(MilestoneRef? a, MilestoneRef? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(MilestoneRef? a, MilestoneRef? b) => !(a == b);

    // 36, 6.17, 1.3.1, 2c, 12b, 1.10.3 — up to 4 numeric levels and an optional single letter.
    [GeneratedRegex(@"^\d{1,5}(\.\d{1,5}){0,3}[a-zA-Z]?$")]
    private static partial Regex RefPattern();
}
