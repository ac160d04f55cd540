namespace PlanBot.Core.Plans;

using PlanBot.Core.Dates;

/// <summary>
/// One name read from an owner cell. <see cref="IsDeputy"/> marks a name in brackets after another
/// ("Louise Mitchell (Jane Webster)"); <see cref="IsSupporting"/> a name after "supported by".
/// </summary>
public sealed record OwnerName(string Name, bool IsDeputy = false, bool IsSupporting = false);

/// <summary>
/// Splits an owner cell into names: "Louis Kamfer/Jane Webster", "Andrew Abbott &amp; Peter Stokes",
/// "Jackie Pendleton supported by Tracey Lee", "Louise Mitchell (Jane Webster)", and Southend's roles with
/// initials, where "AO/CFO (CG/MB)" is two owners, "AO (CG)" and "CFO (MB)".
/// </summary>
public static class OwnerNames
{
    private const string SupportedBy = "supported by";

    // Words in brackets that qualify the person before them rather than name a deputy.
    private static readonly string[] Qualifiers = ["acting", "interim", "deputy", "temporary", "tbc", "tbd", "vacant", "cover"];

    // Cells that hold no name at all; "n/a" must not become the owners "n" and "a".
    private static readonly string[] Placeholders = ["n/a", "na", "tbc", "tbd", "none", "-", "?", "vacant"];

    public static IReadOnlyList<OwnerName> Split(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return [];

        var text = CellMarkup.Strip(cell.Trim());
        if (IsPlaceholder(text)) return [];

        var names = new List<OwnerName>();
        var supportedAt = FindSupportedBy(text);
        if (supportedAt < 0)
        {
            AddGroup(names, text, supporting: false);
        }
        else
        {
            AddGroup(names, text[..supportedAt], supporting: false);
            AddGroup(names, text[(supportedAt + SupportedBy.Length)..], supporting: true);
        }

        return names;
    }

    private static void AddGroup(List<OwnerName> names, string text, bool supporting)
    {
        // Commas, semicolons and line breaks always separate people; '/', '&' and "and" do unless the chunk is
        // Southend's roles-with-initials form, where "AD P&G (MA)" is one role and '/' pairs roles with initials.
        foreach (var chunk in SplitOutsideBrackets(text, splitOnJoiners: false))
        {
            if (TrySplitInitials(chunk, out var roleText, out var initials))
            {
                AddRoles(names, chunk, roleText, initials, supporting);
                continue;
            }

            foreach (var piece in SplitOutsideBrackets(chunk, splitOnJoiners: true))
                AddPerson(names, piece, supporting);
        }
    }

    private static void AddRoles(List<OwnerName> names, string chunk, string roleText, string[] initials, bool supporting)
    {
        var roles = roleText.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (roles.Length == initials.Length)
        {
            for (var i = 0; i < roles.Length; i++)
                Add(names, $"{roles[i]} ({initials[i]})", isDeputy: false, supporting);
        }
        else if (initials.Length == 1)
        {
            // "Chair/CCG Sec. (AB)": the initials belong to the role written next to them.
            for (var i = 0; i < roles.Length - 1; i++)
                AddPerson(names, roles[i], supporting);
            Add(names, $"{roles[^1]} ({initials[0]})", isDeputy: false, supporting);
        }
        else
        {
            // Two roles and three sets of initials cannot be paired without guessing: keep the cell's words as one owner.
            Add(names, chunk, isDeputy: false, supporting);
        }
    }

    private static void AddPerson(List<OwnerName> names, string piece, bool supporting)
    {
        var open = piece.IndexOf('(');
        var close = open < 0 ? -1 : piece.IndexOf(')', open + 1);
        if (close < 0)
        {
            Add(names, piece, isDeputy: false, supporting);
            return;
        }

        var inside = piece[(open + 1)..close].Trim();
        if (IsInitials(inside) || IsQualifier(inside))
        {
            Add(names, piece, isDeputy: false, supporting);
            return;
        }

        Add(names, piece[..open] + piece[(close + 1)..], isDeputy: false, supporting);
        foreach (var deputy in SplitOutsideBrackets(inside, splitOnJoiners: true))
            Add(names, deputy, isDeputy: true, supporting);
    }

    private static void Add(List<OwnerName> names, string raw, bool isDeputy, bool supporting)
    {
        var name = Tidy(raw);
        if (name.Length == 0 || IsPlaceholder(name)) return;
        foreach (var existing in names)
        {
            if (string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase)) return;
        }

        names.Add(new OwnerName(name, isDeputy, supporting));
    }

    /// <summary>"AO/CFO (CG/MB)" → roles "AO/CFO", initials ["CG", "MB"]; false when the cell does not end in initials.</summary>
    private static bool TrySplitInitials(string chunk, out string roleText, out string[] initials)
    {
        roleText = string.Empty;
        initials = [];
        var trimmed = chunk.TrimEnd();
        if (!trimmed.EndsWith(')')) return false;
        var open = trimmed.LastIndexOf('(');
        if (open <= 0) return false;

        var inside = trimmed[(open + 1)..^1];
        if (!IsInitials(inside)) return false;

        roleText = trimmed[..open].Trim();
        initials = inside.Split('/', StringSplitOptions.TrimEntries);
        return roleText.Length > 0;
    }

    // Only capitals, '/' and spaces, 1–4 letters per part: "CG", "JGL/MH", "RH/ MH", "RH/NS/KL".
    private static bool IsInitials(string text)
    {
        if (text.Length == 0) return false;
        foreach (var part in text.Split('/'))
        {
            var letters = 0;
            foreach (var c in part)
            {
                if (char.IsAsciiLetterUpper(c)) letters++;
                else if (c != ' ') return false;
            }

            if (letters is < 1 or > 4) return false;
        }

        return true;
    }

    /// <summary>"jane.smith@nhs.net": one '@' with a dotted domain after it and no spaces.</summary>
    public static bool IsEmailAddress(string text)
    {
        var at = text.IndexOf('@');
        return at > 0 && at == text.LastIndexOf('@') && text.IndexOf('.', at) > at + 1 && !text.EndsWith('.')
            && !text.Any(char.IsWhiteSpace);
    }

    /// <summary>
    /// The name an address spells: "jane.smith@nhs.net" → "Jane Smith", "raj_patel@…" → "Raj Patel"; null when the
    /// part before '@' is not two or three words ("jsmith@…", "pmo.team1@…").
    /// </summary>
    public static string? SpelledName(string address)
    {
        var local = address[..address.IndexOf('@')];
        var words = local.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 3 || words.Any(w => !w.All(char.IsLetter))) return null;
        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + (w.Length > 1 ? w[1..].ToLowerInvariant() : string.Empty)));
    }

    private static bool IsQualifier(string text) =>
        text.Length > 0 && (char.IsLower(text[0]) || Qualifiers.Contains(text, StringComparer.OrdinalIgnoreCase));

    private static bool IsPlaceholder(string text) =>
        Placeholders.Contains(text.Trim().TrimEnd('.'), StringComparer.OrdinalIgnoreCase);

    private static int FindSupportedBy(string text)
    {
        for (var at = text.IndexOf(SupportedBy, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(SupportedBy, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + SupportedBy.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]))) return at;
        }

        return -1;
    }

    /// <summary>
    /// Splits at separators outside brackets: always ',', ';', '+' and line breaks; with <paramref name="splitOnJoiners"/>
    /// also '/', '&amp;' and the word "and".
    /// </summary>
    private static List<string> SplitOutsideBrackets(string text, bool splitOnJoiners)
    {
        var pieces = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            if (depth > 0) continue;

            var separatorLength = c is ',' or ';' or '+' or '\n' or '\r' ? 1
                : splitOnJoiners && c is '/' or '&' ? 1
                : splitOnJoiners && IsAndAt(text, i) ? 3
                : 0;
            if (separatorLength == 0) continue;

            pieces.Add(text[start..i]);
            start = i + separatorLength;
            i = start - 1;
        }

        pieces.Add(text[start..]);
        return pieces;
    }

    private static bool IsAndAt(string text, int i) =>
        i > 0 && char.IsWhiteSpace(text[i - 1])
        && i + 3 < text.Length && char.IsWhiteSpace(text[i + 3])
        && text.AsSpan(i, 3).Equals("and", StringComparison.OrdinalIgnoreCase);

    // Single spaces; no separators or stray punctuation at the ends, but the '.' of "CCG Sec." or "Dir." stays.
    private static string Tidy(string raw)
    {
        // Microsoft Project's units: "Gareth Hughes[50%]".
        if (raw.IndexOf('[') is var open and > 0 && raw.EndsWith(']')) raw = raw[..open];
        var name = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        name = name.TrimStart(" -–—,;:.&/+•*".ToCharArray());
        name = name.TrimEnd(" -–—,;:&/+•*".ToCharArray());
        while (name.EndsWith('.') && !EndsWithAbbreviation(name)) name = name[..^1].TrimEnd();
        return name;
    }

    private static bool EndsWithAbbreviation(string name)
    {
        var word = name.AsSpan(0, name.Length - 1);
        var space = word.LastIndexOf(' ');
        if (space >= 0) word = word[(space + 1)..];
        return word.Length is >= 1 and <= 4 && char.IsLetter(word[^1]);
    }
}
