using System.Globalization;
using System.Text;

namespace PlanBot.Core.People;

public enum OwnerNameKind
{
    /// <summary>Nothing that could name anyone (blank, or punctuation only).</summary>
    Empty,

    /// <summary>A name of two or more words: "Sue Graham", "Dr Sarah Jones (interim)".</summary>
    FullName,

    /// <summary>An email address or user principal name: "sue.graham@nhs.net".</summary>
    Email,

    /// <summary>One word that could be anyone: "Danielle".</summary>
    FirstNameOnly,

    /// <summary>A post rather than a person, with or without initials: "CFO", "AO (CG)", "Head of Q&amp;A (CN)", "Chief Officer".</summary>
    RoleOnly,
}

/// <summary>
/// How PlanBot reads one owner name from a plan. <see cref="Text"/> is the name tidied (spaces, quotes);
/// <see cref="SearchName"/> is what is looked up: without a title ("Dr"), a qualifier in brackets ("(interim)") or
/// initials that follow a person's name. <see cref="Role"/> is the post of a <see cref="OwnerNameKind.RoleOnly"/> name
/// without its initials ("AO" for "AO (CG)").
/// </summary>
public sealed record OwnerNameReading(string Text, string SearchName, OwnerNameKind Kind, string? Role = null, string? Initials = null)
{
    /// <summary>
    /// The e-mail address of an <see cref="OwnerNameKind.Email"/> name: the whole text, or the address in brackets after
    /// the name it spells ("R Nash (r.nash@nhs.net)", as the importer shows an owner given only as an address).
    /// </summary>
    public string? Email { get; init; }

    public string? FirstName => Kind is OwnerNameKind.FullName or OwnerNameKind.FirstNameOnly ? SearchName.Split(' ')[0] : null;

    public string? Surname => Kind == OwnerNameKind.FullName && SearchName.LastIndexOf(' ') is > 0 and var space ? SearchName[(space + 1)..] : null;

    /// <summary>Every word but the last: "Mary Ann" of "Mary Ann Smith".</summary>
    public string? GivenNames => Kind == OwnerNameKind.FullName && SearchName.LastIndexOf(' ') is > 0 and var space ? SearchName[..space] : null;
}

/// <summary>
/// Owner names as trackers write them: classifying them (a full name, a first name only, a role with initials, an
/// email) and the key two spellings of one name share ("Sue  GRAHAM", "Dr Sue Graham" and "sue graham").
/// Classification is deliberately cautious: it only ever stops PlanBot guessing, because the people file is consulted
/// first and can pin any text to a person.
/// </summary>
public static class PersonName
{
    private static readonly string[] Titles = ["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "cllr", "rev", "revd"];

    private static readonly string[] Qualifiers = ["acting", "interim", "deputy", "temporary", "temp", "tbc", "tbd", "cover", "covering", "locum", "maternity cover"];

    // Words that name a post or a group, never a person, in the seeds' owner columns ("Chief Officer", "CCG Sec.", "Dir. Gov").
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "board", "ccg", "chair", "chairman", "chairperson", "chairwoman", "chief", "clinical", "commissioning", "committee",
        "deputy", "dir", "director", "directorate", "directors", "exec", "executive", "executives", "finance", "gov", "governance",
        "group", "head", "interim", "lead", "leads", "manager", "nhs", "officer", "officers", "operations", "pmo", "programme",
        "project", "sec", "secretary", "specialist", "spec", "team", "trust",
    };

    /// <summary>Reads one owner name as the plan writes it.</summary>
    public static OwnerNameReading Read(string? ownerName)
    {
        var text = Tidy(ownerName);
        if (!text.Any(char.IsLetterOrDigit)) return new OwnerNameReading(text, text, OwnerNameKind.Empty);
        if (LooksLikeEmail(text)) return new OwnerNameReading(text, text, OwnerNameKind.Email) { Email = text };
        if (text.EndsWith(')') && text.LastIndexOf(" (", StringComparison.Ordinal) is > 0 and var open
            && text[(open + 2)..^1] is var address && LooksLikeEmail(address))
            return new OwnerNameReading(text, text[..open], OwnerNameKind.Email) { Email = address };

        var name = StripQualifiers(text);
        string? initials = null;
        if (TrySplitTrailingInitials(name, out var before, out var bracketed))
        {
            // "AO (CG)" and "AD C&C (EH)" are posts held by someone with those initials; "Rachel Pilsworth (RP)" is a person,
            // and "Danielle (DP)" a first name.
            var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var personLike = words.Length > 0 && words.All(IsNameWord) && !IsRoleText(before);
            if (!personLike) return new OwnerNameReading(text, name, OwnerNameKind.RoleOnly, before.Length == 0 ? null : before, bracketed);
            name = before;
            initials = bracketed;
        }

        name = StripTitle(name);
        if (IsRoleText(name)) return new OwnerNameReading(text, name, OwnerNameKind.RoleOnly, name, initials);
        // One word is a first name, unless it holds digits ("Apr-18" is a tracker's slip, not a person): that is looked up and not found.
        var kind = name.Contains(' ') || name.Any(char.IsDigit) ? OwnerNameKind.FullName : OwnerNameKind.FirstNameOnly;
        return new OwnerNameReading(text, name, kind, Initials: initials);
    }

    /// <summary>
    /// The key two spellings of one name share: tidied, without a title or a bracketed qualifier, ignoring case, accents
    /// and full stops. Used for people file names, which must be unique by this key.
    /// </summary>
    public static string Key(string? name)
    {
        var text = StripTitle(StripQualifiers(Tidy(name)));
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c == '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            key.Append(char.ToLowerInvariant(c));
        }

        return string.Join(' ', key.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>One '@' with something before it, a domain with a dot after it, and no spaces.</summary>
    /// <summary>The first letter of each word of a name, in capitals: "CG" for "Caroline Gould", "JGL" for "Jo Grace Lee".</summary>
    public static string Initials(string name) =>
        string.Concat(StripTitle(Tidy(name)).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));

    public static bool LooksLikeEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        var at = trimmed.IndexOf('@');
        if (at <= 0 || at != trimmed.LastIndexOf('@') || trimmed.Any(c => char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>' or '"')) return false;
        var domain = trimmed[(at + 1)..];
        var dot = domain.IndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !domain.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>Single spaces, straight apostrophes, no spaces or stray separators at the ends.</summary>
    public static string Tidy(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return string.Empty;
        var text = name.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u00A0', ' ');
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim(' ', ',', ';', ':');
    }

    /// <summary>Removes trailing brackets that qualify rather than name: "Jane Smith (interim)", "Jane Smith (acting DoF)".</summary>
    private static string StripQualifiers(string text)
    {
        while (text.EndsWith(')'))
        {
            var open = text.LastIndexOf('(');
            if (open <= 0) break;
            var inside = text[(open + 1)..^1].Trim();
            var firstWord = inside.Split(' ', 2)[0];
            var qualifies = inside.Length == 0
                || (inside.Length > 0 && char.IsLower(inside[0]))
                || Qualifiers.Contains(inside, StringComparer.OrdinalIgnoreCase)
                || Qualifiers.Contains(firstWord, StringComparer.OrdinalIgnoreCase);
            if (!qualifies) break;
            text = text[..open].TrimEnd();
        }

        return text;
    }

    private static string StripTitle(string text)
    {
        var space = text.IndexOf(' ');
        if (space <= 0) return text;
        var first = text[..space].TrimEnd('.');
        return Titles.Contains(first, StringComparer.OrdinalIgnoreCase) ? text[(space + 1)..] : text;
    }

    /// <summary>"AD P&amp;G (MA)" → "AD P&amp;G" and "MA"; "Chair (JGL/MH)" → "Chair" and "JGL/MH".</summary>
    private static bool TrySplitTrailingInitials(string text, out string before, out string initials)
    {
        before = initials = string.Empty;
        if (!text.EndsWith(')')) return false;
        var open = text.LastIndexOf('(');
        if (open < 0) return false;
        var inside = text[(open + 1)..^1].Trim();
        if (!IsInitials(inside)) return false;
        before = text[..open].Trim();
        initials = inside;
        return true;
    }

    // Capitals only, 1-4 per part, parts separated by '/': "CG", "JGL/MH", "RH/ MH".
    private static bool IsInitials(string text) =>
        text.Length > 0 && text.Split('/').All(part =>
        {
            var letters = part.Trim();
            return letters.Length is >= 1 and <= 4 && letters.All(char.IsAsciiLetterUpper);
        });

    /// <summary>A post, not a person: a role word ("Chair", "Officer"), an abbreviation ("Sec.", "Dir."), or an acronym ("CFO", "DoF").</summary>
    private static bool IsRoleText(string text)
    {
        var words = text.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        if (words.Any(w => RoleWords.Contains(w.Trim('.', ',', '&', '-')))) return true;
        if (words.Any(IsAbbreviation)) return true;
        if (words.Any(IsMixedCaseAcronym)) return true;

        // An acronym in mixed text ("Interim Joint QIPP PD"), or on its own ("CFO"). Words all in capitals are a role only
        // when every one is short ("AD PC"): "SUE GRAHAM" is a name written in capitals.
        var allCapitals = words.All(w => w.Any(char.IsLetter) && !w.Any(char.IsLower));
        if (allCapitals && words.Length > 1) return words.All(w => w.Count(char.IsLetter) <= 4) && words.Any(IsAcronym);
        return words.Any(IsAcronym);
    }

    // "Rachel", "McEwan", "O'Neill", "Smith-Jones": a capital, then at least one lower-case letter.
    private static bool IsNameWord(string word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && word.Any(char.IsLower) && word.All(c => char.IsLetter(c) || c is '\'' or '-');

    // "Sec.", "Gov.", "Spec.": two to five letters and a full stop (a single initial such as "J." is part of a name).
    private static bool IsAbbreviation(string word) =>
        word.EndsWith('.') && word.TrimEnd('.') is { Length: >= 2 and <= 5 } letters && letters.All(char.IsLetter);

    // "CFO", "P&G", "PDIT&E": two to six capital letters, with '&' or '-' between them.
    private static bool IsAcronym(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiLetterUpper(c)) letters++;
            else if (c is not ('&' or '-' or '.')) return false;
        }

        return letters is >= 2 and <= 6;
    }

    // "DoF", "DoFs", "HoE", "SoF": the NHS's Director-of-Finance style; too short to be a name like "McEwan".
    private static bool IsMixedCaseAcronym(string word) =>
        word.Length is 3 or 4 && char.IsAsciiLetterUpper(word[0]) && char.IsAsciiLetterLower(word[1]) && char.IsAsciiLetterUpper(word[2])
        && (word.Length == 3 || char.IsAsciiLetterLower(word[3]));
}
