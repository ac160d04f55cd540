using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>What the status and colour words of a question ask for, read against the plan's own status conventions.</summary>
public static class StatusQuestion
{
    private static readonly (Cue Cue, StatusWanted Wanted)[] States =
    [
        (Cue.Delayed, StatusWanted.Delayed), (Cue.AtRisk, StatusWanted.AtRisk), (Cue.NotStarted, StatusWanted.NotStarted),
        (Cue.OnTrack, StatusWanted.OnTrack),
    ];

    private static readonly (Cue Cue, Rag Rag)[] Colours_ = [(Cue.Red, Rag.Red), (Cue.Amber, Rag.Amber), (Cue.Green, Rag.Green), (Cue.Blue, Rag.Blue)];

    /// <summary>
    /// The statuses asked for, any of which will do. States of work in hand ("at risk or delayed") are each wanted; done
    /// and open only qualify when no such state is named ("delayed items not yet done" is the delayed ones). "Closed" is
    /// what the tracker closed when it closes things, and otherwise anything finished; "complete" is work delivered.
    /// </summary>
    /// <param name="phrases">The question's vocabulary phrases as typed ("closed", "in progress").</param>
    public static IReadOnlyList<StatusWanted> Wanted(IReadOnlySet<Cue> cues, IReadOnlyCollection<string> phrases, PlanIndex index)
    {
        var states = States.Where(s => cues.Contains(s.Cue)).Select(s => s.Wanted).ToList();
        if (states.Count > 0) return states;
        if (cues.Contains(Cue.Finished))
        {
            // "withdrawn or cancelled" asks for what the tracker closed, as "closed" does: a closing word, never a done one.
            var closedOnly = phrases.Any(ClosingWords.Contains) && !phrases.Any(p => !ClosingWords.Contains(p) && IsDoneWord(p));
            if (!closedOnly) return [StatusWanted.Complete];
            return index.TrackerCloses ? [StatusWanted.Closed] : [StatusWanted.Finished];
        }
        return cues.Contains(Cue.Open) ? [StatusWanted.Open] : [];
    }

    /// <summary>The colours asked for: a milestone has one, so every colour named is an alternative.</summary>
    public static IReadOnlyList<Rag> Colours(IReadOnlySet<Cue> cues) => Colours_.Where(c => cues.Contains(c.Cue)).Select(c => c.Rag).ToList();

    private static readonly HashSet<string> ClosingWords = ["closed", "cancelled", "canceled", "withdrawn", "superseded"];

    /// <summary>
    /// "cancelled", "withdrawn": words for what a tracker closes, read as such only where the plan does not use the word
    /// itself (a tracker's own "Cancelled" is its rows so marked).
    /// </summary>
    public static bool IsClosingWord(string word) => ClosingWords.Contains(word);

    private static bool IsDoneWord(string phrase) =>
        QuestionVocabulary.Phrases.Any(p => p.Cue == Cue.Finished && string.Join(' ', p.Words) == phrase);
}
