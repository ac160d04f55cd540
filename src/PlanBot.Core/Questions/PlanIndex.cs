using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>Whether a team, department or programme: the columns a plan groups its milestones by.</summary>
public enum UnitKind
{
    Team,
    Department,
    Programme,

    /// <summary>
    /// A grouping the tracker keeps in a column of its own: a short requirement heading ("Workforce", "FYFV"), or a column
    /// whose header names a grouping ("PROJECT/ROLE", "Group to oversee action").
    /// </summary>
    Group,

    /// <summary>A status or RAG the tracker writes in its own words that PlanBot has no word for ("Reset Date", "Live").</summary>
    Status,
}

/// <summary>
/// An owner role as the tracker's column header names it ("COT Owner", "SRO (executive)", "Supporting officer"), with
/// the phrases a question may use for it: the whole header, without its bracket, and its first word when that is distinctive.
/// </summary>
public sealed record PlanRole(int Id, string Title, string Name, IReadOnlyList<string[]> Phrases)
{
    /// <summary>
    /// The header's distinctive words ("sponsor" in "Executive Sponsor"): used for nothing else in the plan and not an
    /// everyday owner word, so a slip or another ending of one ("sponsering", "sponsored") still names the role.
    /// </summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>The header as a sentence says it: "COT owner", "SRO (executive)", "supporting officer".</summary>
    public string InSentence => string.Join(' ', Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => w.Count(char.IsUpper) >= 2 ? w : w.ToLowerInvariant()));
}

/// <summary>A team (directorate code), department or programme named in the plan, and the milestones in it.</summary>
public sealed record PlanUnit(int Id, UnitKind Kind, string Name, string Phrase, string[] Words, int[] Members)
{
    /// <summary>
    /// For a department that is its directorate's (Finance in CFO): the directorate's other milestones, sorted. Answers
    /// list them apart, labelled, and never count them as the department's own.
    /// </summary>
    public int[] Directorate { get; init; } = [];

    /// <summary>The directorate's team code ("CFO") when <see cref="Directorate"/> has milestones.</summary>
    public string? DirectorateName { get; init; }
}

/// <summary>A person named as an owner anywhere in the plan, and the milestones they own in any role.</summary>
public sealed record PlanPerson(int Id, string Name, string[] Words, int[] Milestones)
{
    /// <summary>How the tracker writes this person when its key names them ("AO (CG)", "CN (TD)"); empty when written in full.</summary>
    public IReadOnlyList<string> WrittenAs { get; init; } = [];
}

/// <summary>
/// A plan arranged for answering questions: every word of every title, owner and unit looked up once, milestones in
/// due-date order. Built once per plan version (<see cref="Version"/>) and shared by all questions until the plan changes.
/// </summary>
public sealed class PlanIndex
{
    private readonly Dictionary<string, WordUse> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> _wordsByLength = [];
    private readonly Dictionary<string, int> _refs = new(StringComparer.Ordinal);
    private readonly string _allTitles;
    private string _allUnitNames = "";
    private readonly Lazy<Dictionary<string, int[]>> _acronyms;
    private readonly Lazy<Dictionary<string, int[]>> _joinedPairs;
    private readonly Lazy<Dictionary<string, List<string>>> _stems;
    private readonly Lazy<Dictionary<string, List<PlanPerson>>> _abbreviatedPeople;
    private readonly Lazy<PlanVocabulary> _vocabulary;
    // Owner roles by the tracker's header as written → as a phrase; the milestones naming each role, and each person in it.
    private readonly Dictionary<string, string> _roleKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<int>> _roleMilestones = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Role, string Person), SortedSet<int>> _rolePersonMilestones = [];
    private const int MinAcronym = 3;
    private const int MaxAcronym = 6;

    private static readonly string[] Endings = ["ment", "ments", "ing", "ed", "ion", "ions", "ation", "s", "es"];

    public PlanIndex(Plan plan, string version, UnitSynonyms? synonyms = null)
    {
        Plan = plan;
        Version = version;
        Milestones = plan.Milestones;
        for (var i = 0; i < Milestones.Count; i++)
        {
            _refs[Milestones[i].Ref.Key] = i;
            foreach (var word in QuestionText.Phrase(Milestones[i].Title).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
                Use(word).Titles.Add(i);
        }
        // Every title as words, one per line, framed by spaces so a phrase matches whole words only.
        _allTitles = string.Join('\n', Milestones.Select(m => " " + QuestionText.Phrase(m.Title) + " "));
        DueOrder = Enumerable.Range(0, Milestones.Count)
            .OrderBy(i => Milestones[i].EffectiveDue ?? DateOnly.MaxValue)
            .ThenBy(i => Milestones[i].Ref)
            .ToArray();
        DuePosition = new int[Milestones.Count];
        for (var p = 0; p < DueOrder.Length; p++) DuePosition[DueOrder[p]] = p;

        _acronyms = new Lazy<Dictionary<string, int[]>>(BuildAcronyms);
        _joinedPairs = new Lazy<Dictionary<string, int[]>>(BuildJoinedPairs);
        _stems = new Lazy<Dictionary<string, List<string>>>(BuildStems);
        _abbreviatedPeople = new Lazy<Dictionary<string, List<PlanPerson>>>(BuildAbbreviatedPeople);
        _vocabulary = new Lazy<PlanVocabulary>(() => new PlanVocabulary(plan));
        TrackerRates = Milestones.Any(m => m.Rag is Rag.Red or Rag.Amber or Rag.Green);
        TrackerCloses = Milestones.Any(m => m.Status == MilestoneStatus.Closed);
        People = BuildPeople();
        Units = BuildUnits(synonyms ?? UnitSynonyms.Default);
        Roles = BuildRoles();
    }

    public Plan Plan { get; }
    public string Version { get; }
    public IReadOnlyList<Milestone> Milestones { get; }

    /// <summary>Milestone positions sorted by effective due date (undated last), then reference.</summary>
    public int[] DueOrder { get; }

    /// <summary>Each milestone's place in <see cref="DueOrder"/>, to sort a subset without comparing dates again.</summary>
    public int[] DuePosition { get; }

    public IReadOnlyList<PlanPerson> People { get; }
    public IReadOnlyList<PlanUnit> Units { get; }

    /// <summary>Whether the tracker rates any milestone red, amber or green itself (see <see cref="MilestoneFilter.TrackerRates"/>).</summary>
    public bool TrackerRates { get; }

    /// <summary>Whether the tracker closes anything itself ("Closed", cancelled, withdrawn): then "closed" asks for those rows.</summary>
    public bool TrackerCloses { get; }

    /// <summary>The owner roles the tracker's columns name, read from each owner's <see cref="Owner.RoleTitle"/>.</summary>
    public IReadOnlyList<PlanRole> Roles { get; }

    /// <summary>The tracker's own status words, name and trend marks, read on first use.</summary>
    public PlanVocabulary Vocabulary => _vocabulary.Value;

    /// <summary>Milestones where <paramref name="person"/> is named in one of <paramref name="roles"/>, sorted.</summary>
    public int[] MilestonesOf(PlanPerson person, IReadOnlyCollection<PlanRole> roles)
    {
        var phrase = string.Join(' ', person.Words);
        var found = new SortedSet<int>();
        foreach (var role in roles)
            if (_rolePersonMilestones.TryGetValue((role.Title, phrase), out var milestones)) found.UnionWith(milestones);
        return [.. found];
    }

    /// <summary>Whether <paramref name="owner"/> is named in one of <paramref name="roles"/> (the column their name sits in).</summary>
    public bool Holds(Owner owner, IEnumerable<PlanRole> roles) =>
        _roleKeys.TryGetValue(owner.RoleTitle, out var key) && roles.Any(r => r.Title == key);

    /// <summary>Milestones that name somebody in one of <paramref name="roles"/>, sorted.</summary>
    public int[] MilestonesWithRole(IReadOnlyCollection<PlanRole> roles)
    {
        var found = new SortedSet<int>();
        foreach (var role in roles)
            if (_roleMilestones.TryGetValue(role.Title, out var milestones)) found.UnionWith(milestones);
        return [.. found];
    }

    /// <summary>
    /// People whose name starts with an abbreviation ("HoE (MS)", "ID (AM)") spelt by the initials of the words typed
    /// ("head of estates", "interim director").
    /// </summary>
    public IReadOnlyList<PlanPerson> PeopleWithInitials(string initials) =>
        initials.Length >= 2 && _abbreviatedPeople.Value.TryGetValue(initials, out var people) ? people : [];

    private Dictionary<string, List<PlanPerson>> BuildAbbreviatedPeople() =>
        People.SelectMany(p => p.WrittenAs.Append(p.Name).Where(IsAbbreviation).Select(n => (Key: QuestionText.Phrase(n).Split(' ')[0], Person: p)))
            .Where(e => e.Key.Length > 0).DistinctBy(e => (e.Key, e.Person.Id)).GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Person).ToList(), StringComparer.Ordinal);

    private static bool IsAbbreviation(string name)
    {
        var first = name.TrimStart().Split(' ', '(')[0];
        return first.Length >= 2 && first.Count(char.IsUpper) >= 2;
    }

    private static readonly Dictionary<string, string[]> RoleWordShortForms = new(StringComparer.Ordinal)
    {
        ["executive"] = ["exec"], ["director"] = ["dir"], ["manager"] = ["mgr"], ["responsible"] = ["resp"], ["accountable"] = ["acc"],
        ["operational"] = ["op", "ops"], ["operations"] = ["op", "ops"], ["programme"] = ["prog"], ["project"] = ["proj"],
        ["senior"] = ["snr"], ["clinical"] = ["clin"], ["officer"] = ["off"], ["sponsor"] = ["spons"],
    };

    private List<PlanRole> BuildRoles()
    {
        var roles = new List<PlanRole>();
        foreach (var (original, title) in _roleKeys.Where(r => r.Value.Length > 0).DistinctBy(r => r.Value).OrderBy(r => r.Value, StringComparer.Ordinal))
        {
            var phrases = new List<string[]> { title.Split(' ') };
            var unbracketed = QuestionText.NamePhrase(original);
            if (unbracketed.Length > 0 && unbracketed != title) phrases.Add(unbracketed.Split(' '));
            // "exec sponsor" for "Executive Sponsor", "dir of finance" for "Director of Finance": the header in its usual short forms.
            // "op lead" for "Operational Lead" too: each word's short forms, one word at a time.
            foreach (var phrase in phrases.ToList())
                for (var w = 0; w < phrase.Length; w++)
                    if (RoleWordShortForms.TryGetValue(phrase[w], out var shortForms))
                        foreach (var shortForm in shortForms)
                        {
                            var shortened = (string[])phrase.Clone();
                            shortened[w] = shortForm;
                            phrases.Add(shortened);
                            if (phrase.Any(RoleWordShortForms.ContainsKey))
                                phrases.Add([.. shortened.Select(x => RoleWordShortForms.TryGetValue(x, out var s) ? s[0] : x)]);
                        }
            // "the milestone owners on TP-13": a header of two words or more in the plural.
            foreach (var phrase in phrases.ToList())
                if (phrase.Length > 1 && !phrase[^1].EndsWith('s')) phrases.Add([.. phrase[..^1], phrase[^1] + "s"]);
            // "COT" for "COT Owner", "supporting" for "Supporting officer", "sponsor" for "Executive Sponsor": a word of the header
            // alone, first or last, when the plan uses it for nothing else.
            var headerWords = title.Split(' ');
            var first = headerWords[0];
            if (!QuestionVocabulary.Ordinary.Contains(first) && first is not ("owner" or "lead" or "officer") && IsUnusedWord(first))
                phrases.Add([first]);
            var distinctive = headerWords.Where(IsDistinctiveRoleWord).ToList();
            if (distinctive.Contains(headerWords[^1])) phrases.Add([headerWords[^1]]);
            roles.Add(new PlanRole(roles.Count, title, original.Trim(), phrases.DistinctBy(p => string.Join(' ', p)).OrderByDescending(p => p.Length).ToList())
            {
                Words = [.. distinctive.Where(w => w.Length >= 5)],
            });
        }
        return roles;
    }

    private bool IsDistinctiveRoleWord(string word) =>
        word.Length > 0 && char.IsLetter(word[0]) && !QuestionVocabulary.Ordinary.Contains(word) && !QuestionVocabulary.GenericOwnerWords.Contains(word)
        && word is not ("officer" or "director" or "manager" or "of" or "and" or "the") && IsUnusedWord(word);

    private bool IsUnusedWord(string word) =>
        !_words.TryGetValue(word, out var use) || (use.Units.Count == 0 && use.People.Count == 0 && use.Titles.Count == 0);

    /// <summary>References under a grouping number: "6" → 6.1, 6.2 …; "2" → 2a, 2b …; none when the plan has no such refs.</summary>
    public List<int> RefsUnder(string number)
    {
        var found = new List<int>();
        if (number.Length == 0 || !number.All(char.IsDigit)) return found;
        for (var i = 0; i < Milestones.Count; i++)
        {
            var value = Milestones[i].Ref.Value;
            if (value.Length > number.Length && value.StartsWith(number, StringComparison.Ordinal) && !char.IsDigit(value[number.Length]))
                found.Add(i);
        }
        return found;
    }

    /// <summary>
    /// A word without its common ending ("prevention", "preventative" → "prevent"; "appointment", "appointed" → "appoint"),
    /// when five letters or more are left: the same word, differently made.
    /// </summary>
    public static string Stem(string word)
    {
        foreach (var ending in StemEndings)
            if (word.Length - ending.Length >= 5 && word.EndsWith(ending, StringComparison.Ordinal)) return WithoutSilentE(Undoubled(word[..^ending.Length]));
        return WithoutSilentE(word);
    }

    /// <summary>"update" and "updating", "manage" and "management": a verb's silent final e is not part of its stem.</summary>
    private static string WithoutSilentE(string stem) =>
        stem.Length >= 6 && stem[^1] == 'e' && !"aeiou".Contains(stem[^2]) ? stem[..^1] : stem;

    /// <summary>"submitt" (submitting, submitted) → "submit"; "submiss" (submission) → "submit", as admit/admission, commit/commission.</summary>
    private static string Undoubled(string stem)
    {
        if (stem.EndsWith("miss", StringComparison.Ordinal)) return stem[..^2] + "t";
        var last = stem[^1];
        return stem.Length > 5 && stem[^2] == last && last is not ('s' or 'l' or 'f' or 'z') && !"aeiou".Contains(last) ? stem[..^1] : stem;
    }

    // "integrate", "integrating", "integration" share "integr".
    private static readonly string[] StemEndings = ["ative", "ation", "ations", "ating", "ated", "ates", "ate", "ments", "ment", "ions", "ion", "ing", "ive", "ed", "es", "s"];

    public int? FindRef(string text) =>
        MilestoneRef.TryParse(text, out var reference) && _refs.TryGetValue(reference.Key, out var index) ? index : null;

    /// <summary>
    /// Milestones whose titles spell <paramref name="acronym"/> (three to five letters) with the first letters of
    /// consecutive words ("eol": End Of Life). Looked up in an index built on first use, so hostile text full of short
    /// words costs a dictionary read per word, not a scan of every title.
    /// </summary>
    /// <param name="twoLetters">Whether two initials will do ("MH" typed in capitals); otherwise three at least.</param>
    public IReadOnlyCollection<int> TitlesWithInitials(string acronym, bool twoLetters = false)
    {
        if (acronym.Length < (twoLetters ? 2 : MinAcronym) || acronym.Length > MaxAcronym) return [];
        var found = _acronyms.Value.TryGetValue(acronym, out var exact) ? exact : [];
        // "SFIs", "RCVs": an acronym's plural is the same initials, as well as any title whose initials end in s.
        if (acronym.Length <= (twoLetters ? 2 : MinAcronym) || acronym[^1] != 's' || !_acronyms.Value.TryGetValue(acronym[..^1], out var plural)) return found;
        return found.Length == 0 ? plural : [.. found.Union(plural).Order()];
    }

    /// <summary>
    /// Milestones whose titles write <paramref name="joined"/> as two words or with a hyphen ("rollout" for "roll-out",
    /// "roll out"); empty when none do.
    /// </summary>
    public IReadOnlyCollection<int> TitlesWithJoined(string joined) =>
        joined.Length >= 6 && _joinedPairs.Value.TryGetValue(joined, out var found) ? found : [];

    /// <summary>Whether some title writes <paramref name="joined"/> as one word ("rollout" when "roll out" is typed).</summary>
    public bool TitlesHaveWord(string joined) => _words.TryGetValue(joined, out var use) && use.Titles.Count > 0;

    private Dictionary<string, int[]> BuildJoinedPairs()
    {
        var pairs = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < Milestones.Count; i++)
        {
            var words = QuestionText.Phrase(Milestones[i].Title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var k = 0; k + 1 < words.Length; k++)
            {
                if (!words[k].All(char.IsLetter) || !words[k + 1].All(char.IsLetter)) continue;
                var key = words[k] + words[k + 1];
                if (!pairs.TryGetValue(key, out var list)) pairs[key] = list = [];
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        return pairs.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The plan's word that <paramref name="typed"/> is cut from, when the plan writes it before <paramref name="next"/>
    /// in a title or a grouping's name ("reg" before "18": "Regulation 18"); null when none, or more than one, fits.
    /// </summary>
    public string? ExpandShortened(string typed, string next)
    {
        if (typed.Length < 3 || !typed.All(char.IsLetter) || next.Length == 0) return null;
        string? found = null;
        foreach (var known in _words.Keys)
        {
            if (known.Length < typed.Length + 3 || !known.StartsWith(typed, StringComparison.Ordinal)) continue;
            var phrase = " " + known + " " + next + " ";
            if (!_allTitles.Contains(phrase, StringComparison.Ordinal) && !_allUnitNames.Contains(phrase, StringComparison.Ordinal)) continue;
            if (found is not null && found != known) return null;
            found = known;
        }
        return found;
    }

    private Dictionary<string, int[]> BuildAcronyms()
    {
        var acronyms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < Milestones.Count; i++)
        {
            // "SHELAA" for "Strategic Housing & Economic Land Availability Assessment": an ampersand has no initial. "EPMA" for
            // "Electronic Prescribing and Medicines Administration": nor, in some acronyms, do the little words.
            var titleWords = QuestionText.Phrase(Milestones[i].Title).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "&").ToList();
            foreach (var initials in (string[])[string.Concat(titleWords.Select(w => w[0])),
                string.Concat(titleWords.Where(w => w is not ("and" or "of" or "the" or "for" or "to" or "in" or "on" or "a")).Select(w => w[0]))])
                for (var start = 0; start < initials.Length; start++)
                    for (var length = 2; length <= MaxAcronym && start + length <= initials.Length; length++)
                    {
                        var key = initials.Substring(start, length);
                        if (!key.All(char.IsLetter)) continue;
                        if (!acronyms.TryGetValue(key, out var list)) acronyms[key] = list = [];
                        if (list.Count == 0 || list[^1] != i) list.Add(i);
                    }
        }
        return acronyms.ToDictionary(a => a.Key, a => a.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Whether some title has these words together ("stage 3").</summary>
    public bool TitlesContain(string phrase) => _allTitles.Contains(" " + phrase + " ", StringComparison.Ordinal);

    /// <summary>Whether some grouping's name has these words together ("regulation 19").</summary>
    public bool UnitNamesContain(string phrase) => _allUnitNames.Contains(" " + phrase + " ", StringComparison.Ordinal);

    /// <summary>Known words equal to <paramref name="typed"/>, or failing that, close to it or starting with it.</summary>
    public IReadOnlyList<WordMatch> Match(string typed)
    {
        if (_words.TryGetValue(typed, out var exact))
        {
            // With the exact word, its plural or singular ("structure", "structures") where the plan has both.
            var found = new List<WordMatch> { new(typed, true, exact) };
            foreach (var variant in (string[])[typed + "s", typed + "es", typed.EndsWith('s') ? typed[..^1] : "", typed.EndsWith("es", StringComparison.Ordinal) ? typed[..^2] : ""])
                if (variant.Length > 0 && _words.TryGetValue(variant, out var use)) found.Add(new WordMatch(variant, false, use));
            AddSameStem(typed, found);
            return found;
        }
        var allowed = FuzzyText.AllowedEdits(typed.Length);
        var close = new List<WordMatch>();
        for (var length = Math.Max(1, typed.Length - allowed); length <= typed.Length + allowed; length++)
        {
            if (!_wordsByLength.TryGetValue(length, out var candidates)) continue;
            foreach (var known in candidates)
                if (FuzzyText.Distance(typed, known, Math.Min(allowed, FuzzyText.AllowedEdits(known.Length))) is not null)
                    close.Add(new WordMatch(known, false, _words[known]));
        }
        // "recruitment" for Recruit, "delayed" for delay: a known word of five letters or more plus a common ending.
        foreach (var ending in Endings)
            if (typed.Length - ending.Length >= 5 && typed.EndsWith(ending, StringComparison.Ordinal)
                && _words.TryGetValue(typed[..^ending.Length], out var stemUse))
                close.Add(new WordMatch(typed[..^ending.Length], false, stemUse));
        AddSameStem(typed, close);
        // "transform" for Transformation, "fin" is too short to mean anything.
        if (typed.Length >= 4)
            foreach (var (known, use) in _words)
                if (known.Length > typed.Length + allowed && known.StartsWith(typed, StringComparison.Ordinal))
                    close.Add(new WordMatch(known, false, use));
        return close;
    }

    /// <summary>"prevention" for Preventative, "appointment" for Appointed: known words made from the same stem.</summary>
    private void AddSameStem(string typed, List<WordMatch> found)
    {
        var stem = Stem(typed);
        if (stem.Length < 5 || stem == typed || !_stems.Value.TryGetValue(stem, out var known)) return;
        foreach (var word in known)
            if (word != typed && !found.Any(c => c.Word == word))
                found.Add(new WordMatch(word, false, _words[word]));
    }

    // Built on first use, after every title, owner and unit word is known.
    private Dictionary<string, List<string>> BuildStems()
    {
        var stems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in _words.Keys)
        {
            var stem = Stem(word);
            if (stem.Length < 5) continue;
            if (!stems.TryGetValue(stem, out var list)) stems[stem] = list = [];
            list.Add(word);
        }
        return stems;
    }

    private WordUse Use(string word)
    {
        if (!_words.TryGetValue(word, out var use))
        {
            _words[word] = use = new WordUse();
            if (!_wordsByLength.TryGetValue(word.Length, out var list)) _wordsByLength[word.Length] = list = [];
            list.Add(word);
        }
        return use;
    }

    private List<PlanPerson> BuildPeople()
    {
        var byName = new Dictionary<string, (string Name, SortedSet<int> Milestones)>(StringComparer.Ordinal);
        var writtenAs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Two spellings of one person ("sam.okafor@…", "Sam Okafor") are one person to ask about (OwnerIdentity).
        var samePerson = OwnerIdentity.SamePerson(Milestones.SelectMany(m => m.Owners).Select(o => o.Name));
        for (var i = 0; i < Milestones.Count; i++)
            foreach (var owner in Milestones[i].Owners)
            {
                // An owner the tracker's key names ("AO (CG)" → Cathy Gritzner) is that person, asked about by either name.
                var name = owner.Person ?? samePerson[owner.Name] ?? owner.Name;
                var phrase = QuestionText.Phrase(OwnerIdentity.MatchText(name));
                if (phrase.Length == 0) continue;
                if (!byName.TryGetValue(phrase, out var entry)) byName[phrase] = entry = (name, []);
                entry.Milestones.Add(i);
                if (owner.Person is not null) OwnerKeyPeople.AddWritten(writtenAs, phrase, owner.Name);
                if (!_roleKeys.TryGetValue(owner.RoleTitle, out var role)) _roleKeys[owner.RoleTitle] = role = QuestionText.Phrase(owner.RoleTitle);
                if (role.Length == 0) continue;
                if (!_roleMilestones.TryGetValue(role, out var inRole)) _roleMilestones[role] = inRole = [];
                inRole.Add(i);
                if (!_rolePersonMilestones.TryGetValue((role, phrase), out var personInRole)) _rolePersonMilestones[(role, phrase)] = personInRole = [];
                personInRole.Add(i);
            }
        var people = new List<PlanPerson>();
        foreach (var (phrase, (name, milestones)) in byName.OrderBy(p => p.Value.Name, StringComparer.OrdinalIgnoreCase))
        {
            var person = new PlanPerson(people.Count, name, phrase.Split(' '), [.. milestones]) { WrittenAs = writtenAs.GetValueOrDefault(phrase) ?? [] };
            people.Add(person);
            foreach (var word in OwnerKeyPeople.Words(person)) Use(word).People.Add(person.Id);
        }
        return people;
    }

    private List<PlanUnit> BuildUnits(UnitSynonyms synonyms)
    {
        var members = new Dictionary<(UnitKind, string), (string Name, List<int> Milestones)>();
        void Add(UnitKind kind, string? name, int milestone)
        {
            if (string.IsNullOrWhiteSpace(name)) return;
            var phrase = MilestoneArea.Key(name);
            if (phrase.Length == 0) return;
            if (!members.TryGetValue((kind, phrase), out var entry)) members[(kind, phrase)] = entry = (name.Trim(), []);
            entry.Milestones.Add(milestone);
        }
        // "IT: Shared Care Record", "Estates: Closure of HQ": a label several titles start with groups them.
        var labels = Milestones.Select(m => TitleLabel(m.Title)).ToArray();
        var sharedLabels = labels.OfType<string>().GroupBy(MilestoneArea.Key).Where(g => g.Count() >= 2).Select(g => g.Key).ToHashSet();
        for (var i = 0; i < Milestones.Count; i++)
        {
            if (labels[i] is { } label && sharedLabels.Contains(MilestoneArea.Key(label))) Add(UnitKind.Group, label, i);
            // "CFO (AD)" is the CFO's directorate: the code before any bracket names the team.
            Add(UnitKind.Team, MilestoneArea.TeamCode(Milestones[i].Team), i);
            Add(UnitKind.Department, Milestones[i].Department, i);
            Add(UnitKind.Programme, Milestones[i].Programme, i);
            if (IsShortGroupName(Milestones[i].Requirement)) Add(UnitKind.Group, Milestones[i].Requirement, i);
            foreach (var (header, value) in Milestones[i].OtherFields)
                if (NamesAGrouping(header) && IsShortGroupName(value)) Add(UnitKind.Group, value, i);
            // "what's going to March GB": the committee that signs it off groups milestones too.
            if (IsShortGroupName(Milestones[i].CommitteeSignOff)) Add(UnitKind.Group, Milestones[i].CommitteeSignOff, i);
            foreach (var words in (string[])[Milestones[i].StatusText, Milestones[i].RagText])
                if (IsStatusWords(words)) Add(UnitKind.Status, words, i);
        }

        var units = members
            .Select((entry, id) => new PlanUnit(id, entry.Key.Item1, entry.Value.Name, entry.Key.Item2, entry.Key.Item2.Split(' '), [.. entry.Value.Milestones]))
            .ToList();
        // A department keeps its own milestones; the rest of its directorate is kept apart so answers can label it.
        var related = RelatedUnits(units);
        for (var u = 0; u < units.Count; u++)
        {
            if (related[u].Count == 0) continue;
            var rest = new SortedSet<int>();
            foreach (var other in related[u]) rest.UnionWith(units[other].Members);
            rest.ExceptWith(units[u].Members);
            if (rest.Count > 0)
                units[u] = units[u] with { Directorate = [.. rest], DirectorateName = string.Join(" / ", related[u].Select(o => units[o].Name)) };
        }
        _allUnitNames = string.Join('\n', units.Select(u => " " + u.Phrase + " "));
        foreach (var unit in units)
        {
            foreach (var word in unit.Words.Distinct())
                Use(word).Units.Add(unit.Id);
            // "STP" for Sustainability and Transformation Plan: a name of three words or more also answers to its initials.
            var significant = unit.Words.Where(w => !QuestionVocabulary.FunctionWords.Contains(w) && w is not ("and" or "of" or "the" or "for" or "&")).ToList();
            if (significant.Count >= 3 && significant.All(w => char.IsLetter(w[0])))
            {
                var initials = string.Concat(significant.Select(w => w[0]));
                // Titles may write the initials too ("UEC winter plan" in Urgent & Emergency Care); a person's name may not.
                if (!_words.TryGetValue(initials, out var known)) Use(initials).Units.Add(unit.Id);
                else if (known.People.Count == 0) known.Units.Add(unit.Id);
                // "MH acute care pathway" for Mental Health Acute Care Pathway: its first two words said by their initials.
                var leading = string.Concat(significant.Take(2).Select(w => w[0]));
                if (!QuestionVocabulary.Ordinary.Contains(leading) && (!_words.TryGetValue(leading, out var pair) || (pair.People.Count == 0 && pair.Titles.Count == 0)))
                    Use(leading).Units.Add(unit.Id);
            }
        }
        // Synonyms the plan does not use still lead to the units they stand for ("finance" in a plan that only says CFO);
        // a label the titles start with answers to its own words ("digital" is not every "IT:" title).
        foreach (var unit in units.Where(u => u.Kind != UnitKind.Group || !sharedLabels.Contains(u.Phrase)))
            foreach (var synonym in synonyms.RelatedTo(unit.Phrase).Where(s => !s.Contains(' ')))
                Use(synonym).SynonymUnits.Add(unit.Id);
        return units;
    }

    /// <summary>
    /// Departments and team codes that name the same directorate, read from the plan itself: a department whose
    /// milestones mostly sit with one team, when that team's milestones mostly sit in that department
    /// (Finance ↔ CFO). Ties relate nothing. Synonyms only stand in for words the plan does not use (see
    /// <see cref="WordUse.SynonymUnits"/>): the plan's own data wins.
    /// </summary>
    private List<List<int>> RelatedUnits(List<PlanUnit> units)
    {
        var related = units.Select(_ => new List<int>()).ToList();
        var teamOf = new int[Milestones.Count];
        var departmentOf = new int[Milestones.Count];
        Array.Fill(teamOf, -1);
        Array.Fill(departmentOf, -1);
        foreach (var unit in units)
            foreach (var m in unit.Members)
                if (unit.Kind == UnitKind.Team) teamOf[m] = unit.Id;
                else if (unit.Kind == UnitKind.Department) departmentOf[m] = unit.Id;

        int? Dominant(PlanUnit unit, int[] otherOf)
        {
            var counts = unit.Members.Where(m => otherOf[m] >= 0).GroupBy(m => otherOf[m]).Select(g => (Unit: g.Key, Count: g.Count()))
                .OrderByDescending(g => g.Count).Take(2).ToList();
            return counts.Count == 0 || (counts.Count == 2 && counts[0].Count == counts[1].Count) ? null : counts[0].Unit;
        }

        foreach (var department in units.Where(u => u.Kind == UnitKind.Department))
            if (Dominant(department, teamOf) is { } team && Dominant(units[team], departmentOf) == department.Id)
                related[department.Id].Add(team);

        return related;
    }

    /// <summary>The label a title starts with ("IT" in "IT: Develop Digital Road Map"): up to three words before a colon.</summary>
    private static string? TitleLabel(string title)
    {
        var colon = title.IndexOf(':');
        if (colon <= 0) return null;
        var label = title[..colon].Trim();
        return label.Length > 0 && label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && label.Any(char.IsLetter) ? label : null;
    }

    // Longer cells are sentences (a recommendation's wording, an evidence note), not names a question would use.
    private static bool IsShortGroupName(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 60 && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 7;

    // A status cell of up to three words that is not a date ("Reset Date", "Live", "Working on it"); longer cells are progress notes.
    private static bool IsStatusWords(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 20 && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3
        && !value.Any(char.IsDigit);

    private static readonly string[] GroupingHeaderWords =
        ["group", "project", "programme", "program", "workstream", "stream", "bucket", "phase", "section", "epic", "theme", "board", "category",
            "component", "priority"];

    /// <summary>A column whose header names a grouping ("PROJECT/ROLE", "Group to oversee action", "Bucket", "Epic").</summary>
    private static bool NamesAGrouping(string header) =>
        QuestionText.Phrase(header).Split(' ').Any(w => GroupingHeaderWords.Contains(w) || (w.EndsWith('s') && GroupingHeaderWords.Contains(w[..^1])));
}

/// <summary>Where a known word is used: in milestone titles, owner names, unit names, or as a synonym for units.</summary>
public sealed class WordUse
{
    public List<int> Titles { get; } = [];
    public List<int> People { get; } = [];
    public List<int> Units { get; } = [];
    public List<int> SynonymUnits { get; } = [];
}

/// <summary>A known word a typed word matched, and whether exactly.</summary>
public readonly record struct WordMatch(string Word, bool Exact, WordUse Use);
