using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>A status as one tracker writes it ("In Progress", "Working on it"), and the milestones it is written on.</summary>
public sealed record TrackerStatus(string Phrase, string Written, int[] Members)
{
    public string[] Words { get; } = Phrase.Split(' ');
}

/// <summary>
/// The words one tracker uses of its own that a question may repeat back: its status values as written, the words of its
/// name (and its file's), and the trend marks of a "since last report" column. Read once per plan version.
/// </summary>
public sealed class PlanVocabulary
{
    // Status cells longer than this are progress notes, not statuses a question would quote.
    private const int MaxStatusWords = 4;
    private const int MaxStatusLength = 30;

    public PlanVocabulary(Plan plan)
    {
        var statuses = new Dictionary<string, (Dictionary<string, int> Written, List<int> Members)>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Milestones.Count; i++)
        {
            var written = plan.Milestones[i].StatusText.Trim();
            if (written.Length is 0 or > MaxStatusLength || written.Any(char.IsDigit)) continue;
            var phrase = QuestionText.Phrase(written);
            if (phrase.Length == 0 || phrase.Split(' ').Length > MaxStatusWords) continue;
            if (!statuses.TryGetValue(phrase, out var entry)) statuses[phrase] = entry = (new Dictionary<string, int>(StringComparer.Ordinal), []);
            entry.Written[written] = entry.Written.GetValueOrDefault(written) + 1;
            entry.Members.Add(i);
        }
        Statuses = statuses
            .Select(s => new TrackerStatus(s.Key, s.Value.Written.MaxBy(w => w.Value).Key, [.. s.Value.Members]))
            .OrderByDescending(s => s.Phrase.Count(c => c == ' '))
            .ToList();

        StatusesByFirstWord = Statuses.GroupBy(st => st.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TrackerStatus>)[.. g], StringComparer.Ordinal);

        var nameWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (string?[])[plan.Name, Path.GetFileNameWithoutExtension(plan.SourceFile ?? "")])
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            // "a01-planner-hr-onboarding": a file's name separates its words with hyphens and underscores.
            var words = QuestionText.Phrase(name.Replace('_', ' ').Replace('-', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !w.Any(char.IsDigit)).ToList();
            nameWords.UnionWith(words);
            // "KDM" for "key delivery milestones": the initials of three or more words in a row.
            var significant = words.Where(w => w.Length > 2 && w is not ("and" or "the" or "for")).ToList();
            for (var start = 0; start + 3 <= significant.Count; start++)
                for (var length = 3; length <= 4 && start + length <= significant.Count; length++)
                    nameWords.Add(string.Concat(significant.Skip(start).Take(length).Select(w => w[0])));
        }
        // "the QI program", "DFD tickets": the letters most references start with (QI-101, DFD-5) name the plan's own items.
        if (ReferencePrefix(plan) is { } prefix) nameWords.Add(prefix);
        // "the people committee action log": the name's everyday words, which say nothing on their own but belong to the name.
        NameEverydayWords = nameWords.Where(QuestionVocabulary.Ordinary.Contains).ToHashSet(StringComparer.Ordinal);
        nameWords.ExceptWith(QuestionVocabulary.Ordinary.Where(w => w is not ("plan" or "programme" or "project")));
        NameWords = nameWords;
        TitleWords = PlanTitleWords.Read(plan);

        var up = new List<int>();
        var down = new List<int>();
        var same = new List<int>();
        for (var i = 0; i < plan.Milestones.Count; i++)
        {
            switch (TrendOf(plan.Milestones[i].Trend))
            {
                case > 0: up.Add(i); break;
                case < 0: down.Add(i); break;
                case 0: same.Add(i); break;
            }
        }
        HasTrend = up.Count + down.Count + same.Count > 0;
        Improved = [.. up];
        Worsened = [.. down];
        Unchanged = [.. same];
    }

    /// <summary>The letters (two or more) that at least half the references start with, lower case; null when none.</summary>
    private static string? ReferencePrefix(Plan plan)
    {
        if (plan.Milestones.Count == 0) return null;
        var prefix = plan.Milestones
            .Select(m => new string(m.Ref.Value.TakeWhile(char.IsLetter).ToArray()).ToLowerInvariant())
            .Where(p => p.Length >= 2)
            .GroupBy(p => p, StringComparer.Ordinal)
            .MaxBy(g => g.Count());
        return prefix is not null && prefix.Count() * 2 >= plan.Milestones.Count ? prefix.Key : null;
    }

    /// <summary>Every status the tracker writes, longest phrase first.</summary>
    public IReadOnlyList<TrackerStatus> Statuses { get; }

    /// <summary><see cref="Statuses"/> by their first word, longest phrase first, so a question's words are looked up, not scanned.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TrackerStatus>> StatusesByFirstWord { get; }

    /// <summary>The words of the plan's name and its file's name, and the initials of their runs ("kdm"), without ordinary words.</summary>
    public IReadOnlySet<string> NameWords { get; }

    /// <summary>The words of the plan's table titles and rating header (<see cref="PlanTitleWords"/>).</summary>
    public IReadOnlySet<string> TitleWords { get; }

    /// <summary>Everyday words of the plan's or its file's name ("action", "log"), left out of <see cref="NameWords"/>.</summary>
    public IReadOnlySet<string> NameEverydayWords { get; }

    /// <summary>Whether the tracker marks a trend since the last report on any milestone.</summary>
    public bool HasTrend { get; }

    public int[] Improved { get; }
    public int[] Worsened { get; }
    public int[] Unchanged { get; }

    /// <summary>+1, -1 or 0 for a trend mark (↑ ↓ ↔, or words such as "improving", "worse", "no change"); null when none.</summary>
    public static int? TrendOf(string? trend)
    {
        if (string.IsNullOrWhiteSpace(trend)) return null;
        var text = trend.Trim().ToLowerInvariant();
        if (text.Contains('↔') || text.Contains('→') || text.StartsWith("same", StringComparison.Ordinal) || text.StartsWith("no change", StringComparison.Ordinal)
            || text.StartsWith("unchanged", StringComparison.Ordinal) || text.StartsWith("static", StringComparison.Ordinal) || text == "=")
            return 0;
        if (text.Contains('↑') || text.StartsWith("up", StringComparison.Ordinal) || text.StartsWith("improv", StringComparison.Ordinal)
            || text.StartsWith("better", StringComparison.Ordinal))
            return 1;
        if (text.Contains('↓') || text.StartsWith("down", StringComparison.Ordinal) || text.StartsWith("wors", StringComparison.Ordinal)
            || text.StartsWith("deterior", StringComparison.Ordinal) || text.StartsWith("declin", StringComparison.Ordinal))
            return -1;
        return null;
    }
}
