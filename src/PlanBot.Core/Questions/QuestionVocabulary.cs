namespace PlanBot.Core.Questions;

/// <summary>What a recognised phrase contributes to a question.</summary>
public enum Cue
{
    Count,
    Overdue,
    Delayed,
    AtRisk,
    NotStarted,
    OnTrack,
    Finished,
    Open,
    Red,
    Amber,
    Green,
    Blue,
    CriticalPath,
    Me,
    Owner,
    Status,
    All,
    Upcoming,

    /// <summary>"in", "for", "within": the next words name a team rather than a person.</summary>
    Inside,
}

/// <summary>
/// The fixed words of PlanBot's questions: phrases that set a filter or an intent, and the ordinary words that carry
/// nothing ("what", "show", "please"). Typed words are compared against these before the plan's own words.
/// </summary>
public static class QuestionVocabulary
{
    /// <summary>Phrases, longest first so "not started" wins over "started" and "critical path" over "critical".</summary>
    public static IReadOnlyList<(string[] Words, Cue Cue)> Phrases { get; } = Build(new Dictionary<Cue, string[]>
    {
        [Cue.Count] = ["how many", "number of", "count", "total", "how much", "number"],
        [Cue.Overdue] = ["overdue", "over due", "past due", "past their due date", "past the due date", "past deadline", "missed deadline",
            "missed deadlines", "missed", "miss", "misses", "behind schedule", "out of date", "expired", "gone past", "past due date"],
        [Cue.Delayed] = ["delayed", "late", "slipped", "slipping", "slippage", "behind", "delay", "delays", "running late", "off track"],
        // A bare "risk" is as often the subject ("risk register") as the status, so it is left to the plan's titles.
        [Cue.AtRisk] = ["at risk", "risky", "in danger", "under threat", "at threat"],
        [Cue.NotStarted] = ["not started", "not yet started", "yet to start", "yet to begin", "not begun", "hasnt started", "havent started",
            "havent begun", "not kicked off"],
        [Cue.OnTrack] = ["on track", "ontrack", "on target", "on schedule", "on plan", "going well"],
        [Cue.Finished] = ["complete", "completed", "done", "finished", "closed", "delivered", "achieved", "signed off", "completion", "met",
            "landed", "ticked off", "wrapped up"],
        [Cue.Open] = ["open", "outstanding", "incomplete", "not complete", "not completed", "not done", "not finished", "not yet done",
            "in progress", "ongoing", "unfinished", "remaining", "left", "owe", "owed", "still to do", "to do", "todo", "pending",
            "still open", "current", "active", "has on", "have on", "got on", "working on", "plate", "on the go", "in flight",
            "still to deliver", "have to deliver", "has to deliver"],
        [Cue.Red] = ["red", "rag red", "reds"],
        [Cue.Amber] = ["amber", "ambers", "yellow", "orange"],
        [Cue.Green] = ["green", "greens"],
        [Cue.Blue] = ["blue", "blues"],
        [Cue.CriticalPath] = ["critical path", "critical", "cp", "crit path", "critical pathway"],
        [Cue.Me] = ["me", "my", "mine", "i", "im", "ive", "myself"],
        [Cue.Owner] = ["who", "whos", "whose", "owner", "owners", "owns", "owned", "own", "ownership", "responsible", "accountable",
            "lead", "leads", "leading", "in charge", "deliver", "delivers", "delivering", "delivery owner", "accountable owner", "sro", "assigned", "assignee",
            "sit with", "sits with", "sitting with", "on the hook", "on the hook for"],
        [Cue.Status] = ["status", "progress", "update", "updates", "latest", "happening", "going", "doing", "news", "where are we",
            "how is", "hows", "tell me about", "started", "begun", "kicked off", "looking", "where do we stand", "details", "detail", "info", "information", "state", "position", "how are", "what about"],
        [Cue.All] = ["all", "everything", "every", "whole", "entire", "full list", "list all", "any", "anything"],
        [Cue.Upcoming] = ["coming up", "upcoming", "soon", "due soon", "next few weeks", "forthcoming"],
        [Cue.Inside] = ["in", "for", "within", "across", "under", "from", "of the", "in the"],
    });

    /// <summary>Phrases whose "me" or "I" is not the asker ("show me", "can I see"), removed before anything else is read.</summary>
    public static IReadOnlyList<string[]> NotAboutMe { get; } =
    [
        .. new[]
        {
            "show me", "tell me", "give me", "send me", "get me", "let me know", "let me see", "remind me", "help me", "find me",
            "list me", "can i", "could i", "may i", "can i see", "can i have", "could i have", "i want", "i need", "i would like",
            "id like", "i wonder", "i wondered", "do you know",
        }.Select(p => p.Split(' ')),
    ];

    /// <summary>Words that carry nothing on their own. Other English words a plan does not use are not understood.</summary>
    public static IReadOnlySet<string> Ordinary { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "on", "at", "by", "with", "and", "or", "nor", "but", "is", "are", "was", "were", "be", "been", "being",
        "do", "does", "did", "has", "have", "had", "will", "would", "should", "shall", "can", "could", "may", "might", "must",
        "please", "pls", "plz", "thanks", "thank", "you", "u", "ya", "hey", "hello", "hi", "there", "some", "that", "this", "these", "those",
        "it", "its", "they", "them", "their", "theirs", "we", "our", "us", "as", "so", "just", "also", "about", "into", "onto", "than",
        "then", "here", "now", "currently", "yet", "still", "get", "got", "see", "view", "know", "need", "want", "like", "let", "lets",
        "what", "whats", "which", "show", "list", "give", "display", "find", "tell", "plan", "plans", "milestone", "milestones", "action",
        "actions", "item", "items", "task", "tasks", "deliverable", "deliverables", "thing", "things", "ones", "one", "stuff", "work",
        "due", "date", "dates", "deadline", "deadlines", "when", "where", "why", "how", "are", "am", "im", "isnt", "arent", "wasnt",
        "dont", "doesnt", "didnt", "havent", "hasnt", "not", "no", "yes", "ok", "okay", "please", "quick", "quickly", "again", "more",
        "other", "others", "else", "expected", "supposed", "scheduled", "planned", "set", "meant", "being", "going", "look", "looking",
        "check", "checking", "anyone", "someone", "somebody", "anybody", "people", "person", "team", "teams", "department", "departments",
        "directorate", "directorates", "programme", "programmes", "program", "area", "areas", "workstream", "workstreams", "stream",
        "group", "groups", "section", "sections", "part", "sign", "oversee", "oversees", "overseen", "overseeing", "right", "currently", "today", "at", "moment", "present", "presently", "ccg", "project", "projects",
        "should", "ought", "because", "if", "whether", "really", "actually", "very", "much", "many", "lot", "lots", "few", "too",
        "both", "each", "either", "neither", "same", "own", "ones", "entries", "entry", "rows", "row", "record", "records", "report",
        "summary", "overview", "after", "before", "since", "until", "till", "up", "down", "out", "off", "over", "next", "last", "this",
        "week", "month", "quarter", "year", "days", "weeks", "months", "fy", "number", "no", "ref", "reference", "id",
        "objective", "objectives", "recommendation", "recommendations", "requirement", "requirements", "mate", "folks", "guys", "team",
        "board", "gb", "pmo", "chase", "chasing", "need", "needs", "needed", "supposed", "yet", "already", "far", "well", "good", "bad",
        "currently", "cheers", "ta", "asap", "please", "kindly", "whats", "wheres", "whens", "hows", "whos",
        "happen", "happened", "happens", "else", "coming", "come", "comes", "schedule", "scheduled", "term", "terms", "type", "kind",
        "sort", "mean", "means", "stand", "where", "whereabouts", "say", "said", "says", "marked", "flagged", "showing", "shown", "listed",
        "rated", "rating", "rag", "colour", "color", "status", "got", "gotten", "getting", "has", "having", "still", "yet",
        // Contractions, as typed without the apostrophe.
        "thats", "theres", "hes", "shes", "theyre", "youre", "weve", "whatre", "heres", "wont", "cant", "couldnt", "wouldnt",
        "shouldnt", "werent", "youve", "theyve", "lets", "whatve", "whore",
    };

    /// <summary>Ordinary words too common in titles to help pick one ("with", "from"), unlike "plan" or "board".</summary>
    public static IReadOnlySet<string> FunctionWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "with", "from", "about", "into", "onto", "than", "then", "there", "here", "this", "that", "these", "those", "have", "been",
        "being", "will", "would", "should", "could", "what", "which", "when", "where", "their", "them", "they", "some", "also",
        "just", "still", "very", "much", "many", "each", "both", "after", "before", "since", "until", "over", "more", "other",
    };

    /// <summary>Words after which a reference follows ("milestone 23", "action 2c", "no. 36").</summary>
    public static IReadOnlySet<string> RefLeaders { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "milestone", "milestones", "action", "actions", "item", "items", "no", "number", "ref", "reference", "task", "objective",
        "recommendation", "row", "line", "nos", "numbers", "refs",
    };

    /// <summary>Words that open a question about one milestone ("is the winter plan done?", "has #36 slipped?").</summary>
    public static IReadOnlySet<string> SingleOpeners { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "is", "has", "was", "did", "does", "will", "hows", "how", "whats", "what", "where", "tell", "when", "are", "have", "any",
    };

    public static IReadOnlySet<string> HelpWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "help", "hi", "hello", "hey", "hiya", "morning", "afternoon", "commands", "menu", "start", "?", "usage", "examples", "guide",
        "good morning", "good afternoon", "what can you do", "what do you do", "how do i use this", "how do i use you", "help me",
        "what can i ask", "what can i ask you", "how does this work", "who are you", "instructions", "options", "what can i ask about", "what do i ask", "how do i use it", "what can you tell me",
    };

    /// <summary>Words that name a grouping of milestones ("section 6", "workstream 2"): a number after one names the refs under it.</summary>
    public static IReadOnlySet<string> GroupingWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "section", "sections", "area", "areas", "workstream", "workstreams", "stream", "phase", "theme", "group", "part", "heading",
        "bucket", "epic", "domain", "priority", "chapter", "programme", "objective", "recommendation", "requirement", "headings",
        "buckets", "phases", "epics", "category", "categories", "themes",
    };

    /// <summary>Words that turn the status after them round ("not yet complete", "aren't blue", "hasn't been started").</summary>
    public static IReadOnlySet<string> Negators { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "not", "isnt", "arent", "hasnt", "havent", "wasnt", "werent", "never", "un",
    };

    /// <summary>Words allowed between a negator and the status it turns ("not yet fully complete").</summary>
    public static IReadOnlySet<string> NegationFillers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "yet", "been", "be", "fully", "quite", "all", "actually", "really", "got", "gotten", "even", "marked", "rated", "signed",
    };

    private static List<(string[] Words, Cue Cue)> Build(Dictionary<Cue, string[]> phrases) =>
        phrases.SelectMany(p => p.Value.Select(text => (Words: text.Split(' '), Cue: p.Key)))
            .OrderByDescending(p => p.Words.Length)
            .ToList();
}
