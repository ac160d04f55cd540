namespace PlanBot.Trackers.Importing;

/// <summary>
/// The names of sections whose titles share their opening words: "M10 – Improvement Plan Progress Leadership" and
/// "M10 – Improvement Plan Progress Governance" are the sections Leadership and Governance. Words every title opens
/// with (three or more of them, so "Phase 1" and "Phase 2" stay whole) say what kind of table it is, not which.
/// </summary>
internal static class SectionNames
{
    private const int SharedWordsToDrop = 3;

    public static Dictionary<string, string> Of(IReadOnlyList<string> titles)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = titles.Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var shared = 0;
        while (words.All(w => w.Length > shared + 1)
               && words.All(w => string.Equals(w[shared], words[0][shared], StringComparison.OrdinalIgnoreCase)))
            shared++;
        foreach (var (title, split) in titles.Zip(words))
        {
            var rest = string.Join(' ', split.Skip(shared)).Trim(' ', '-', '–', '—', ':', '|');
            names[title] = shared >= SharedWordsToDrop && rest.Any(char.IsLetter) ? rest : title;
        }
        return names;
    }
}
