using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Core.Dates;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// Reads a plain-English question against one plan. Deterministic and explainable: the due window is read first, then
/// references, then PlanBot's own phrases (<see cref="QuestionVocabulary"/>), and what is left is looked up among the
/// plan's people, teams and titles — exact words before typos. A word that is none of these is reported, not guessed.
/// </summary>
public static partial class QuestionReader
{
    // Teams shows at most six buttons on a card.
    private const int MaxChoices = 6;

    // Real questions run to a dozen words or so; a wall of text is not read word by word against the plan.
    private const int MaxWords = 40;

    /// <param name="asker">The asking user's display name, for "me/my/I"; null when unknown.</param>
    public static QuestionReading Read(string? question, PlanIndex index, DateOnly today, string? asker = null)
    {
        if (string.IsNullOrWhiteSpace(question)) return QuestionReading.NotUnderstood();
        if (TryReadCommand(question) is { } command) return command;
        var text = QuestionText.Normalise(question);
        var words = QuestionText.Words(text);
        if (words.Count == 0) return QuestionReading.NotUnderstood();
        if (words.Count > MaxWords)
            return QuestionReading.NotUnderstood($"That is {words.Count} words; ask one short question at a time.");
        if (IsRequestToAct(words))
            return QuestionReading.NotUnderstood("I answer questions about the plan; I can't book, arrange or change anything.");
        // "Sue Graham here - what's overdue on my patch?": the name the asker gives stands for "me" in this question.
        if (SelfIntroduction.Find(text, words, index) is { } introduced)
        {
            asker = introduced.Name;
            text = text[introduced.QuestionStart..];
            words = QuestionText.Words(text);
        }
        return new Reading(question, text, words, index, today, asker).Run();
    }

    /// <summary>Help and "use plan …": what can be answered before choosing a plan; null for anything else.</summary>
    public static QuestionReading? TryReadCommand(string question)
    {
        if (question.Trim() == "?") return new QuestionReading { Kind = QuestionKind.Help };
        var words = QuestionText.Words(QuestionText.Normalise(question));
        if (words.Count == 0) return null;
        var phrase = string.Join(' ', words.Select(w => w.Text));
        if (IsHelp(words)) return new QuestionReading { Kind = QuestionKind.Help };
        if (UsePlan().Match(phrase) is { Success: true } use)
            return new QuestionReading { Kind = QuestionKind.UsePlan, PlanId = use.Groups["id"].Value.Replace(' ', '-') };
        return null;
    }

    /// <summary>
    /// "help", "what can u do", "help - what can I ask you?", "how do I use this bot?": chat spelling ("u") read as the word,
    /// and the bot named at the end ("this bot", "planbot") left out before the help phrases are compared.
    /// </summary>
    private static bool IsHelp(List<Word> words)
    {
        var texts = words.Select(w => w.Text == "u" ? "you" : w.Text).ToList();
        if (texts[0] == "help" && texts.Count <= 8) return true;
        // "help - what kind of questions can I ask you?": "help" said first, then the question about help.
        if (texts[0] == "help") texts.RemoveAt(0);
        // "what sort of things can I ask you about this log?" is "what can I ask you".
        if (texts.Count > 3 && texts.Contains("ask"))
        {
            var plain = texts.Where(t => !QuestionVocabulary.HelpFillers.Contains(t)).ToList();
            if (plain.Count >= 2 && QuestionVocabulary.HelpWords.Contains(string.Join(' ', plain))) return true;
        }
        while (texts.Count > 1 && texts[^1] is "bot" or "planbot" or "please" or "pls") texts.RemoveAt(texts.Count - 1);
        if (texts.Count > 1 && texts[^1] == "this" && words.Count > texts.Count) texts.RemoveAt(texts.Count - 1);
        var phrase = string.Join(' ', texts);
        return QuestionVocabulary.HelpWords.Contains(phrase) || QuestionVocabulary.HelpWords.Contains(phrase + " this");
    }

    /// <summary>
    /// "book theatre 3 for next Tuesday", "please cancel the meeting", "can you arrange a call": an instruction to do
    /// something, which a bot that reads a plan cannot; its other words are not read against the plan, or a room or a day
    /// in it would be answered as a question about milestones.
    /// </summary>
    private static bool IsRequestToAct(List<Word> words)
    {
        var i = 0;
        while (i < words.Count && QuestionVocabulary.RequestOpeners.Contains(words[i].Text)) i++;
        return i < words.Count && i + 1 < words.Count && QuestionVocabulary.ActionVerbs.Contains(words[i].Text);
    }

    /// <summary>The state of one question while it is read; each word ends up consumed, a cue, a content word or unknown.</summary>
    private sealed class Reading(string original, string text, List<Word> words, PlanIndex index, DateOnly today, string? asker)
    {
        private readonly bool[] _consumed = new bool[words.Count];
        private readonly HashSet<Cue> _cues = [];
        private readonly List<int> _refs = [];
        private readonly List<string> _missingRefs = [];
        private readonly List<int> _content = [];
        private readonly List<string> _softTitleWords = [];
        private readonly List<string> _unknown = [];
        private readonly List<string> _guessed = [];
        private readonly HashSet<int> _afterInside = [];
        private readonly HashSet<int> _titleOnly = [];
        private DueWindow? _window;
        private readonly HashSet<PlanRole> _roles = [];
        private readonly HashSet<PlanRole> _missingRoles = [];
        private readonly HashSet<PlanRole> _answerRoles = [];
        private readonly List<PlanPerson> _initialPeople = [];
        private readonly List<string> _statusPhrases = [];
        private string? _groupLabel;
        private readonly List<MilestoneSet> _sets = [];
        private readonly List<MilestoneSet> _statusSets = [];
        private string? _cannotAnswer;

        public QuestionReading Run()
        {
            ReadWindow();
            // Columns beyond owner, status and due date, before references take "0" in "0-day tasks" for a milestone.
            var columns = ColumnQuestionReader.Read(original, words, _consumed, index, today, _window);
            _sets.AddRange(columns.Sets);
            if (columns.TookWindow) _window = null;
            // "tell me about #36" asks for its status; other "tell me"s are just politeness.
            for (var i = 0; i + 2 < words.Count; i++)
                if (At(i, ["tell", "me", "about"]) || At(i, ["update", "me", "on"]))
                {
                    _cues.Add(Cue.Status);
                    _consumed[i] = _consumed[i + 1] = _consumed[i + 2] = true;
                }
            ConsumeNotAboutMe();
            ReadWhereAt();
            ReadArrivalVerbs();
            ReadReferences();
            ReadPlanName();
            ReadFieldQuestions();
            ReadRoles();
            ReadBothRoles();
            ReadRatingInstructions();
            ReadRatingLetters();
            ReadWorkInHand();
            ReadTrackerStatuses();
            ReadTrend();
            ReadNegations();
            ReadPastDelivery();
            ReadFullNames();
            ReadPeopleByInitials();
            ClassifyWords();

            if (_cannotAnswer is not null) return Unanswerable(_cannotAnswer);
            if (_missingRefs.Count > 0 && _refs.Count == 0)
                return Unanswerable($"There is no milestone {string.Join(", ", _missingRefs.Select(r => "#" + r))} in {AnswerFormat.PlanLabel(index)}.");

            // "what's the weather like at the town hall tomorrow": when a day is all that was understood and two words or more
            // were only near ordinary words, the question is about something else.
            if (_guessed.Count >= 2 && OnlyAWindowUnderstood())
                return QuestionReading.NotUnderstood();

            var entities = ResolveContent();
            if (entities.Choice is { } choice) return choice;
            var wantsOne = _cues.Contains(Cue.Owner) || _cues.Contains(Cue.Status) || IsYesNoQuestion();
            var people = entities.People.Concat(_initialPeople).ToList();
            entities = entities with { People = people };
            if (_unknown.Count > 0)
            {
                // "who's on 6.3 - the SUHFT workforce one?": one reference, and the other words are about its title or unknown.
                if (_refs.Count == 1 && wantsOne && !_cues.Contains(Cue.Count) && _unknown.Count <= 2 && AboutItsTitle(_refs[0]))
                    return Single(_refs[0]);
                // "tell me about the eclipse live rollout": one word the plan lacks is forgiven when the rest name one milestone,
                // since the answer states which milestone it is about.
                if (_unknown.Count == 1 && _refs.Count == 0 && wantsOne && _content.Count >= 2 && entities.People.Count == 0
                    && FindByTitle() is { Kind: QuestionKind.Owner or QuestionKind.Status } forgiven)
                    return forgiven;
                // "status of the EPMA rollout on adult wards?": two words the plan lacks, when more than two others name one milestone.
                if (_unknown.Count == 2 && _refs.Count == 0 && wantsOne && _content.Count(i => !_unknown.Contains(words[i].Text)) >= 2 && entities.People.Count == 0
                    && FindByTitle() is { Kind: QuestionKind.Owner or QuestionKind.Status } forgivenTwo)
                    return forgivenTwo;
                // "has the STP been submitted": the same when a grouping the tracker names holds just one milestone.
                if (_unknown.Count == 1 && _refs.Count == 0 && wantsOne && entities.Units.Count > 0 && OnlyMilestone(entities) is { } grouped)
                    return Single(grouped);
                return UnknownWords();
            }
            if (_refs.Count == 1 && !_cues.Contains(Cue.Count) && _groupLabel is null)
                return Single(_refs[0]);
            // "who owns the winter plan" is about a milestone even when an owner is called Winter; "what does Winter own" is not.
            var titleBeforePerson = words.Any(w => w.Text is "who" or "whos" or "whose") || _cues.Contains(Cue.Status) || IsYesNoQuestion();
            // "status of the PCBC": a grouping of one milestone named whole is that milestone, before a title that only mentions it.
            if (_refs.Count == 0 && wantsOne && !_cues.Contains(Cue.Count) && !_cues.Contains(Cue.All) && entities.People.Count == 0
                && entities.Titles.Count == 0 && entities.Units.Count > 0 && entities.Units.All(u => u.Units.Any(x => x.Phrase == u.Typed))
                && OnlyMilestone(entities) is { } wholeGroup)
                return Single(wholeGroup);
            if (_refs.Count == 0 && wantsOne && !_cues.Contains(Cue.Count) && !_cues.Contains(Cue.All) && _content.Count > 0
                && (entities.People.Count == 0 || titleBeforePerson) && FindByTitle() is { } titled)
                return titled;
            // "who's the assignee for the booking API / PAS integration": three words or more that one title holds, some of them
            // only inflected ("integration" for "Integrate"), are that milestone even where a grouping is named by one of them;
            // so are two when one is only ever a title word ("how's the PAS integration I'm doing looking?").
            if (_refs.Count == 0 && wantsOne && !_cues.Contains(Cue.Count) && !_cues.Contains(Cue.All) && (_content.Count >= 3 || (_content.Count == 2 && _content.Any(OnlyInTitles)))
                && entities.People.Count == 0 && FindByTitle(strict: false) is { Kind: QuestionKind.Owner or QuestionKind.Status } inflected)
                return inflected;
            // "status of the PCBC project": a grouping the tracker names that holds one milestone is that milestone.
            if (_refs.Count == 0 && wantsOne && !_cues.Contains(Cue.Count) && !_cues.Contains(Cue.All) && entities.Units.Count > 0
                && OnlyMilestone(entities) is { } only)
                return Single(only);
            // "who owns the go-live comms plan action": title words and a name that together fit one milestone are that milestone.
            if (_refs.Count == 0 && wantsOne && titleBeforePerson && !_cues.Contains(Cue.Count) && !_cues.Contains(Cue.All)
                && entities.Titles.Count > 0 && entities.People.Count > 0 && OnlyMilestone(entities) is { } named)
                return Single(named);

            return List(entities);
        }

        private void ReadWindow()
        {
            if (DueWindowReader.TryRead(text, today, out var window, out var found))
            {
                var (start, length) = found.GetOffsetAndLength(text.Length);
                // "for Jan Thomas" names a person, not January.
                var last = words.FindLastIndex(w => w.Start < start + length);
                if (last >= 0 && last + 1 < words.Count && IsPersonName(words[last].Text, words[last + 1].Text)) return;
                // "worse since last month" compares with the last report; it is not a due window.
                var first = words.FindIndex(w => w.End > start);
                if (first > 0 && words[first - 1].Text == "since") return;
                _window = window;
                for (var i = 0; i < words.Count; i++)
                    if (words[i].Start < start + length && words[i].End > start) _consumed[i] = true;
                var next = last + 1;
                // "Q1 of the new financial year": the quarter of the year named after it.
                if (FinancialYearAfter(next) is { } year && DueWindowReader.TryRead(
                        string.Concat(text.AsSpan(start, length), " ", FinancialYear.Label(year.StartYear)), today, out var inYear, out _))
                {
                    _window = inYear;
                    Consume(next, next + year.Words);
                    next += year.Words;
                }
                next = ReadMonthsYear(first, last, next);
                next = ReadSecondMonth(next);
                // "Q1 (Apr-Jun)", "next couple of months (to 7 June)": the window said again in other words.
                while (next < words.Count && next <= last + 5 && !_consumed[next]
                    && (QuestionVocabulary.MonthNames.Contains(words[next].Text) || words[next].Text is "until" or "till" || IsDayBesideMonth(next)))
                    _consumed[next++] = true;
            }
        }

        /// <summary>"feb 18", "in March 21": a month followed by a two-digit year within three of today's is that month of that year.</summary>
        private int ReadMonthsYear(int first, int last, int next)
        {
            if (first < 0 || last < 0 || next >= words.Count || _consumed[next] || words[first].Text is not ("in" or "due" or "during" or "for")
                || !QuestionVocabulary.MonthNames.Contains(words[last].Text) || words[last].Text == "to"
                || words[next].Text.Length != 2 || !int.TryParse(words[next].Text, out var shortYear) || Math.Abs(2000 + shortYear - today.Year) > 3)
                return next;
            if (!DueWindowReader.TryRead($"in {words[last].Text} {2000 + shortYear}", today, out var withYear, out _)) return next;
            _window = withYear;
            _consumed[next] = true;
            return next + 1;
        }

        /// <summary>"in November and December": two months joined are the stretch from the first one's start to the second one's end.</summary>
        private int ReadSecondMonth(int next)
        {
            if (next == 0 || next >= words.Count || !IsMonth(words[next - 1].Text) || _window is not { From: { } from } window) return next;
            // "November and December", "Nov to Dec", "Nov/Dec".
            var at = words[next].Text is "and" or "or" or "to" or "through" or "thru" or "until" or "till" ? next + 1 : next;
            if (at >= words.Count || _consumed[at] || !IsMonth(words[at].Text)
                || !DueWindowReader.TryRead("in " + words[at].Text, today, out var second, out _) || second.From is not { } secondFrom)
                return next;
            var start = from < secondFrom ? from : secondFrom;
            var end = window.To > second.To ? window.To : second.To;
            _window = new DueWindow(start, end, $"due between {start.ToString("d MMM", CultureInfo.InvariantCulture)} and {end.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}");
            Consume(next, at + 1);
            return at + 1;
        }

        private static bool IsMonth(string word) => word != "to" && QuestionVocabulary.MonthNames.Contains(word);

        /// <summary>A day of the month written beside a month's name ("7 June", "June 7").</summary>
        private bool IsDayBesideMonth(int i) =>
            words[i].Text.Length <= 2 && int.TryParse(words[i].Text, out var day) && day is >= 1 and <= 31
            && ((i + 1 < words.Count && QuestionVocabulary.MonthNames.Contains(words[i + 1].Text) && words[i + 1].Text != "to")
                || (i > 0 && QuestionVocabulary.MonthNames.Contains(words[i - 1].Text) && words[i - 1].Text != "to"));

        /// <summary>"of the new financial year", "this financial year", "next fiscal year": the year's start and how many words say it.</summary>
        private (int StartYear, int Words)? FinancialYearAfter(int at)
        {
            var i = at;
            if (i < words.Count && words[i].Text is "of" or "in") i++;
            if (i < words.Count && words[i].Text == "the") i++;
            if (i + 2 >= words.Count) return null;
            var offset = words[i].Text switch { "new" or "next" or "coming" => 1, "this" or "current" => 0, "last" or "previous" => -1, _ => (int?)null };
            if (offset is null || words[i + 1].Text is not ("financial" or "fiscal") || words[i + 2].Text != "year") return null;
            return (FinancialYear.StartYearOf(today) + offset.Value, i + 3 - at);
        }

        private bool IsPersonName(string first, string second) =>
            index.People.Any(p => p.Words.Length >= 2 && p.Words[0] == first && p.Words[1] == second);

        /// <summary>
        /// "show me", "can I see", "I need": the asker is not the subject. "what do I need to deliver", "what do I need to do"
        /// is: the work the asker owes, so "I need to" before a verb of delivering is left for the status words.
        /// </summary>
        private void ConsumeNotAboutMe()
        {
            for (var i = 0; i < words.Count; i++)
                foreach (var p in QuestionVocabulary.NotAboutMe)
                {
                    if (!At(i, p)) continue;
                    var after = i + p.Length;
                    if (p[^1] is "need" or "want" && after + 1 < words.Count && words[after].Text == "to"
                        && QuestionVocabulary.DeliveryVerbs.Contains(words[after + 1].Text))
                        break;
                    for (var k = 0; k < p.Length; k++) _consumed[i + k] = true;
                    break;
                }
        }

        private bool At(int i, string[] phrase)
        {
            if (i + phrase.Length > words.Count) return false;
            for (var k = 0; k < phrase.Length; k++)
                if (_consumed[i + k] || words[i + k].Text != phrase[k]) return false;
            return true;
        }

        /// <summary>
        /// Owner roles as the tracker's headers name them ("COT owner", "SRO", "supporting"): they ask about owners, and
        /// with a person, about what that person holds in that role. "no delivery owner" asks for milestones without one.
        /// </summary>
        private void ReadRoles()
        {
            if (index.Roles.Count == 0) return;
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i]) continue;
                foreach (var role in index.Roles)
                {
                    var phrase = role.Phrases.FirstOrDefault(p => At(i, p));
                    // "sponsering", "sponsors": a distinctive role word with a slip or another ending.
                    if (phrase is null && role.Words.Count > 0 && !IsVocabulary(words[i].Text) && !index.Match(words[i].Text).Any(m => m.Exact)
                        && role.Words.FirstOrDefault(w => IsRoleWordInflected(words[i].Text, w)) is { } near)
                        phrase = [near];
                    // "who's delivering milestone 3" for a "Delivery Owner" column: the verb of the header's first word.
                    if (phrase is null && words[i].Text.EndsWith("ing", StringComparison.Ordinal)
                        && IsRoleWordInflected(words[i].Text, role.Title.Split(' ')[0]))
                        phrase = [words[i].Text];
                    if (phrase is null) continue;
                    for (var k = 0; k < phrase.Length; k++) _consumed[i + k] = true;
                    if (NegatedBefore(i) is { } negation)
                    {
                        Consume(negation, i);
                        _missingRoles.Add(role);
                    }
                    else
                    {
                        _roles.Add(role);
                        _cues.Add(Cue.Owner);
                        // "who's the SRO for ERP-04" names the role; "who's accountable" is any owner, whatever the header says.
                        // A column headed just "Owner" beside others ("Exec Lead") is named by "the owner".
                        if (!(phrase.Length == 1 && QuestionVocabulary.GenericOwnerWords.Contains(phrase[0]))
                            || (phrase[0] == role.Title && index.Roles.Count > 1))
                            _answerRoles.Add(role);
                    }
                    break;
                }
            }
        }

        /// <summary>
        /// "who owns 6 - person and SRO?", "lead and sponsor": an everyday owner word joined to a role the tracker names asks for
        /// both, so every owner is answered rather than that role alone.
        /// </summary>
        private void ReadBothRoles()
        {
            if (_answerRoles.Count != 1) return;
            var role = _answerRoles.First();
            for (var i = 1; i + 1 < words.Count; i++)
            {
                if (words[i].Text is not ("and" or "plus")) continue;
                var (left, right) = (words[i - 1].Text, words[i + 1].Text);
                if ((IsEverydayOwnerWord(left) && role.Phrases.Any(p => p.Contains(right)))
                    || (IsEverydayOwnerWord(right) && role.Phrases.Any(p => p.Contains(left))))
                {
                    _answerRoles.Clear();
                    return;
                }
            }
        }

        private static bool IsEverydayOwnerWord(string word) =>
            word is "person" or "people" or "owner" or "owners" or "lead" or "leads" || QuestionVocabulary.GenericOwnerWords.Contains(word);

        /// <summary>
        /// Where a negation of having starts before word <paramref name="at"/> ("no", "without a", "don't have a", "no named"),
        /// over the words that may stand between; null when there is none.
        /// </summary>
        private int? NegatedBefore(int at)
        {
            var j = at;
            while (j > 0 && !_consumed[j - 1] && QuestionVocabulary.FieldFillers.Contains(words[j - 1].Text)) j--;
            foreach (var negation in QuestionVocabulary.FieldNegations)
            {
                var start = j - negation.Length;
                if (start >= 0 && At(start, negation)) return start;
            }
            return null;
        }

        /// <summary>
        /// "sponsering" or "sponsored" for a Sponsor column: a word of five letters or more whose stem is the role word's,
        /// or one slip from it. Shorter role words ("lead", "sro") are matched only as written.
        /// </summary>
        private static bool IsRoleWordInflected(string typed, string roleWord)
        {
            if (roleWord.Length < 5 || typed.Length < 5 || typed[0] != roleWord[0] || typed == roleWord) return false;
            var stem = PlanIndex.Stem(typed);
            var roleStem = PlanIndex.Stem(roleWord);
            if (stem == roleStem) return true;
            return FuzzyText.Distance(stem, roleStem, 1) is not null && FuzzyText.Distance(stem, roleStem, 1) <= 1 && stem.Length >= 6;
        }

        /// <summary>"not yet complete", "aren't blue yet", "hasn't been started": the status after a negation, turned round.</summary>
        private void ReadNegations()
        {
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (_consumed[i] || !QuestionVocabulary.Negators.Contains(words[i].Text)) continue;
                var j = i + 1;
                while (j < words.Count && !_consumed[j] && QuestionVocabulary.NegationFillers.Contains(words[j].Text)) j++;
                if (j >= words.Count || _consumed[j]) continue;
                var (phraseWords, cue) = QuestionVocabulary.Phrases.FirstOrDefault(p => At(j, p.Words));
                if (phraseWords is null) continue;
                Cue? turned = cue switch
                {
                    Cue.Finished or Cue.Blue => Cue.Open,
                    Cue.Open => Cue.Finished,
                    Cue.Status when phraseWords[0] is "started" or "begun" or "kicked" => Cue.NotStarted,
                    _ => null,
                };
                if (turned is not { } opposite) continue;
                for (var k = i; k < j + phraseWords.Length; k++) _consumed[k] = true;
                _cues.Add(opposite);
            }
        }

        /// <summary>"what did the CFO deliver in May": a past "did … deliver" asks what was delivered, not who delivers.</summary>
        private void ReadPastDelivery()
        {
            var did = words.FindIndex(w => w.Text == "did");
            if (did < 0) return;
            for (var i = did + 1; i < words.Count; i++)
                if (!_consumed[i] && words[i].Text is "deliver" or "complete" or "finish" or "achieve" or "close")
                {
                    _consumed[i] = true;
                    _cues.Add(Cue.Finished);
                }
        }

        /// <summary>
        /// Owners whose names are phrases with ordinary words in them ("Director of Adult Services", "Head of Estates"):
        /// the whole name, as written, is that owner, not a choice among everyone called "director".
        /// </summary>
        private void ReadFullNames()
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i]) continue;
                var person = index.People
                    .Where(p => p.Words.Length >= 3 && p.Words.Any(QuestionVocabulary.Ordinary.Contains) && At(i, p.Words))
                    .MaxBy(p => p.Words.Length);
                if (person is null) continue;
                Consume(i, i + person.Words.Length);
                _initialPeople.Add(person);
            }
        }

        /// <summary>
        /// Instructions about ratings inside a question: "count red/amber as red", "treat A/G as amber", "include the A/G one".
        /// A split rating already counts as its worse colour, and the colour the instruction names is asked for; the
        /// instruction's words are read as such, not as the plan's.
        /// </summary>
        private void ReadRatingInstructions()
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i]) continue;
                if (words[i].Text is "count" or "counting" or "treat" or "treating")
                {
                    var asAt = Enumerable.Range(i + 2, Math.Max(0, Math.Min(4, words.Count - i - 3))).FirstOrDefault(k => words[k].Text == "as" && !_consumed[k]);
                    if (asAt == 0 || asAt + 1 >= words.Count || ColourCue(words[asAt + 1].Text) is not { } colour) continue;
                    if (!Enumerable.Range(i + 1, asAt - i - 1).All(k => ColourCue(words[k].Text) is not null || IsRatingWritten(words[k].Text))) continue;
                    Consume(i, asAt + 2);
                    _cues.Add(colour);
                    continue;
                }
                if (words[i].Text is "include" or "including" or "incl" or "plus")
                {
                    var j = i + 1;
                    while (j < words.Count && words[j].Text is "the" or "any" or "those" or "that") j++;
                    var end = j;
                    while (end < words.Count && end < j + 3 && (ColourCue(words[end].Text) is not null || IsRatingWritten(words[end].Text))) end++;
                    if (end == j) continue;
                    while (end < words.Count && words[end].Text is "one" or "ones" or "too" or "rated" or "rating" or "ratings") end++;
                    Consume(i, end);
                }
            }
        }

        /// <summary>"RAG rated R", "rated A", "rag G": a rating written as its letter after a word for rating.</summary>
        private void ReadRatingLetters()
        {
            for (var i = 0; i < words.Count; i++)
            {
                // "rated R", "RAG status G", "rated as A?", "a RAG of R": "a" after "as" or "of" only at the end, where it is no article.
                var linked = i > 0 && words[i - 1].Text is "of" or "as" && (words[i].Text != "a" || i == words.Count - 1);
                var b = linked ? i - 2 : i - 1;
                var before = b >= 0 ? words[b].Text : "";
                var rated = before is "rated" or "rag" or "rating" or "rate" || (before == "status" && b > 0 && words[b - 1].Text == "rag");
                // "R rated", "G-rated": the letter first, where "a" would be the article.
                var ratedAfter = i + 1 < words.Count && words[i + 1].Text is "rated" or "rag" && words[i].Text != "a";
                if (_consumed[i] || !(rated || ratedAfter)) continue;
                Cue? colour = words[i].Text switch { "r" => Cue.Red, "a" => Cue.Amber, "g" => Cue.Green, "b" => Cue.Blue, _ => null };
                if (colour is not { } letter) continue;
                _consumed[i] = true;
                _cues.Add(letter);
            }
        }

        private static Cue? ColourCue(string word) =>
            QuestionVocabulary.Phrases.FirstOrDefault(p => p.Words.Length == 1 && p.Words[0] == word && p.Cue is Cue.Red or Cue.Amber or Cue.Green or Cue.Blue) is { Words: not null } found
                ? found.Cue : null;

        /// <summary>A word of a rating the tracker writes ("a", "g" of "A/G"; "r" of "R/A").</summary>
        private bool IsRatingWritten(string word) =>
            index.Units.Any(u => u.Kind == UnitKind.Status && u.Words.Contains(word) && index.Milestones[u.Members[0]].RagText.Length > 0
                && QuestionText.Phrase(index.Milestones[u.Members[0]].RagText).Split(' ').Contains(word));

        /// <summary>
        /// Owners the tracker writes as abbreviations ("HoE (MS)", "ID (AM)"), asked for in full words: "head of estates",
        /// "interim director". Only a name that is one abbreviated owner is taken.
        /// </summary>
        private void ReadPeopleByInitials()
        {
            for (var i = 0; i < words.Count; i++)
                for (var length = Math.Min(4, words.Count - i); length >= 2; length--)
                {
                    var span = Enumerable.Range(i, length).ToList();
                    if (span.Any(k => _consumed[k] || !char.IsLetter(words[k].Text[0]))) continue;
                    var first = words[i].Text;
                    var last = words[i + length - 1].Text;
                    if (IsVocabulary(first) || IsVocabulary(last)) continue;
                    if (OwnerKeyPeople.IsAName(index, span.Select(k => words[k].Text))) continue; // "Carl Nash" is no "CN (RB)"
                    var initials = string.Concat(span.Select(k => words[k].Text[0]));
                    // "deputy CFO" for "DCFO (KL)": the words' initials, the last word an abbreviation already.
                    var led = string.Concat(span.SkipLast(1).Select(k => words[k].Text[0])) + last;
                    if ((index.PeopleWithInitials(initials) is [var byInitials] ? byInitials
                        : last.Length is >= 2 and <= 4 && index.PeopleWithInitials(led) is [var byLead] ? byLead : null) is not { } person) continue;
                    foreach (var k in span) _consumed[k] = true;
                    _initialPeople.Add(person);
                    break;
                }
        }

        private static bool IsVocabulary(string word) =>
            QuestionVocabulary.Ordinary.Contains(word) || QuestionVocabulary.Phrases.Any(p => p.Words.Contains(word));

        private int? OnlyMilestone(Entities entities)
        {
            IEnumerable<int> found = Enumerable.Range(0, index.Milestones.Count);
            foreach (var unit in entities.Units) found = found.Intersect(unit.Members);
            foreach (var person in entities.People) found = found.Intersect(person.Milestones);
            foreach (var title in entities.Titles) found = found.Intersect(title.Milestones);
            return found.Take(2).ToList() is [var one] ? one : null;
        }

        private void ReadReferences()
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i]) continue;
                var word = words[i].Text;
                var hashed = word.StartsWith('#');
                var bare = word.TrimStart('#');
                var led = i > 0 && QuestionVocabulary.RefLeaders.Contains(words[i - 1].Text);
                if (TryLetterLedRef(i, bare)) continue;
                if (!MilestoneRef.TryParse(bare, out var reference) || !char.IsDigit(bare[0])) continue;
                // "overdue in section 6": the number of a grouping names the references under it (6.1, 6.2 … or 2a, 2b …).
                if (!hashed && i > 0 && QuestionVocabulary.GroupingWords.Contains(words[i - 1].Text) && index.FindRef(bare) is null
                    && index.RefsUnder(bare) is { Count: > 0 } under)
                {
                    _refs.AddRange(under);
                    _groupLabel = words[i - 1].Text + " " + bare;
                    _consumed[i] = _consumed[i - 1] = true;
                    continue;
                }
                // "stage 3 modelling": a number that a title writes after the word before it is part of the title.
                if (!hashed && !led && i > 0 && index.TitlesContain(words[i - 1].Text + " " + bare))
                {
                    // ... and so is that word, unless a grouping writes the two together too: "stage" there is no grouping called Stage II.
                    if (!index.UnitNamesContain(words[i - 1].Text + " " + bare)) _titleOnly.Add(i - 1);
                    continue;
                }
                // "the 4 hour standard": likewise a number a title writes before the next word.
                if (!hashed && !led && i + 1 < words.Count && index.TitlesContain(bare + " " + words[i + 1].Text)) continue;
                if (index.FindRef(bare) is { } found)
                {
                    _refs.Add(found);
                    _consumed[i] = true;
                    if (led) _consumed[i - 1] = true;
                }
                else if (hashed || led)
                {
                    _missingRefs.Add(reference.Value);
                    _consumed[i] = true;
                }
            }
        }

        /// <summary>
        /// A reference that starts with letters ("HR-01", "W1.1", "hr01") counts only when the plan has it, so words such
        /// as "q4" stay words. The hyphen in "HR-01" reaches here as a space, so "hr" + "01" is tried as one reference.
        /// </summary>
        private bool TryLetterLedRef(int i, string bare)
        {
            if (bare.Length == 0 || !char.IsLetter(bare[0])) return false;
            if (index.FindRef(bare) is { } found)
            {
                _refs.Add(found);
                _consumed[i] = true;
                return true;
            }
            var next = i + 1;
            if (next >= words.Count || _consumed[next] || !words[next].IsNumber || words[next].Start - words[i].End != 1
                || !bare.All(char.IsLetter))
                return false;
            if (index.FindRef(bare + "-" + words[next].Text) is not { } joined) return false;
            _refs.Add(joined);
            _consumed[i] = true;
            _consumed[next] = true;
            return true;
        }

        private void ClassifyWords()
        {
            // "IT" in capitals is the department, not the pronoun.
            var itIsAName = ItInCapitals().IsMatch(original);
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i]) continue;
                var cue = QuestionVocabulary.Phrases.FirstOrDefault(p => At(i, p.Words) && !(itIsAName && p.Words is ["it"]));
                // "the whole plan viability assessment": a word of scope that a title writes with the word after it is the title's.
                if (cue.Words is [var scope] && cue.Cue == Cue.All && i + 1 < words.Count && index.TitlesContain(scope + " " + words[i + 1].Text))
                    cue = default;
                if (cue.Words is not null)
                {
                    _statusPhrases.Add(string.Join(' ', cue.Words));
                    for (var k = 0; k < cue.Words.Length; k++) _consumed[i + k] = true;
                    if (cue.Cue == Cue.Inside) _afterInside.Add(i + cue.Words.Length);
                    else _cues.Add(cue.Cue);
                    continue;
                }

                var word = words[i].Text;
                if (word.StartsWith('#')) word = word.TrimStart('#');
                _consumed[i] = true;
                if (word.Length == 0) continue;
                // "roll out" for a title's "rollout": two words typed for the one the titles write.
                if (i + 1 < words.Count && !_consumed[i + 1] && word.All(char.IsLetter) && words[i + 1].Text.All(char.IsLetter)
                    && !index.Match(word).Any(m => m.Exact) && index.TitlesHaveWord(word + words[i + 1].Text))
                {
                    word = word + words[i + 1].Text;
                    words[i] = words[i] with { Text = word };
                    _consumed[i + 1] = true;
                }
                var matches = index.Match(word);
                // "Dir. Gov's actions": a possessive the plan does not spell that way is the name it was made from.
                if (!matches.Any(m => m.Exact) && word.Length > 2 && word[^1] == 's' && index.Match(word[..^1]) is { } stem && stem.Any(m => m.Exact && (m.Use.People.Count > 0 || m.Use.Units.Count > 0)))
                {
                    word = word[..^1];
                    words[i] = words[i] with { Text = word };
                    matches = stem;
                }
                if (QuestionVocabulary.Ordinary.Contains(word) && !(itIsAName && word == "it"))
                {
                    if (word.Length >= 4 && !QuestionVocabulary.FunctionWords.Contains(word) && matches.Any(m => m.Exact && m.Use.Titles.Count > 0))
                        _softTitleWords.Add(word);
                    continue;
                }
                // "the workforce heading", "Finance bucket": a grouping word after a name the plan uses says what kind of name it is.
                if (QuestionVocabulary.GroupingWords.Contains(word) && i > 0 && _content.Contains(i - 1)) continue;
                if (matches.Any(m => m.Exact))
                {
                    _content.Add(i);
                    continue;
                }
                if (word.Length >= 5 && FuzzyCue(word) is { } fuzzyCue)
                {
                    _cues.Add(fuzzyCue);
                    continue;
                }
                if (matches.Count > 0)
                {
                    _content.Add(i);
                    continue;
                }
                if (word.Length >= 4 && QuestionVocabulary.Ordinary.Where(o => o.Length >= 4 && FuzzyText.IsCloseTo(word, o)).ToList() is { Count: > 0 } near)
                {
                    // "whcih", "mielstones": a slip in a word that frames a question; "weather" is only near "whether".
                    if (!near.Any(QuestionVocabulary.FrameWords.Contains)) _guessed.Add(word);
                    continue;
                }
                // "rollout" for a title's "roll-out": one word typed for two the titles write together.
                if (index.TitlesWithInitials(word).Count > 0 || TitlesWithCapitalInitials(word).Count > 0 || index.TitlesWithJoined(word).Count > 0)
                {
                    _content.Add(i);
                    continue;
                }
                // "reg 18 consultation": a word cut short before a number the plan writes after the whole word ("Regulation 18").
                if (i + 1 < words.Count && index.ExpandShortened(word, words[i + 1].Text) is { } whole)
                {
                    words[i] = words[i] with { Text = whole };
                    _content.Add(i);
                    continue;
                }
                if (PlanTitleWords.NameThePlan(index, word)) continue; // "stocktake actions", "red on health": the tracker's words for itself
                if (StatusQuestion.IsClosingWord(word))
                {
                    _cues.Add(Cue.Finished);
                    _statusPhrases.Add(word);
                    continue;
                }
                _unknown.Add(word);
            }
        }

        /// <summary>
        /// A mistyped keyword ("overdeu", "compelte"). Stricter than names: the first letter must be right and only one
        /// slip is allowed below nine letters, or ordinary words turn into filters ("heading" is two slips from "pending").
        /// </summary>
        private static Cue? FuzzyCue(string word)
        {
            foreach (var (phraseWords, cue) in QuestionVocabulary.Phrases)
            {
                if (phraseWords.Length != 1 || cue == Cue.Inside) continue;
                var keyword = phraseWords[0];
                if (keyword.Length < 5 || keyword[0] != word[0]) continue;
                var allowed = Math.Min(word.Length, keyword.Length) >= 9 ? 2 : 1;
                if (FuzzyText.Distance(word, keyword, allowed) is not null) return cue;
            }
            return null;
        }

        private sealed record Entities(List<PlanPerson> People, List<UnitMatch> Units, List<TitleWord> Titles, QuestionReading? Choice);

        /// <summary>
        /// Splits runs of adjacent content words into people ("sue graham"), units ("primary care") and title words,
        /// longest match first. A name that fits several people asks back; a unit phrase that fits several units means all of them.
        /// </summary>
        private Entities ResolveContent()
        {
            var people = new List<PlanPerson>();
            var units = new List<UnitMatch>();
            var titles = new List<TitleWord>();
            var position = 0;
            while (position < _content.Count)
            {
                var run = 1;
                while (position + run < _content.Count && _content[position + run] == _content[position + run - 1] + 1) run++;
                var runWords = _content.Skip(position).Take(run).ToList();
                var s = 0;
                while (s < runWords.Count)
                {
                    var matched = false;
                    for (var length = Math.Min(4, runWords.Count - s); length >= 1 && !matched; length--)
                    {
                        var span = runWords.Skip(s).Take(length).ToList();
                        if (span.Any(_titleOnly.Contains)) continue;
                        var spanWords = span.Select(i => words[i].Text.TrimStart('#')).ToList();
                        var (personIds, personExact) = Intersect(spanWords, u => u.People);
                        // The plan's own unit names come first; a synonym only speaks for a word the plan does not use as a unit.
                        var (unitIds, unitExact) = Intersect(spanWords, u => u.Units.Where(id => index.Units[id].Kind is not (UnitKind.Group or UnitKind.Status)));
                        // Groupings from the tracker's other columns ("SoF Portfolio Board") when no team, department or programme fits.
                        if (unitIds.Count == 0) (unitIds, unitExact) = Intersect(spanWords, u => u.Units.Count > 0 ? u.Units : u.SynonymUnits);
                        var takePerson = personIds.Count > 0 && (unitIds.Count == 0 || (personExact && !unitExact)
                            || (personExact == unitExact && !_afterInside.Contains(span[0])));
                        // "status of modular theatre live": part of a name ("Theatre Matron") among words that fit a title together is the title's.
                        if (takePerson && length < runWords.Count && IsPartOfNames(spanWords, personIds) && RunFitsATitle(runWords)) takePerson = false;
                        if (takePerson)
                        {
                            var candidates = personIds.Select(id => index.People[id]).ToList();
                            if (candidates.Count > 1)
                            {
                                var typed = string.Join(' ', spanWords);
                                return new Entities(people, units, titles, AskWhichPerson(typed, span, candidates));
                            }
                            people.Add(candidates[0]);
                            matched = true;
                        }
                        else if (unitIds.Count > 0)
                        {
                            var found = unitIds.Select(id => index.Units[id]).ToList();
                            // "the workforce heading": among the tracker's own groupings, the one named exactly wins.
                            var typedPhrase = string.Join(' ', spanWords);
                            if (found.All(u => u.Kind is UnitKind.Group or UnitKind.Status) && found.Where(u => u.Phrase == typedPhrase).ToList() is { Count: > 0 } exact)
                                found = exact;
                            var members = new SortedSet<int>(found.SelectMany(u => u.Members));
                            // "governance and reporting" names one programme twice: keep it once. "leadership structure and OD"
                            // is one name however its words split: a later part naming only units already named adds nothing.
                            if (!units.Any(u => found.All(u.Units.Contains)))
                                units.Add(new UnitMatch(string.Join(' ', spanWords), found, [.. members]));
                            matched = true;
                        }
                        if (matched) s += length;
                    }
                    if (!matched)
                    {
                        var word = words[runWords[s]].Text.TrimStart('#');
                        var inTitles = TitleMatches(word);
                        if (inTitles.Count > 0) titles.Add(new TitleWord(word, inTitles));
                        else _unknown.Add(word);
                        s++;
                    }
                }
                position += run;
            }
            return new Entities(people, units, titles, null);
        }

        private bool IsPartOfNames(List<string> spanWords, HashSet<int> personIds) =>
            personIds.All(id => index.People[id].Words.Length > spanWords.Count);

        /// <summary>Whether one title holds every word of the run, each exactly or inflected.</summary>
        private bool RunFitsATitle(List<int> runWords)
        {
            HashSet<int>? titles = null;
            foreach (var i in runWords)
            {
                var word = words[i].Text.TrimStart('#');
                var these = index.Match(word).Where(m => m.Use.Titles.Count > 0 && (m.Exact || SameWordInflected(word, m.Word)))
                    .SelectMany(m => m.Use.Titles).ToHashSet();
                if (titles is null) titles = these;
                else titles.IntersectWith(these);
                if (titles.Count == 0) return false;
            }
            return titles is { Count: > 0 };
        }

        /// <summary>Ids every word of the span points at (exact matches of a word when it has any), and whether all were exact.</summary>
        private (HashSet<int> Ids, bool Exact) Intersect(List<string> spanWords, Func<WordUse, IEnumerable<int>> select)
        {
            HashSet<int>? ids = null;
            var allExact = true;
            foreach (var word in spanWords)
            {
                var matches = index.Match(word).Where(m => select(m.Use).Any()).ToList();
                var best = matches.Where(m => m.Exact).ToList();
                if (best.Count == 0) { best = matches; allExact = false; }
                var these = best.SelectMany(m => select(m.Use)).ToHashSet();
                if (ids is null) ids = these;
                else ids.IntersectWith(these);
                if (ids.Count == 0) return ([], false);
            }
            return (ids ?? [], allExact);
        }

        /// <summary>Milestones whose titles hold the word: exactly or inflected, else with a typo, else as initials ("eol").</summary>
        private HashSet<int> TitleMatches(string word)
        {
            var matches = index.Match(word).Where(m => m.Use.Titles.Count > 0).ToList();
            var best = matches.Where(m => m.Exact || SameWordInflected(word, m.Word)).ToList();
            // "RCVs" typed in capitals: an acronym the titles spell out, before it is a slip for some other word, and as well as
            // the titles that write it as an acronym.
            var spelled = Capitalised.Contains(word) ? index.TitlesWithInitials(word) : [];
            if (best.Count == 0 && spelled.Count > 0) return [.. spelled];
            if (best.Count == 0) best = matches;
            var found = best.SelectMany(m => m.Use.Titles).ToHashSet();
            found.UnionWith(spelled);
            if (found.Count == 0) found = [.. index.TitlesWithInitials(word)];
            if (found.Count == 0) found = [.. TitlesWithCapitalInitials(word)];
            if (found.Count == 0) found = [.. index.TitlesWithJoined(word)];
            // "IT actions": an everyday word typed in capitals is the capitalised word in titles ("IT: …"), not the pronoun.
            if (QuestionVocabulary.Ordinary.Contains(word) && Capitalised.Contains(word))
            {
                var capitals = new Regex(@"\b" + Regex.Escape(word.ToUpperInvariant()) + @"\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                found.RemoveWhere(i => !capitals.IsMatch(index.Milestones[i].Title));
            }
            return found;
        }

        /// <summary>"MH" typed in capitals for Mental Health: two initials count only when written as an abbreviation.</summary>
        private IReadOnlyCollection<int> TitlesWithCapitalInitials(string word) =>
            word.Length == 2 && word.All(char.IsLetter) && Capitalised.Contains(word) ? index.TitlesWithInitials(word, twoLetters: true) : [];

        private HashSet<string> Capitalised => _capitalised ??= [.. CapitalisedWord().Matches(original).Select(m => m.Value.ToLowerInvariant())];
        private HashSet<string>? _capitalised;

        /// <summary>"structure" and "structures": a plural is the same word in a title, where a typo is only a guess.</summary>
        private static bool SameWordInflected(string typed, string known) =>
            (known.Length > typed.Length ? known == typed + "s" || known == typed + "es" : typed == known + "s" || typed == known + "es")
            || (PlanIndex.Stem(typed) is { Length: >= 5 } stem && stem != typed && PlanIndex.Stem(known) == stem);

        private QuestionReading AskWhichPerson(string typed, List<int> span, List<PlanPerson> candidates)
        {
            var start = words[span[0]].Start;
            var end = words[span[^1]].End;
            return new QuestionReading
            {
                Kind = QuestionKind.Choice,
                Prompt = $"More than one person in {AnswerFormat.PlanLabel(index)} matches '{typed}'. Which do you mean?",
                Choices = candidates.Take(MaxChoices)
                    .Select(p => new QuestionChoice(OwnerKeyPeople.Label(p), text[..start] + p.Name + text[end..]))
                    .ToList(),
            };
        }

        /// <summary>"where's the MRI scanner delivery at?", "where is the lease up to": where one milestone stands.</summary>
        private void ReadWhereAt()
        {
            if (words.Count < 3 || words[0].Text is not ("where" or "wheres")) return;
            var last = words.Count - 1;
            if (words[last].Text == "at") _consumed[last] = true;
            else if (words[last].Text == "to" && words[last - 1].Text == "up") _consumed[last] = _consumed[last - 1] = true;
            else return;
            _cues.Add(Cue.Status);
        }

        /// <summary>
        /// "behind schedule or at risk", "on hold or Blocked": the statuses a question joins by "or", each with its milestones,
        /// when they mix kinds a status list cannot hold (overdue, the tracker's own statuses); empty otherwise.
        /// </summary>
        private List<MilestoneSet> MixedStatusChoices(IReadOnlyList<StatusWanted> statuses)
        {
            if (!words.Any(w => w.Text == "or") || (!_cues.Contains(Cue.Overdue) && _statusSets.Count == 0)) return [];
            var choices = new List<MilestoneSet>();
            if (_cues.Contains(Cue.Overdue)) choices.Add(new MilestoneSet("overdue", Where((m, _) => m.IsOverdueAt(today))));
            foreach (var wanted in statuses)
                choices.Add(new MilestoneSet(QuestionAnswerer.StatusWord(wanted), Where((m, _) => MilestoneFilter.HasStatus(m, wanted))));
            choices.AddRange(_statusSets);
            return choices.Count > 1 ? choices : [];
        }

        private int[] Where(Func<Milestone, int, bool> test)
        {
            var found = new List<int>();
            for (var i = 0; i < index.Milestones.Count; i++)
                if (test(index.Milestones[i], i)) found.Add(i);
            return [.. found];
        }

        /// <summary>
        /// "what's overdue on the CDC mobilisation plan?", "what have I got on the KDM list?": the plan named by the words of its
        /// own name (or its file's) is the whole plan, not a filter. Some words may be other than its name's ("the HR onboarding
        /// redesign", "the Ward Block B decant") when two or more are, and no more than are. "how many KDMs": its initials on their own name its items.
        /// </summary>
        private void ReadPlanName()
        {
            var nameWords = index.Vocabulary.NameWords;
            if (nameWords.Count == 0) return;
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i] || words[i].Text is not ("on" or "in" or "for" or "of" or "about" or "across" or "from")) continue;
                var start = i + 1;
                if (start < words.Count && words[start].Text is "the" or "our" or "this") start++;
                var end = start;
                var named = 0;
                var strangers = 0;
                while (end < words.Count && !_consumed[end] && !QuestionVocabulary.PlanNouns.Contains(words[end].Text))
                {
                    var word = words[end].Text;
                    if (nameWords.Contains(word) || (word.EndsWith('s') && nameWords.Contains(word[..^1]))) named++;
                    // "the HR action log": an everyday word of the name, inside it, neither names nor breaks it.
                    else if (index.Vocabulary.NameEverydayWords.Contains(word)) { }
                    else if (!IsVocabulary(word) && !char.IsDigit(word[0])) strangers++;
                    else break;
                    end++;
                }
                var noun = end < words.Count && !_consumed[end] && QuestionVocabulary.PlanNouns.Contains(words[end].Text);
                var closes = noun || end == words.Count;
                // "on the dashboard", "on the board": the plan's own kind of document, named by nothing else.
                if (noun && end == start && strangers == 0 && words[end].Text is not ("programme" or "program" or "project"))
                {
                    Consume(i, end + 1);
                    return;
                }
                if (!closes || named == 0 || strangers > named || (strangers > 0 && named < 2) || (!noun && named < 2)) continue;
                for (var k = i; k < end + (noun ? 1 : 0); k++) _consumed[k] = true;
                return;
            }
            if (ReadPlanNameBeforeItsItems(nameWords)) return;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i].Text;
                var singular = word.EndsWith('s') ? word[..^1] : word;
                if (!_consumed[i] && singular.Length >= 3 && (nameWords.Contains(word) || nameWords.Contains(singular)) && !IsVocabulary(word)
                    && index.Match(word).Count == 0 && index.Match(singular).Count == 0)
                    _consumed[i] = true;
            }
        }

        /// <summary>
        /// "which winter plan items are overdue?", "which EPR training tasks are late?": two or more words of the plan's name in
        /// a row before a word for its items or for the plan itself describe the plan, not a filter, unless together they
        /// are the name of one of its groupings.
        /// </summary>
        private bool ReadPlanNameBeforeItsItems(IReadOnlySet<string> nameWords)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i] || !nameWords.Contains(words[i].Text)) continue;
                var end = i;
                while (end < words.Count && !_consumed[end] && !QuestionVocabulary.PlanNouns.Contains(words[end].Text)
                    && (nameWords.Contains(words[end].Text) || index.Vocabulary.NameEverydayWords.Contains(words[end].Text))) end++;
                var named = Enumerable.Range(i, end - i).Count(k => nameWords.Contains(words[k].Text));
                // "the HR action log", "winter plan items": the name's words and then the plan's kind ("log", "board", "plan").
                if (end < words.Count && !_consumed[end] && QuestionVocabulary.PlanNouns.Contains(words[end].Text) && !IsGroupingName(i, end))
                {
                    Consume(i, end + 1);
                    return true;
                }
                // "EPR training tasks", "elective recovery milestones": two of the name's words before a word for its items.
                while (end > i && ItemNouns.Contains(words[end - 1].Text)) end--;
                if (named < 2 || end >= words.Count || _consumed[end] || !ItemNouns.Contains(words[end].Text) || IsGroupingName(i, end)) continue;
                Consume(i, end);
                return true;
            }
            return false;
        }

        /// <summary>Whether words [from, to) are exactly the name of one of the plan's groupings ("Stage One Engagement").</summary>
        private bool IsGroupingName(int from, int to)
        {
            var phrase = string.Join(' ', words.Skip(from).Take(to - from).Select(w => w.Text));
            return index.Units.Any(u => u.Phrase == phrase);
        }

        private static readonly HashSet<string> ItemNouns = new(StringComparer.Ordinal)
        {
            "milestones", "milestone", "actions", "action", "items", "item", "tasks", "task", "tickets", "ticket", "deliverables",
            "stories", "issues", "commitments", "objectives", "risks", "entries", "cards",
        };

        /// <summary>
        /// Whether a field the tracker keeps is filled in: "which ones have no deadline", "actions that don't have a target date
        /// yet", "tasks with nobody assigned", "issues that are unassigned", "milestones with a revised date", "no RAG".
        /// </summary>
        private void ReadFieldQuestions()
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i]) continue;
                if (QuestionVocabulary.Unowned.FirstOrDefault(p => At(i, p)) is { } unowned)
                {
                    var end = i + unowned.Length;
                    // "nobody in Assigned To", "no one assigned": the owner words after say the same.
                    while (end < words.Count && !_consumed[end] && (QuestionVocabulary.OwnerWords.Contains(words[end].Text)
                        || index.Roles.Any(r => r.Phrases.Any(p => p.Contains(words[end].Text)))))
                        end++;
                    Consume(i, end);
                    _sets.Add(new MilestoneSet("with no owner named", Where((m, _) => m.Owners.Count == 0)));
                    continue;
                }
                var negation = QuestionVocabulary.FieldNegations.FirstOrDefault(p => At(i, p));
                var j = i + (negation?.Length ?? 0);
                while (j < words.Count && !_consumed[j] && QuestionVocabulary.FieldFillers.Contains(words[j].Text)) j++;
                if (j >= words.Count) continue;
                var (fieldWords, field) = QuestionVocabulary.Fields.FirstOrDefault(f => At(j, f.Words));
                if (fieldWords is null) continue;
                // "don't have a lead officer", "no named owner": the tracker's own owner column is read as that role.
                if (field == TrackerField.Owner && index.Roles.Any(r => r.Phrases.Any(p => At(j, p)))) continue;
                var after = j + fieldWords.Length;
                // "had their target date revised", "dates changed": the date named, then the verb.
                if (negation is null && field == TrackerField.DueDate && after < words.Count && words[after].Text is "revised" or "changed" or "moved" or "extended")
                {
                    field = TrackerField.RevisedDate;
                    after++;
                }
                if (negation is null && field != TrackerField.RevisedDate) continue;
                if (field == TrackerField.Group && !index.Milestones.Any(m => !string.IsNullOrWhiteSpace(m.Programme))) continue;
                Consume(negation is null ? j : i, after);
                // "no status set", "no RAG given": the verb after says the same.
                if (negation is not null && after < words.Count && !_consumed[after] && words[after].Text is "set" or "given" or "recorded") _consumed[after++] = true;
                if (negation is not null && field == TrackerField.DueDate)
                {
                    // "no date - TBC or ongoing": the tracker's words for no date, said again.
                    while (after < words.Count && !_consumed[after] && QuestionVocabulary.NoDateWords.Contains(words[after].Text)) _consumed[after++] = true;
                }
                _sets.Add(FieldSet(field, missing: negation is not null, string.Join(' ', fieldWords)));
            }
            for (var i = 0; i < words.Count; i++)
                if (!_consumed[i] && words[i].Text is "unrated" or "unrag")
                {
                    _consumed[i] = true;
                    _sets.Add(FieldSet(TrackerField.Rag, missing: true, "rag"));
                }
            for (var i = 0; i < words.Count; i++)
                if (!_consumed[i] && (words[i].Text is "rescheduled" or "replanned" or "redated" || (At(i, ["been", "revised"]))))
                {
                    Consume(i, i + (words[i].Text == "been" ? 2 : 1));
                    _sets.Add(FieldSet(TrackerField.RevisedDate, missing: false, "revised"));
                }
        }

        private MilestoneSet FieldSet(TrackerField field, bool missing, string typed) => field switch
        {
            TrackerField.DueDate => new("with no due date", Where((m, _) => m.EffectiveDue is null)),
            TrackerField.RevisedDate => missing
                ? new("with no revised due date", Where((m, _) => m.RevisedDue.IsBlank))
                : new("with a revised due date", Where((m, _) => !m.RevisedDue.IsBlank)),
            TrackerField.Rag => new("with no RAG rating", Where((m, _) => m.Rag == Rag.None && string.IsNullOrWhiteSpace(m.RagText))),
            TrackerField.Status => new("with no status", Where((m, _) => m.Status == MilestoneStatus.Unknown && string.IsNullOrWhiteSpace(m.StatusText))),
            TrackerField.Owner => new("with no owner named", Where((m, _) => m.Owners.Count == 0)),
            _ => new($"with no {typed}", Where((m, _) => string.IsNullOrWhiteSpace(m.Programme))),
        };

        private void Consume(int from, int to)
        {
            for (var k = from; k < to; k++) _consumed[k] = true;
        }

        /// <summary>"what's forecast to land in November", "anything arriving next month": with a due window, these say "due".</summary>
        private void ReadArrivalVerbs()
        {
            if (_window is null) return;
            for (var i = 0; i < words.Count; i++)
                if (!_consumed[i] && QuestionVocabulary.ArrivalVerbs.Contains(words[i].Text)) _consumed[i] = true;
        }

        /// <summary>
        /// "being worked on", "underway", "WIP": work in hand, which is the tracker's own in-progress status when it writes
        /// one ("In Progress", "Underway"), and otherwise any open milestone.
        /// </summary>
        private void ReadWorkInHand()
        {
            for (var i = 0; i < words.Count; i++)
            {
                var phrase = QuestionVocabulary.WorkInHand.FirstOrDefault(p => At(i, p));
                if (phrase is null) continue;
                Consume(i, i + phrase.Length);
                var status = QuestionVocabulary.InProgressStatuses
                    .Select(s => index.Vocabulary.Statuses.FirstOrDefault(t => t.Phrase == s)).FirstOrDefault(t => t is not null);
                if (status is null) _cues.Add(Cue.Open);
                else AddStatusSet(new MilestoneSet("marked " + status.Written, status.Members));
            }
        }

        // "being worked on - in progress": the same status said twice is asked for once.
        private void AddStatusSet(MilestoneSet set)
        {
            if (!_statusSets.Any(s => s.Description == set.Description)) _statusSets.Add(set);
        }

        /// <summary>
        /// The tracker's own statuses, quoted: "how many are In Progress?", "which tasks are Off track?", "still Working on it",
        /// "showing as Overdue". Taken where PlanBot's word would mean something broader (in progress is any open milestone)
        /// or nothing at all, and wherever the question says it is the status ("in Open status", "marked", "showing as").
        /// </summary>
        private void ReadTrackerStatuses()
        {
            var vocabulary = index.Vocabulary;
            if (vocabulary.Statuses.Count < 2) return;
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i] || !vocabulary.StatusesByFirstWord.TryGetValue(words[i].Text, out var statuses)) continue;
                foreach (var status in statuses)
                {
                    var phrase = status.Words;
                    if (!At(i, phrase)) continue;
                    var before = i > 0 ? words[i - 1].Text : "";
                    var next = i + phrase.Length < words.Count ? words[i + phrase.Length].Text : "";
                    var quoted = before is "marked" or "showing" or "flagged" or "status" or "set" or "as" or "rated" || next is "status" or "state";
                    var (knownWords, cue) = QuestionVocabulary.Phrases.FirstOrDefault(p => p.Words.SequenceEqual(phrase));
                    var known = knownWords is not null;
                    var take = quoted
                        || (phrase.Length > 1 && (!known || cue is Cue.Open or Cue.Overdue))
                        || (phrase.Length == 1 && !known && !QuestionVocabulary.Ordinary.Contains(phrase[0]) && !index.Match(phrase[0]).Any(m => m.Exact && m.Use.Titles.Count > 0));
                    // "what's left to do": open work in everyday words, not the tracker's "To Do" (blind 2 lines to 0); "still To Do"
                    // names the state a ticket sits in, so it stays the tracker's status.
                    if (!take || (!quoted && cue == Cue.Open && before is "left")) continue;
                    Consume(i, i + phrase.Length);
                    AddStatusSet(new MilestoneSet("marked " + status.Written, status.Members));
                    break;
                }
            }
        }

        /// <summary>
        /// "anything gone backwards since last report?", "which ones improved since the last report": the trend the tracker
        /// marks against its previous report (↑ ↓ ↔). A tracker without one says so rather than guessing.
        /// </summary>
        private void ReadTrend()
        {
            var since = -1;
            for (var i = 0; i + 1 < words.Count && since < 0; i++)
                if (!_consumed[i] && words[i].Text == "since" && words.Skip(i + 1).Take(2).Any(w => w.Text is "last" or "previous")) since = i;
            for (var i = 0; i < words.Count; i++)
            {
                if (_consumed[i]) continue;
                var (trendWords, direction) = QuestionVocabulary.TrendPhrases.FirstOrDefault(p => At(i, p.Words));
                if (trendWords is null) continue;
                if (!index.Vocabulary.HasTrend && since < 0) return;
                Consume(i, i + trendWords.Length);
                if (since >= 0)
                {
                    var end = since + 1;
                    while (end < words.Count && words[end].Text is "the" or "last" or "previous" or "report" or "time" or "month" or "update" or "meeting"
                        or "board" or "period" or "week" or "review" or "reporting") end++;
                    Consume(since, end);
                }
                if (!index.Vocabulary.HasTrend)
                {
                    _cannotAnswer = $"{AnswerFormat.PlanLabel(index)} marks no trend since the last report, so I can't tell what has {(direction > 0 ? "improved" : direction < 0 ? "got worse" : "stayed the same")}.";
                    return;
                }
                var vocabulary = index.Vocabulary;
                _sets.Add(direction > 0 ? new MilestoneSet("improved since the last report", vocabulary.Improved)
                    : direction < 0 ? new MilestoneSet("worse since the last report", vocabulary.Worsened)
                    : new MilestoneSet("unchanged since the last report", vocabulary.Unchanged));
                return;
            }
        }

        private bool OnlyAWindowUnderstood() =>
            _content.Count == 0 && _refs.Count == 0 && _sets.Count == 0 && _statusSets.Count == 0 && _roles.Count == 0 && _missingRoles.Count == 0
            && _initialPeople.Count == 0 && _cues.All(c => c is Cue.Inside or Cue.All or Cue.Count or Cue.Upcoming);

        /// <summary>Whether the word at <paramref name="i"/> is in titles and names no person or grouping.</summary>
        private bool OnlyInTitles(int i) =>
            index.Match(words[i].Text.TrimStart('#')) is { Count: > 0 } matches && matches.Where(m => m.Exact).ToList() is { Count: > 0 } exact
            && exact.All(m => m.Use.Titles.Count > 0 && m.Use.People.Count == 0 && m.Use.Units.Count == 0);

        /// <summary>Whether every content word of the question is in the milestone's title or unknown to the plan.</summary>
        private bool AboutItsTitle(int milestone) =>
            _content.All(i => _unknown.Contains(words[i].Text.TrimStart('#')) || TitleMatches(words[i].Text.TrimStart('#')).Contains(milestone));

        private bool IsYesNoQuestion() =>
            words.Count > 0 && words[0].Text is "is" or "has" or "was" or "did" or "does" or "have" or "isnt" or "hasnt" or "will" or "are";

        /// <summary>
        /// The one milestone whose title holds every content word ("the winter plan" → #34); several equally good
        /// titles ask back. Words that name a person or team exactly, and no title, are not title words.
        /// </summary>
        private QuestionReading? FindByTitle(bool strict = true)
        {
            HashSet<int>? candidates = null;
            foreach (var i in _content)
            {
                var word = words[i].Text.TrimStart('#');
                var matches = index.Match(word);
                // A word that names a person or team exactly, and no title, is not a title word.
                if (strict && matches.Any(m => m.Exact) && !matches.Any(m => m.Exact && m.Use.Titles.Count > 0)) return null;
                var these = TitleMatches(word);
                if (candidates is null) candidates = these;
                else candidates.IntersectWith(these);
                if (candidates.Count == 0) return null;
            }
            if (candidates is null || candidates.Count == 0) return null;
            if (candidates.Count > 1 && _softTitleWords.Count > 0)
            {
                var softTitles = _softTitleWords.Select(w => index.Match(w).Where(m => m.Exact).SelectMany(m => m.Use.Titles).ToHashSet()).ToList();
                var scored = candidates.Select(c => (Milestone: c, Score: softTitles.Count(titles => titles.Contains(c)))).ToList();
                var top = scored.Max(s => s.Score);
                candidates = scored.Where(s => s.Score == top).Select(s => s.Milestone).ToHashSet();
            }
            if (candidates.Count == 1) return Single(candidates.First());
            if (candidates.Count > MaxChoices) return null;
            var owner = _cues.Contains(Cue.Owner);
            return new QuestionReading
            {
                Kind = QuestionKind.Choice,
                Prompt = $"{candidates.Count} milestones in {AnswerFormat.PlanLabel(index)} match. Which do you mean?",
                Choices = candidates.Order().Select(i => index.Milestones[i])
                    .OrderBy(m => m.Ref)
                    .Select(m => new QuestionChoice($"{m.Ref.Display} {m.Title}", (owner ? "who owns " : "status of ") + m.Ref.Display))
                    .ToList(),
            };
        }

        private QuestionReading Single(int milestone) => new()
        {
            Kind = _cues.Contains(Cue.Owner) ? QuestionKind.Owner : QuestionKind.Status,
            Targets = [milestone],
            OwnerRoles = [.. _answerRoles],
        };

        private QuestionReading List(Entities entities)
        {
            var kind = _cues.Contains(Cue.Count) ? QuestionKind.Count : QuestionKind.List;
            var people = entities.People;
            // "what is Gordon Frame supporting", "how many is DSP the SRO for": only what they hold in that role.
            if (_roles.Count > 0)
                people = [.. people.Select(p => p with { Milestones = index.MilestonesOf(p, _roles) })];
            var asker = false;
            if (_cues.Contains(Cue.Me))
            {
                if (FindAsker() is not { } me)
                    return Unanswerable(string.IsNullOrWhiteSpace(original) || string.IsNullOrWhiteSpace(AskerName)
                        ? "I don't know who you are here, so I can't tell which milestones are yours. Ask about an owner by name instead."
                        : $"I can't find you ({AskerName}) among the owners in {AnswerFormat.PlanLabel(index)}. Ask about an owner by name instead.");
                people = [.. people, _roles.Count > 0 ? me with { Milestones = index.MilestonesOf(me, _roles) } : me];
                asker = true;
            }

            var statuses = StatusQuestion.Wanted(_cues, _statusPhrases, index);
            var overdue = _cues.Contains(Cue.Overdue);
            var sets = new List<MilestoneSet>(_sets);
            // "behind schedule or at risk", "on hold or Blocked": statuses of different kinds joined by "or" are any of them.
            if (MixedStatusChoices(statuses) is { Count: > 0 } choices)
            {
                statuses = [];
                overdue = false;
                sets.Add(new MilestoneSet(string.Join(" or ", choices.Select(c => c.Description)),
                    [.. choices.SelectMany(c => c.Members).Distinct().Order()]));
            }
            else sets.AddRange(_statusSets);
            var window = _window;
            if (window is null && _cues.Contains(Cue.Upcoming)) window = DueWindowReader.ComingUp(today, forPerson: people.Count > 0);
            // "what have I got due?": work still due is work not yet finished, when nothing else says which.
            if (statuses.Count == 0 && !overdue && window is null && sets.Count == 0 && StatusQuestion.Colours(_cues).Count == 0 && SaysDue())
                statuses = [StatusWanted.Open];

            var filter = new MilestoneFilter
            {
                Overdue = overdue,
                Statuses = statuses,
                Rags = StatusQuestion.Colours(_cues),
                TrackerRates = index.TrackerRates,
                CriticalPath = _cues.Contains(Cue.CriticalPath),
                Window = window,
                UnitGroups = entities.Units,
                People = people,
                PeopleAreAsker = asker,
                TitleWords = entities.Titles,
                WithoutRole = _missingRoles.Count == 0 ? null
                    : new RoleGap(string.Join(" or ", _missingRoles.Select(r => r.InSentence)), index.MilestonesWithRole(_missingRoles)),
                PeopleRole = _roles.Count == 0 || people.Count == 0 ? null : string.Join(" or ", _roles.Select(r => r.InSentence)),
                Sets = sets,
            };
            var targets = _refs.Distinct().ToList();
            if (filter.IsEmpty && targets.Count == 0 && !_cues.Contains(Cue.All) && kind != QuestionKind.Count && !AsksForEverything())
                return QuestionReading.NotUnderstood();
            return new QuestionReading { Kind = kind, Filter = filter, Targets = targets, TargetsLabel = _groupLabel, AsksForOwners = _cues.Contains(Cue.Owner) };
        }

        /// <summary>"due" on its own ("what's due?"), not "due date" or "due dates".</summary>
        private bool SaysDue() =>
            Enumerable.Range(0, words.Count).Any(i => words[i].Text == "due" && (i + 1 == words.Count || words[i + 1].Text is not ("date" or "dates")));

        private bool AsksForEverything() =>
            words.Any(w => w.Text is "milestones" or "actions" or "items" or "tasks" or "deliverables" or "list" or "show" or "due" or "everything");

        private string? AskerName => asker?.Trim();

        /// <summary>
        /// The owner the asking user is: their Teams name ("Sue Graham", "Graham, Sue", "Sue Graham (CCG)") against
        /// every owner's name, word for word, ignoring order and anything in brackets.
        /// </summary>
        private PlanPerson? FindAsker()
        {
            if (string.IsNullOrWhiteSpace(asker)) return null;
            // Signed in by e-mail address: the owner the tracker names by that address ("R Nash (r.nash@…)").
            if (asker.Contains('@') && index.People.Where(p => p.Name.Contains(asker.Trim(), StringComparison.OrdinalIgnoreCase)).ToList() is [var byAddress])
                return byAddress;
            // Owners written as roles ("DCFO (KL)") keep their brackets; people's display names drop theirs ("Sue Graham (CCG)").
            return Find(QuestionText.Phrase(asker)) ?? Find(QuestionText.NamePhrase(asker)) ?? OwnerKeyPeople.WrittenAs(index, asker)
                ?? (index.People.Where(p => OwnerIdentity.HoldsPostByInitials(p.Name, asker)).ToList() is [var post] ? post : null);

            PlanPerson? Find(string name)
            {
                var askerWords = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
                if (askerWords.Count == 0) return null;
                var exact = index.People.Where(p => p.Words.ToHashSet().SetEquals(askerWords)).ToList();
                if (exact.Count == 1) return exact[0];
                var full = index.People.Where(p => p.Words.Length >= 2 && p.Words.All(askerWords.Contains)).ToList();
                return full.Count == 1 ? full[0] : null;
            }
        }

        private QuestionReading UnknownWords()
        {
            // "status of 99": a number that is no reference in the plan.
            if ((_cues.Contains(Cue.Owner) || _cues.Contains(Cue.Status)) && _unknown.Count == 1
                && _unknown.FirstOrDefault(w => char.IsDigit(w[0]) && MilestoneRef.TryParse(w, out _)) is { } number)
                return Unanswerable($"There is no milestone #{number} in {AnswerFormat.PlanLabel(index)}.");
            var shown = string.Join(", ", _unknown.Distinct().Take(3).Select(w => $"'{(w.Length > 30 ? w[..30] + "…" : w)}'"));
            var all = words.Count(w => !QuestionVocabulary.Ordinary.Contains(w.Text));
            return QuestionReading.NotUnderstood(_unknown.Count >= all || _unknown.Count > 3
                ? null
                : $"I don't know {shown}: no owner, team or milestone title in {AnswerFormat.PlanLabel(index)} matches.");
        }

        private QuestionReading Unanswerable(string reason) => new() { Kind = QuestionKind.Unanswerable, Reason = reason };
    }

    [GeneratedRegex(@"^(?:please\s+)?(?:use|switch\s+to|change\s+to|set|select|choose|pick|default\s+to)\s+(?:the\s+)?(?:plan\s+(?<id>[a-z0-9][a-z0-9 ]{0,39})|(?<id>[a-z0-9][a-z0-9 ]{0,39}?)\s+plan)(?:\s+please)?$")]
    private static partial Regex UsePlan();

    [GeneratedRegex(@"\bIT\b")]
    private static partial Regex ItInCapitals();

    [GeneratedRegex(@"\b[A-Z]{2,5}s?\b")]
    private static partial Regex CapitalisedWord();
}
