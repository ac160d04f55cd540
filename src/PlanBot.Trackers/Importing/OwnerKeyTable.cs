using PlanBot.Core.Plans;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// One line of a tracker's key to its owners: the person, their initials when the key writes them ("Cathy Gritzner
/// (CG)"), and what else the line calls them ("AO", "Accountable Officer"). <see cref="Person"/> is null when the key
/// names nobody for a role ("IOQL | Interim Operations QIPP Lead | n/a").
/// </summary>
public sealed record OwnerKeyEntry(string? Person, string? Initials, IReadOnlyList<string> Names, int Row);

/// <summary>
/// The key a board paper gives to the role codes and initials its owner columns use: a table that pairs an abbreviation
/// with a person ("AO | Accountable Officer | Cathy Gritzner (CG)"). Read two ways, both from the data: a table whose
/// header names an abbreviation column and a person column, and rows outside the milestone tables that hold a name
/// followed by its own initials in brackets beside short labels.
/// </summary>
public sealed record OwnerKeyTable(IReadOnlyList<OwnerKeyEntry> Entries, string? Sheet, int FirstRow)
{
    private static readonly string[] AbbreviationHeaders =
        ["abbreviation", "abbreviations", "abbrev", "acronym", "acronyms", "initials", "code", "role code", "short name", "short form", "key"];

    private static readonly string[] PersonHeaders =
        ["person", "name", "full name", "who", "post holder", "postholder", "individual", "named lead", "officer", "lead officer", "person name"];

    private static readonly string[] NoOne = ["n/a", "na", "tbc", "tbd", "vacant", "none", "-", "?"];

    /// <summary>The key in <paramref name="sheets"/>, reading no row of <paramref name="milestoneRows"/>; null when there is none.</summary>
    public static OwnerKeyTable? Find(IReadOnlyList<TrackerSheet> sheets, IReadOnlySet<TrackerRow> milestoneRows)
    {
        foreach (var sheet in sheets)
        {
            var entries = FromHeader(sheet, milestoneRows);
            if (entries.Count == 0) entries = FromInitialledNames(sheet, milestoneRows);
            if (entries.Count(e => e.Person is not null) >= 2) return new OwnerKeyTable(entries, sheet.Name, entries[0].Row);
        }
        return null;
    }

    /// <summary>"Abbreviation | Title | Person": the rows under a header that names both, to the first blank row.</summary>
    private static List<OwnerKeyEntry> FromHeader(TrackerSheet sheet, IReadOnlySet<TrackerRow> milestoneRows)
    {
        var entries = new List<OwnerKeyEntry>();
        var rows = sheet.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            if (milestoneRows.Contains(rows[i])) continue;
            var headers = rows[i].Cells.Select(c => HeaderVocabulary.Normalise(c.Text)).ToList();
            var abbreviation = headers.FindIndex(h => AbbreviationHeaders.Contains(h));
            var person = headers.FindIndex(h => PersonHeaders.Contains(h));
            if (abbreviation < 0 || person < 0) continue;
            for (var j = i + 1; j < rows.Count && !rows[j].IsBlank && !milestoneRows.Contains(rows[j]); j++)
            {
                var row = rows[j];
                var code = CellText.Clean(row.Text(abbreviation));
                if (code.Length == 0) continue;
                var (name, initials) = PersonAndInitials(CellText.Clean(row.Text(person)));
                var names = row.Cells.Select((c, column) => (Text: CellText.Clean(c.Text), column))
                    .Where(c => c.column != person && c.Text.Length is > 0 and <= 80).Select(c => c.Text).ToList();
                entries.Add(new OwnerKeyEntry(name, initials, names, row.Number));
            }
            if (entries.Count > 0) return entries;
        }
        return entries;
    }

    /// <summary>
    /// Rows with a person and their own initials in brackets ("Mike Shimmon (MS)") beside short labels ("HoE", "Head of
    /// Estates"), outside the milestone tables: a key written without a header PlanBot knows.
    /// </summary>
    private static List<OwnerKeyEntry> FromInitialledNames(TrackerSheet sheet, IReadOnlySet<TrackerRow> milestoneRows)
    {
        var entries = new List<OwnerKeyEntry>();
        foreach (var row in sheet.Rows)
        {
            if (milestoneRows.Contains(row)) continue;
            var cells = row.Cells.Select(c => CellText.Clean(c.Text)).ToList();
            var personAt = cells.FindIndex(c => PersonAndInitials(c) is { Person: not null, Initials: not null });
            if (personAt < 0) continue;
            var names = cells.Where((c, column) => column != personAt && c.Length is > 0 and <= 80).ToList();
            if (names.Count == 0 || names.Count > 3) continue;
            var (person, initials) = PersonAndInitials(cells[personAt]);
            entries.Add(new OwnerKeyEntry(person, initials, names, row.Number));
        }
        return entries;
    }

    /// <summary>"Cathy Gritzner (CG)" → (Cathy Gritzner, CG); "Cathy Gritzner" → (Cathy Gritzner, null); "n/a" → (null, null).</summary>
    private static (string? Person, string? Initials) PersonAndInitials(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0 || NoOne.Contains(text.TrimEnd('.'), StringComparer.OrdinalIgnoreCase)) return (null, null);
        if (OwnerKeyNames.InitialsIn(text) is { } initials)
        {
            var person = OwnerKeyNames.WithoutInitials(text);
            return OwnerKeyNames.IsInitialsOf(initials, person) ? (person, initials) : (null, null);
        }
        // A person without initials: two to four words, each starting with a capital.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && words.All(w => char.IsUpper(w[0]) && w.Count(char.IsUpper) <= 2) ? (text, null) : (null, null);
    }
}
