using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanBot.Core.Plans;

/// <summary>
/// A milestone's reference as the plan writes it: <c>36</c>, <c>6.17</c>, <c>1.3.1</c>, <c>2c</c>, <c>HR-01</c>, <c>W1.1</c>,
/// <c>CP7</c>. Shown as written; matched by its letters and numbers alone, so <c>hr01</c>, <c>#HR-01</c> and <c>HR-01</c>
/// are the same reference. Compares in natural order (2 &lt; 2a &lt; 2b &lt; 10, 1.9 &lt; 1.10, HR-2 &lt; HR-10).
/// </summary>
public sealed partial class MilestoneRef : IEquatable<MilestoneRef>, IComparable<MilestoneRef>
{
    private const int MaxLength = 24;
    private const int MaxLetterRun = 10;
    private const int MaxDigitRun = 9;

    // Runs of digits or of letters: "HR-1.10a" → "hr", "1", "10", "a". Numbers are kept parsed for fast comparison.
    private readonly string[] _segments;
    private readonly long[] _numbers;
    private readonly string _key;

    private MilestoneRef(string value)
    {
        Value = value;
        var segments = new List<string>(4);
        for (var i = 0; i < value.Length;)
        {
            var start = i;
            if (char.IsDigit(value[i]))
            {
                while (i < value.Length && char.IsDigit(value[i])) i++;
                segments.Add(value[start..i]);
            }
            else if (char.IsLetter(value[i]))
            {
                while (i < value.Length && char.IsLetter(value[i])) i++;
                segments.Add(value[start..i].ToLowerInvariant());
            }
            else
            {
                i++;
            }
        }
        _segments = [.. segments];
        _numbers = _segments.Select(s => char.IsDigit(s[0]) ? long.Parse(s, CultureInfo.InvariantCulture) : -1).ToArray();
        _key = string.Join('.', _segments.Select((s, i) => _numbers[i] >= 0 ? _numbers[i].ToString(CultureInfo.InvariantCulture) : s));
    }

    /// <summary>The reference as the tracker writes it.</summary>
    public string Value { get; }

    /// <summary>The reference as users see it in chat and on cards.</summary>
    public string Display => "#" + Value;

    /// <summary>Letters (lower case) and numbers (without leading zeros) joined by dots: "HR-01" → "hr.1". Equal references share it.</summary>
    public string Key => _key;

    /// <summary>
    /// A fixed-width key that sorts like the reference and is safe as a Table storage RowKey
    /// (numbers zero-padded to 6 digits, letter runs in lower case, segments joined with '.').
    /// </summary>
    public string SortKey => string.Join('.', _segments.Select((s, i) => _numbers[i] >= 0 ? _numbers[i].ToString(CultureInfo.InvariantCulture).PadLeft(6, '0') : s));

    /// <summary>
    /// Reads a reference: up to 24 characters of letters and digits with at least one digit, separated by
    /// '.', '-' or '_'. Opaque ids (GUIDs, long machine ids such as Planner's or Asana's) are not references: see
    /// <see cref="IsOpaqueId"/>.
    /// </summary>
    public static bool TryParse(string? text, out MilestoneRef reference)
    {
        reference = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim().TrimStart('#').TrimEnd('.', ':', ')').Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxLength || !RefPattern().IsMatch(trimmed)) return false;
        // Short references (36, 6.17, HR-01) can be neither a hyphenated date nor a machine id: skip those checks.
        if (trimmed.Length >= 8 && (HyphenDate().IsMatch(trimmed) || IsOpaqueId(trimmed))) return false;
        reference = new MilestoneRef(trimmed);
        return true;
    }

    public static MilestoneRef Parse(string text) =>
        TryParse(text, out var r) ? r : throw new FormatException($"'{text}' is not a milestone reference (expected e.g. 36, 6.17, 1.3.1, 2c or HR-01).");

    /// <summary>
    /// A machine id rather than a reference a person writes: a GUID, a run of more than 9 digits (Asana's task ids),
    /// or a long run of letters with case changes inside it (Planner's "AAMkAGI2…", Jira's ids).
    /// </summary>
    public static bool IsOpaqueId(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.Any(char.IsWhiteSpace)) return false; // words, not an id
        if (Guid.TryParse(t, out _)) return true;
        var digits = 0;
        var letters = 0;
        var caseChanges = 0;
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            digits = char.IsDigit(c) ? digits + 1 : 0;
            letters = char.IsLetter(c) ? letters + 1 : 0;
            if (digits > MaxDigitRun || letters > MaxLetterRun) return true;
            if (i > 0 && char.IsLower(t[i - 1]) && char.IsUpper(c)) caseChanges++;
        }
        // "AAMkAGI2ZjQ": lower-to-upper inside words twice or more is machine-made; "HRa1" or "PMOb12" are not.
        return caseChanges >= 2 || (t.Length > 16 && !t.Any(ch => ch is '.' or '-' or '_' or '/'));
    }

    /// <summary>A sub-action of this reference: <c>2</c> + <c>a</c> = <c>2a</c>.</summary>
    public MilestoneRef WithSuffix(char letter) => new(Value + char.ToLowerInvariant(letter));

    public bool Equals(MilestoneRef? other) => other is not null && _key == other._key;
    public override bool Equals(object? obj) => obj is MilestoneRef r && Equals(r);
    public override int GetHashCode() => _key.GetHashCode(StringComparison.Ordinal);
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

    // Letters and digits with at least one digit, in up to six parts separated by . - or _:
    // 36, 6.17, 1.3.1, 2c, HR-01, W1.1, A3, PMO-12, 2.1a, CP7.
    [GeneratedRegex(@"^(?=[^\d]*\d)[\p{L}\d]+(?:[.\-_][\p{L}\d]+){0,5}$")]
    private static partial Regex RefPattern();

    // 2025-03-31, 31-03-2025: dates written with hyphens, not references.
    [GeneratedRegex(@"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4})$")]
    private static partial Regex HyphenDate();
}
