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

/// <summary>A field of a milestone a question can ask about being filled in ("no deadline", "a revised date", "no RAG").</summary>
public enum TrackerField
{
    DueDate,
    RevisedDate,
    Rag,
    Status,
    Owner,

    /// <summary>The grouping a milestone sits in ("no epic", "no section").</summary>
    Group,
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
        [Cue.Count] = ["how many", "number of", "no of", "nr of", "num of", "count of", "total number of", "count", "total", "how much", "number"],
        [Cue.Overdue] = ["overdue", "over due", "past due", "past their due date", "past the due date", "past deadline", "missed deadline",
            "past its due date", "past its deadline", "past their deadline", "past its finish date", "past their finish date",
            "past its end date", "past their end date", "past their date", "past its date", "past the date", "past date", "past their dates", "past its target date", "past their target date", "slipped past", "gone past",
            "missed deadlines", "missed", "miss", "misses", "behind schedule", "out of date", "expired", "past due date"],
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
            "still live", "still running", "still in play", "still to deliver", "have to deliver", "has to deliver", "need to deliver", "needs to deliver", "need to do", "needs to do",
            "need to finish", "need to complete"],
        [Cue.Red] = ["red", "rag red", "reds"],
        [Cue.Amber] = ["amber", "ambers", "yellow", "orange"],
        [Cue.Green] = ["green", "greens"],
        [Cue.Blue] = ["blue", "blues"],
        [Cue.CriticalPath] = ["critical path", "critical", "cp", "crit path", "critical pathway"],
        [Cue.Me] = ["me", "my", "mine", "i", "im", "ive", "myself"],
        [Cue.Owner] = ["who", "whos", "whose", "owner", "owners", "owns", "owned", "own", "ownership", "responsible", "accountable",
            "lead", "leads", "leading", "in charge", "deliver", "delivers", "delivering", "delivery owner", "accountable owner", "sro", "assigned", "assignee",
            "sit with", "sits with", "sitting with", "on the hook", "on the hook for", "picked up", "picking up", "pick up", "taken on", "took on"],
        [Cue.Status] = ["status", "progress", "update", "updates", "latest", "happening", "going", "doing", "news", "where are we",
            "how is", "hows", "tell me about", "what happened to", "what happened with", "whatever happened to", "what became of", "started", "begun", "kicked off", "looking", "where do we stand", "details", "detail", "info", "information", "state", "position", "how are", "what about"],
        [Cue.All] = ["all", "everything", "every", "whole", "entire", "full list", "list all", "any", "anything", "got on the list"],
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

    /// <summary>Everyday phrases for work in hand, longest first ("being worked on", "underway").</summary>
    public static IReadOnlyList<string[]> WorkInHand { get; } =
    [
        .. new[] { "being worked on", "been worked on", "worked on", "work in progress", "wip", "underway", "under way", "being progressed" }
            .Select(p => p.Split(' ')).OrderByDescending(p => p.Length),
    ];

    /// <summary>The statuses trackers write for work in hand, as phrases, in order of preference.</summary>
    public static IReadOnlyList<string> InProgressStatuses { get; } = ["in progress", "underway", "under way", "wip", "work in progress", "started", "working on it"];

    /// <summary>Verbs that, beside a due window, say when work is due ("forecast to land in November").</summary>
    public static IReadOnlySet<string> ArrivalVerbs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "land", "lands", "landing", "arrive", "arrives", "arriving", "conclude", "concludes",
    };

    /// <summary>Verbs that ask the bot to act rather than answer ("book", "cancel", "arrange"), when they open a request.</summary>
    public static IReadOnlySet<string> ActionVerbs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "book", "reserve", "cancel", "arrange", "organise", "organize", "order", "buy", "pay", "ring", "call", "phone", "invite",
        "delete", "remove", "create", "add", "rebook", "postpone", "reschedule", "translate", "play",
    };

    /// <summary>Polite openings before a request verb ("please book", "can you cancel", "could you please arrange").</summary>
    public static IReadOnlySet<string> RequestOpeners { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "please", "pls", "can", "could", "would", "will", "you", "u", "kindly", "go", "ahead", "and", "hey", "hi", "planbot", "bot",
    };

    /// <summary>Ordinary words that frame a question, whose slips are worth forgiving ("whcih mielstones").</summary>
    public static IReadOnlySet<string> FrameWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "what", "whats", "which", "when", "where", "show", "list", "give", "tell", "please", "thanks", "display", "find", "milestone",
        "milestones", "action", "actions", "item", "items", "task", "tasks", "deliverable", "deliverables", "tickets", "ticket", "issues",
        "issue", "stories", "story", "commitment", "commitments", "initiative", "initiatives", "things", "everything", "anything",
        "many", "have", "does", "still", "currently", "there", "this", "that", "these", "those", "they", "their", "about", "should",
        "would", "could", "number", "deadline", "deadlines", "dates", "status", "report", "programme", "program", "project", "projects",
        "team", "teams", "department", "directorate", "workstream", "section", "group", "month", "week", "quarter", "year",
        "schedule", "scheduled", "planned", "expected", "supposed", "finish", "target", "forecast", "tracker", "whats", "wheres", "hows",
    };

    /// <summary>Verbs of getting work done: after "I need to" they ask what the asker owes ("what do I need to deliver?").</summary>
    public static IReadOnlySet<string> DeliveryVerbs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "deliver", "do", "finish", "complete", "sort", "close", "get",
    };

    /// <summary>Words that carry nothing on their own. Other English words a plan does not use are not understood.</summary>
    public static IReadOnlySet<string> Ordinary { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "on", "at", "by", "with", "and", "or", "nor", "but", "is", "are", "was", "were", "be", "been", "being",
        "do", "does", "did", "has", "have", "had", "will", "would", "should", "shall", "can", "could", "may", "might", "must",
        "please", "pls", "plz", "thanks", "thank", "you", "u", "ya", "hey", "hello", "hi", "there", "some", "that", "this", "these", "those",
        "it", "its", "they", "them", "their", "theirs", "we", "our", "us", "as", "so", "just", "also", "about", "into", "onto", "than",
        "then", "here", "now", "currently", "yet", "still", "get", "got", "see", "view", "know", "need", "want", "like", "let", "lets",
        "what", "whats", "which", "show", "list", "give", "display", "find", "tell", "plan", "plans", "milestone", "milestones", "action",
        "actions", "item", "items", "task", "tasks", "deliverable", "deliverables", "commitment", "commitments", "initiative", "initiatives", "thing", "things", "ones", "one", "stuff", "work",
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
        // Framing that narrows nothing: "overall", "on my patch", "against my name", "as of now", "to date".
        "overall", "patch", "against", "name", "altogether", "generally", "broadly", "remit",
        // When within a window: "later this month", "earlier this week".
        "later", "earlier",
        // Chat shorthand: "how many r overdue", "what have u got", "wot's due".
        "r", "ur", "wot", "wots", "wat", "wats", "tho", "btw",
        // Ways of saying when something is due: "fall due in May", "finish in August", "forecast to finish", "sit under".
        "fall", "falls", "falling", "finish", "finishes", "finishing", "forecast", "forecasted", "target", "targeted", "end", "ends", "ending",
        "sit", "sits", "sitting", "sat", "run", "runs", "running", "out", "log", "tracker", "tickets", "ticket", "issues", "issue", "subitems",
        "subitem", "subtasks", "subtask", "line", "lines", "register", "component", "components", "label", "labels",
        // What trackers call their rows: Jira's stories and tickets ("tix"), boards' cards, logs' entries.
        "tix", "story", "stories", "card", "cards",
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

    /// <summary>Month names and their short forms, which after a due window only say it again ("Q1 (Apr-Jun)").</summary>
    public static IReadOnlySet<string> MonthNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august",
        "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "to",
    };

    /// <summary>Words a request for help may carry around its phrase ("what sort of things can I ask you about this log?").</summary>
    public static IReadOnlySet<string> HelpFillers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "sort", "sorts", "kind", "kinds", "type", "types", "of", "things", "thing", "stuff", "questions", "question", "about", "this", "the",
        "log", "tracker", "plan", "bot", "planbot", "please", "pls", "exactly", "actually", "here", "else", "other",
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

    /// <summary>Words that name the tracker itself after its name ("the winter plan", "the action log", "the KDM list").</summary>
    public static IReadOnlySet<string> PlanNouns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "plan", "plans", "log", "list", "tracker", "programme", "program", "project", "dashboard", "register", "sheet", "spreadsheet",
        "board", "workbook", "file",
    };

    /// <summary>Everyday words for any owner, which a tracker may also use to head one owner column ("Accountable officer").</summary>
    public static IReadOnlySet<string> GenericOwnerWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "accountable", "responsible", "lead", "leads", "owner", "owners", "assigned", "assignee", "owns", "owned",
    };

    /// <summary>"nobody", "no one", "unassigned": a milestone with no owner named.</summary>
    public static IReadOnlyList<string[]> Unowned { get; } =
    [
        .. new[] { "no one", "no body", "nobody", "noone", "unassigned", "unowned", "not assigned", "not allocated", "unallocated" }
            .Select(p => p.Split(' ')).OrderByDescending(p => p.Length),
    ];

    /// <summary>Words that may follow <see cref="Unowned"/> and say the same ("nobody assigned to it", "no one in charge").</summary>
    public static IReadOnlySet<string> OwnerWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "assigned", "allocated", "in", "to", "as", "named", "owning", "owns", "responsible", "against", "it", "them", "yet", "charge", "on",
    };

    /// <summary>What comes before a field a question asks about as missing ("no deadline", "don't have a target date").</summary>
    public static IReadOnlyList<string[]> FieldNegations { get; } =
    [
        .. new[]
        {
            "no", "without", "dont have", "doesnt have", "do not have", "does not have", "havent got", "hasnt got", "have not got",
            "has not got", "not got", "lack", "lacking", "lacks", "missing", "havent", "hasnt",
        }.Select(p => p.Split(' ')).OrderByDescending(p => p.Length),
    ];

    /// <summary>Words allowed between a negation and the field ("no RAG", "haven't got a RAG", "don't have a target date yet").</summary>
    public static IReadOnlySet<string> FieldFillers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "any", "got", "their", "its", "set", "been", "given", "yet", "the", "proper", "real", "named", "assigned", "allocated",
    };

    /// <summary>The fields, longest phrase first; any grouping word ("no epic") is a group.</summary>
    public static IReadOnlyList<(string[] Words, TrackerField Field)> Fields { get; } =
    [
        .. new (string Phrase, TrackerField Field)[]
        {
            ("revised due date", TrackerField.RevisedDate), ("revised target date", TrackerField.RevisedDate), ("revised end date", TrackerField.RevisedDate),
            ("revised date", TrackerField.RevisedDate), ("revised deadline", TrackerField.RevisedDate), ("new date", TrackerField.RevisedDate),
            ("new due date", TrackerField.RevisedDate), ("revision", TrackerField.RevisedDate),
            ("target date", TrackerField.DueDate), ("due date", TrackerField.DueDate), ("end date", TrackerField.DueDate),
            ("finish date", TrackerField.DueDate), ("completion date", TrackerField.DueDate), ("deadline", TrackerField.DueDate),
            ("deadlines", TrackerField.DueDate), ("date", TrackerField.DueDate), ("dates", TrackerField.DueDate), ("by when", TrackerField.DueDate),
            ("timescale", TrackerField.DueDate), ("timescales", TrackerField.DueDate), ("due", TrackerField.DueDate),
            ("rag rating", TrackerField.Rag), ("rag status", TrackerField.Rag), ("rag", TrackerField.Rag), ("rating", TrackerField.Rag),
            ("colour", TrackerField.Rag), ("color", TrackerField.Rag),
            ("status", TrackerField.Status),
            ("owner", TrackerField.Owner), ("owners", TrackerField.Owner), ("lead", TrackerField.Owner), ("assignee", TrackerField.Owner),
        }.Select(f => (f.Phrase.Split(' '), f.Field))
            .Concat(GroupingWords.Select(w => (new[] { w }, TrackerField.Group)))
            .Concat(GroupingWords.Select(w => (new[] { w, "link" }, TrackerField.Group)))
            .OrderByDescending(f => f.Item1.Length),
    ];

    /// <summary>A tracker's words for "no date", said after asking for milestones without one ("no date - TBC or ongoing").</summary>
    public static IReadOnlySet<string> NoDateWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "tbc", "tba", "tbd", "ongoing", "on", "going", "or", "and", "unknown", "undated", "set", "given", "yet",
    };

    /// <summary>Trend since the last report: +1 better, -1 worse, 0 the same.</summary>
    public static IReadOnlyList<(string[] Words, int Direction)> TrendPhrases { get; } =
    [
        .. new (string Phrase, int Direction)[]
        {
            ("improved", 1), ("improving", 1), ("got better", 1), ("getting better", 1), ("gone up", 1), ("going up", 1), ("moved up", 1),
            ("gone backwards", -1), ("going backwards", -1), ("gone backward", -1), ("backwards", -1), ("got worse", -1),
            ("getting worse", -1), ("worse", -1), ("worsened", -1), ("worsening", -1), ("deteriorated", -1), ("deteriorating", -1),
            ("declined", -1), ("declining", -1), ("gone down", -1), ("going down", -1),
            ("no change", 0), ("unchanged", 0), ("not changed", 0), ("stayed the same", 0), ("the same", 0),
        }.Select(p => (p.Phrase.Split(' '), p.Direction)).OrderByDescending(p => p.Item1.Length),
    ];

    private static List<(string[] Words, Cue Cue)> Build(Dictionary<Cue, string[]> phrases) =>
        phrases.SelectMany(p => p.Value.Select(text => (Words: text.Split(' '), Cue: p.Key)))
            .OrderByDescending(p => p.Words.Length)
            .ToList();
}
