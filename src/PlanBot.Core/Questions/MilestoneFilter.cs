using System.Collections.Concurrent;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// The progress states a question can ask for. <see cref="Complete"/> is work delivered; <see cref="Closed"/> is what the
/// tracker closed (cancelled, withdrawn, superseded, or its own "Closed"); <see cref="Finished"/> is either, and
/// <see cref="Open"/> neither.
/// </summary>
public enum StatusWanted
{
    Delayed,
    AtRisk,
    NotStarted,
    OnTrack,
    Complete,
    Closed,
    Finished,
    Open,
}

/// <summary>
/// Everything a list question asked for, all of which a milestone must satisfy. Within <see cref="UnitGroups"/> and
/// <see cref="PersonGroups"/> each group is one thing the user named ("finance", "Sue Graham"), met by any of its members.
/// </summary>
public sealed record MilestoneFilter
{
    public bool Overdue { get; init; }

    /// <summary>The statuses asked for, any of which will do ("at risk or delayed"); empty for any status.</summary>
    public IReadOnlyList<StatusWanted> Statuses { get; init; } = [];

    /// <summary>The colours asked for, any of which will do ("red or amber"); a milestone has one colour, so "red and amber" means either.</summary>
    public IReadOnlyList<Rag> Rags { get; init; } = [];

    /// <summary>
    /// True when the tracker rates its milestones red, amber or green itself: then a colour asked for is the tracker's
    /// rating and a milestone it left unrated has none. A tracker that rates nothing is read by the colours its statuses imply.
    /// </summary>
    public bool TrackerRates { get; init; }
    public bool CriticalPath { get; init; }
    public DueWindow? Window { get; init; }
    public IReadOnlyList<UnitMatch> UnitGroups { get; init; } = [];
    public IReadOnlyList<PlanPerson> People { get; init; } = [];

    /// <summary>The owner role the people were asked about in ("SRO"), when one was named; null for any role.</summary>
    public string? PeopleRole { get; init; }

    /// <summary>True when the people were found from "me/my/I".</summary>
    public bool PeopleAreAsker { get; init; }

    /// <summary>Words every title must contain (each with the known title words it matched).</summary>
    public IReadOnlyList<TitleWord> TitleWords { get; init; } = [];

    /// <summary>"no delivery owner": milestones with nobody in that role.</summary>
    public RoleGap? WithoutRole { get; init; }

    /// <summary>Other sets the question named ("with no due date", "improved since the last report"), each met by its members.</summary>
    public IReadOnlyList<MilestoneSet> Sets { get; init; } = [];

    /// <summary>True when the answer lists finished milestones beside open ones, so it should say which are done.</summary>
    public bool ListsFinished => Window is { IncludesFinished: true } && Statuses.Count == 0 && Rags.Count == 0;

    public bool IsEmpty => !Overdue && Statuses.Count == 0 && Rags.Count == 0 && !CriticalPath && Window is null && UnitGroups.Count == 0
        && People.Count == 0 && TitleWords.Count == 0 && WithoutRole is null && Sets.Count == 0;

    public bool Matches(Milestone milestone, int index, DateOnly today)
    {
        if (Overdue && !milestone.IsOverdueAt(today)) return false;
        if (Statuses.Count > 0 && !Statuses.Any(status => HasStatus(milestone, status))) return false;
        // A window on its own means work still to do, unless the question asked for everything dated in it ("what was due
        // in Q1"); with a status or colour the user chose what they want to see.
        if (Window is { } window)
        {
            if (milestone.EffectiveDue is not { } date || !window.Contains(date)) return false;
            if (Statuses.Count == 0 && Rags.Count == 0 && milestone.IsFinished && !window.IncludesFinished) return false;
        }
        if (Rags.Count > 0 && !Rags.Contains(Colour(milestone))) return false;
        if (CriticalPath && !milestone.CriticalPath) return false;
        foreach (var group in UnitGroups)
            if (Array.BinarySearch(group.Members, index) < 0) return false;
        foreach (var person in People)
            if (Array.BinarySearch(person.Milestones, index) < 0) return false;
        foreach (var word in TitleWords)
            if (!word.Milestones.Contains(index)) return false;
        if (WithoutRole is { } gap && Array.BinarySearch(gap.Members, index) >= 0) return false;
        foreach (var set in Sets)
            if (Array.BinarySearch(set.Members, index) < 0) return false;
        return true;
    }

    /// <summary>The colour a question's colour is compared with: the tracker's rating where it rates, else the one the status implies; done is blue.</summary>
    private Rag Colour(Milestone milestone) =>
        !TrackerRates ? milestone.EffectiveRag : milestone.Rag != Rag.None ? milestone.Rag : milestone.IsComplete ? Rag.Blue : Rag.None;

    /// <summary>
    /// An action log's "Closed" is an action done with: the word itself, not a cancellation, withdrawal or supersession,
    /// which the tracker would have said.
    /// </summary>
    private static bool ClosedAsDone(Milestone milestone) =>
        milestone.Status == MilestoneStatus.Closed && StatusPhrase(milestone.StatusText, "") is "closed" or "closed complete" or "complete closed";

    public static bool HasStatus(Milestone milestone, StatusWanted status) => status switch
    {
        StatusWanted.Complete => milestone.IsComplete || ClosedAsDone(milestone),
        StatusWanted.Closed => milestone.Status == MilestoneStatus.Closed,
        StatusWanted.Finished => milestone.IsFinished,
        StatusWanted.Open => !milestone.IsFinished,
        StatusWanted.Delayed => IsDelayed(milestone),
        StatusWanted.AtRisk => milestone.Status == MilestoneStatus.AtRisk,
        StatusWanted.NotStarted => milestone.Status == MilestoneStatus.NotStarted,
        _ => milestone.Status == MilestoneStatus.OnTrack && !OnlySaysOpen(milestone),
    };

    // Words that put a milestone in PlanBot's Delayed state without saying it is late: a new date ("revised date
    // requested", "Reset Date") or a pause ("on hold"). Blind writers never counted these as delayed (9 lines to 0).
    private static readonly string[] NewDateOrPause = ["revised date", "further revised", "reset date", "re set date", "pause", "on hold"];

    private static readonly string[] Late = ["delay", "slipped", "late", "behind", "overdue"];

    /// <summary>
    /// Delayed as the tracker says it: its status or rating says late ("Delayed", "Slipped", "Behind"), even beside
    /// another status ("Delayed" rated, "Not Started" in the status column); a revised or reset date or a pause alone is
    /// not delayed.
    /// </summary>
    private static bool IsDelayed(Milestone milestone)
    {
        var words = StatusPhrase(milestone.StatusText, milestone.RagText);
        if (milestone.Status == MilestoneStatus.Delayed) return Says(words, Late) || !Says(words, NewDateOrPause);
        return !milestone.IsFinished && Says(words, ["delay"]);
    }

    /// <summary>"Open" (or "Live") in every column the tracker rates in is open work with no word on its progress, so it is not on track.</summary>
    private static bool OnlySaysOpen(Milestone milestone)
    {
        var status = StatusPhrase(milestone.StatusText, "");
        var rag = StatusPhrase(milestone.RagText, "");
        return (status.Length > 0 || rag.Length > 0) && status is "" or "open" or "live" && rag is "" or "open" or "live";
    }

    // A plan writes few distinct status and rating words, and a filter asks about every milestone of a 10,000-row plan:
    // each pair is normalised once (the bench-questions p95 was 2.8 times slower normalising per milestone per question).
    private const int MaxKnownStatusPhrases = 4096;
    private static readonly ConcurrentDictionary<(string Status, string Rag), string> KnownStatusPhrases = new();

    private static string StatusPhrase(string status, string rag)
    {
        if (KnownStatusPhrases.TryGetValue((status, rag), out var phrase)) return phrase;
        phrase = rag.Length == 0 ? QuestionText.Phrase(status) : QuestionText.Phrase(status + " " + rag);
        if (KnownStatusPhrases.Count < MaxKnownStatusPhrases) KnownStatusPhrases.TryAdd((status, rag), phrase);
        return phrase;
    }

    private static bool Says(string phrase, string[] words) =>
        words.Any(w => phrase.StartsWith(w, StringComparison.Ordinal) || phrase.Contains(" " + w, StringComparison.Ordinal));
}

/// <summary>The units one typed phrase matched ("care" → Primary Care and Primary Care (IT)), as one sorted set of milestones.</summary>
public sealed record UnitMatch(string Typed, IReadOnlyList<PlanUnit> Units, int[] Members)
{
    public string Name => Units.Count == 1 ? Units[0].Name : string.Join(" / ", Units.Select(u => u.Name).Distinct().Take(3));
}

/// <summary>A word a title must contain, and the milestones whose titles do.</summary>
public sealed record TitleWord(string Typed, HashSet<int> Milestones);

/// <summary>An owner role asked about as missing ("no delivery owner"), and the milestones that do name someone in it.</summary>
public sealed record RoleGap(string Role, int[] Members);

/// <summary>Milestones a question picked by something other than a unit, person or title ("with no due date"), sorted, and how an answer names them.</summary>
public sealed record MilestoneSet(string Description, int[] Members);
