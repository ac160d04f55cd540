namespace PlanBot.Core.Plans;

using System.Text;
using PlanBot.Core.Dates;

/// <summary>
/// Turns the words and colours trackers use for progress into <see cref="MilestoneStatus"/> and <see cref="Rag"/>.
/// The tracker's own text is kept beside the result by the caller; this only decides what it means.
/// </summary>
public static class StatusReader
{
    private static readonly (string Words, MilestoneStatus Status, bool WholeWord)[] Keywords =
    [
        ("not started", MilestoneStatus.NotStarted, true),
        ("not yet started", MilestoneStatus.NotStarted, true),
        ("complete", MilestoneStatus.Complete, false), // complete, completed; not "completion", which is a target
        ("done", MilestoneStatus.Complete, true),
        ("achieved", MilestoneStatus.Complete, true),
        ("delivered", MilestoneStatus.Complete, true),
        ("resolved", MilestoneStatus.Complete, true),
        ("finished", MilestoneStatus.Complete, true),
        ("closed", MilestoneStatus.Closed, true),
        ("cancelled", MilestoneStatus.Closed, true),
        ("canceled", MilestoneStatus.Closed, true),
        ("superseded", MilestoneStatus.Closed, true),
        ("descoped", MilestoneStatus.Closed, true),
        ("de scoped", MilestoneStatus.Closed, true),
        ("not required", MilestoneStatus.Closed, true),
        ("no longer required", MilestoneStatus.Closed, true),
        ("to do", MilestoneStatus.NotStarted, true),
        ("backlog", MilestoneStatus.NotStarted, true),
        ("not begun", MilestoneStatus.NotStarted, true),
        ("off track", MilestoneStatus.Delayed, true),
        ("behind schedule", MilestoneStatus.Delayed, true),
        ("behind", MilestoneStatus.Delayed, true),
        ("late", MilestoneStatus.Delayed, true),
        ("missed", MilestoneStatus.Delayed, true),
        ("slipping", MilestoneStatus.AtRisk, true),
        ("blocked", MilestoneStatus.AtRisk, true),
        ("stuck", MilestoneStatus.AtRisk, true),
        ("working on it", MilestoneStatus.OnTrack, true),
        ("removed", MilestoneStatus.Closed, true),
        ("no longer", MilestoneStatus.Closed, true),
        ("withdrawn", MilestoneStatus.Closed, true),
        ("delay", MilestoneStatus.Delayed, false), // delay, delayed, delays
        ("slip", MilestoneStatus.Delayed, false), // slipped, slippage
        ("overdue", MilestoneStatus.Delayed, true),
        ("revised date", MilestoneStatus.Delayed, true),
        ("further revised", MilestoneStatus.Delayed, true),
        ("reset date", MilestoneStatus.Delayed, true),
        ("re set date", MilestoneStatus.Delayed, true),
        ("pause", MilestoneStatus.Delayed, false), // pause, paused
        ("on hold", MilestoneStatus.Delayed, true),
        ("at risk", MilestoneStatus.AtRisk, true),
        ("potential to miss", MilestoneStatus.AtRisk, true),
        ("likely to miss", MilestoneStatus.AtRisk, true),
        ("on track", MilestoneStatus.OnTrack, true),
        ("ongoing", MilestoneStatus.OnTrack, true),
        ("on going", MilestoneStatus.OnTrack, true),
        ("open", MilestoneStatus.OnTrack, true),
        ("live", MilestoneStatus.OnTrack, true),
        ("in progress", MilestoneStatus.OnTrack, true),
        ("in review", MilestoneStatus.OnTrack, true),
        ("under review", MilestoneStatus.OnTrack, true),
        ("underway", MilestoneStatus.OnTrack, true),
        ("under way", MilestoneStatus.OnTrack, true),
    ];

    /// <summary>
    /// A RAG cell: the colour names and letters, "Yellow" for amber, the Southend key's phrases and mixed ratings.
    /// "Complete" alone is a status word, not a colour (see <see cref="ParseRagColumn"/>); Southend's blue is "Completed" / "Completed*".
    /// </summary>
    public static Rag ParseRag(string? text)
    {
        var key = Normalise(text, keepHyphens: true);
        var colour = Colour(key);
        if (colour != Rag.None || key.Length > 12) return colour;
        // A mixed rating ("Red/Amber", "A/G", "Amber-Green") is where two views differ: the worse colour counts.
        var parts = key.Split(['/', '-', '\\'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2) return Rag.None;
        var (first, second) = (Colour(parts[0]), Colour(parts[1]));
        if (first == Rag.None || second == Rag.None) return Rag.None;
        return Severity(first) >= Severity(second) ? first : second;
    }

    /// <summary>
    /// A cell of a tracker's RAG column: a colour as <see cref="ParseRag"/> reads it, or a word that says the work is
    /// done ("Complete", "Achieved"), which in a RAG column is the blue of a BRAG key.
    /// </summary>
    public static Rag ParseRagColumn(string? text)
    {
        var rag = ParseRag(text);
        if (rag != Rag.None) return rag;
        var key = Normalise(text, keepHyphens: false);
        return key.Length <= 12 && ReadWords(key) == MilestoneStatus.Complete ? Rag.Blue : Rag.None;
    }

    private static int Severity(Rag rag) => rag switch
    {
        Rag.Red => 3,
        Rag.Amber => 2,
        Rag.Green => 1,
        _ => 0,
    };

    private static Rag Colour(string key) =>
        key switch
        {
            "red" or "r" or "no progress against action" => Rag.Red,
            "amber" or "a" or "yellow" or "actions underway" => Rag.Amber,
            "green" or "g" or "all actions in place" => Rag.Green,
            "blue" or "b" or "completed" or "completed*" => Rag.Blue,
            _ => Rag.None,
        };

    /// <summary>
    /// The status a milestone is in. The status text decides when it is decisive; a status that only says the work
    /// is open (OnTrack) or says nothing is overridden by a more specific word in the RAG column, where trackers such as
    /// seed 001 write "Reset Date" or "Complete"; failing words, the RAG colour decides.
    /// </summary>
    public static MilestoneStatus Normalise(string? statusText, string? ragText)
    {
        var fromStatus = ReadWords(statusText);
        if (fromStatus is not (MilestoneStatus.OnTrack or MilestoneStatus.Unknown)) return fromStatus;

        var fromRagWords = ReadWords(ragText);
        if (fromRagWords is MilestoneStatus.Delayed or MilestoneStatus.Complete or MilestoneStatus.AtRisk or MilestoneStatus.NotStarted)
            return fromRagWords;
        if (fromStatus != MilestoneStatus.Unknown) return fromStatus;
        if (fromRagWords != MilestoneStatus.Unknown) return fromRagWords;

        var fromColour = FromColour(ParseRag(ragText));
        return fromColour != MilestoneStatus.Unknown ? fromColour : FromColour(ParseRag(statusText));
    }

    private static MilestoneStatus FromColour(Rag rag) => rag switch
    {
        Rag.Blue => MilestoneStatus.Complete,
        Rag.Green => MilestoneStatus.OnTrack,
        Rag.Amber => MilestoneStatus.AtRisk,
        Rag.Red => MilestoneStatus.Delayed,
        _ => MilestoneStatus.Unknown,
    };

    /// <summary>The status named by the earliest status word: "Delayed full completion of Milestone" is Delayed.</summary>
    private static MilestoneStatus ReadWords(string? text)
    {
        var normalised = Normalise(text, keepHyphens: false);
        if (normalised.Length == 0) return MilestoneStatus.Unknown;

        var best = MilestoneStatus.Unknown;
        var bestAt = int.MaxValue;
        var bestLength = 0;
        foreach (var (words, status, wholeWord) in Keywords)
        {
            var at = FindKeyword(normalised, words, wholeWord);
            if (at < 0) continue;
            if (at < bestAt || (at == bestAt && words.Length > bestLength))
                (best, bestAt, bestLength) = (status, at, words.Length);
        }

        return best;
    }

    private static int FindKeyword(string text, string words, bool wholeWord)
    {
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            var startsWord = at == 0 || !char.IsLetter(text[at - 1]);
            var end = at + words.Length;
            var endsWord = !wholeWord || end == text.Length || !char.IsLetter(text[end]);
            if (startsWord && endsWord && !IsNegated(text, at, words)) return at;
        }

        return -1;
    }

    // "not complete", "not yet on track": the word is there but says the opposite.
    private static bool IsNegated(string text, int at, string words)
    {
        if (words.StartsWith("no", StringComparison.Ordinal)) return false;
        var before = text.AsSpan(0, at).TrimEnd();
        if (before.EndsWith(" yet", StringComparison.Ordinal) || before.SequenceEqual("yet")) before = before[..^3].TrimEnd();
        return before.SequenceEqual("not") || before.EndsWith(" not", StringComparison.Ordinal);
    }

    // Lower case, single spaces; hyphens become spaces for word matching so "On -Track" reads as "on track".
    private static string Normalise(string? text, bool keepHyphens)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;

        var clean = CellMarkup.Strip(text.Trim());
        var builder = new StringBuilder(clean.Length);
        var pendingSpace = false;
        foreach (var raw in clean)
        {
            var c = !keepHyphens && raw is '-' or '–' or '—' or '_' ? ' ' : char.ToLowerInvariant(raw);
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
