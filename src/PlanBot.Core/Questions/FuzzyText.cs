namespace PlanBot.Core.Questions;

/// <summary>
/// How close a typed word is to a known one, forgiving the slips people make in chat: a letter missed, doubled,
/// swapped or mistyped ("fnance", "finnance", "fiannce"), and prefixes of names ("Sue" for Susan is not this
/// class's job, but "fin" for Finance is). Case and accents are ignored by the caller's normalisation.
/// </summary>
public static class FuzzyText
{
    /// <summary>
    /// Edits allowed for a word of this length: none up to 3 letters (too many short words collide), one up to 6,
    /// two beyond.
    /// </summary>
    public static int AllowedEdits(int length) => length <= 3 ? 0 : length <= 6 ? 1 : 2;

    /// <summary>Whether <paramref name="typed"/> is <paramref name="known"/> within the edits its length allows.</summary>
    public static bool IsCloseTo(string typed, string known) =>
        Distance(typed, known, AllowedEdits(Math.Min(typed.Length, known.Length))) is { } d && d <= AllowedEdits(Math.Min(typed.Length, known.Length));

    /// <summary>
    /// Optimal string alignment distance (insertions, deletions, substitutions and swaps of neighbours), or null as
    /// soon as it must exceed <paramref name="limit"/>: most comparisons are of unrelated words and stop early.
    /// </summary>
    public static int? Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return null;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length) <= limit ? Math.Max(a.Length, b.Length) : null;

        Span<int> twoAgo = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, twoAgo[j - 2] + 1);
                current[j] = best;
                rowMinimum = Math.Min(rowMinimum, best);
            }
            if (rowMinimum > limit) return null;
            var spare = twoAgo;
            twoAgo = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length] <= limit ? previous[b.Length] : null;
    }
}
