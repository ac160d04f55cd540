using System.Globalization;
using System.Text;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;

namespace PlanBot.QuestionsBenchmark;

/// <summary>One benchmark question: what kind of question it is (for the mix and per-kind figures), the text, and who asks.</summary>
/// <param name="Asker">The asking user's display name, for "me/my" questions; null for everyone else.</param>
internal sealed record BenchQuestion(string Category, string Text, string? Asker = null);

/// <summary>
/// Mixed questions generated from a plan's own data with a fixed seed: references, rare title words, teams, departments
/// and people (some mistyped by one letter), due windows, counts, critical path, combinations, and a share of nonsense and
/// hostile text (up to 10,000 characters, HTML, emoji, injection strings, odd Unicode).
/// </summary>
internal sealed class QuestionSet
{
    /// <summary>Categories and their share of the set, per 10,000.</summary>
    public static readonly (string Category, int PerTenThousand)[] Mix =
    [
        ("owner-of-ref", 900),
        ("status-of-ref", 900),
        ("title-words", 1000),
        ("status-filter", 900),
        ("team-department", 1100),
        ("person", 1100),
        ("due-window", 1000),
        ("count", 700),
        ("critical-path", 500),
        ("combination", 700),
        ("me", 100),
        ("help", 100),
        ("nonsense", 400),
        ("hostile", 600),
    ];

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    private readonly Random _random;
    private readonly string[] _refs;
    private readonly string[] _subRefs;
    private readonly List<string>[] _titleWords;
    private readonly Dictionary<string, int> _titleWordFrequency = new(StringComparer.Ordinal);
    private readonly string[] _people;
    private readonly string[] _teams;
    private readonly string[] _departments;
    private readonly string[] _programmes;
    private readonly string[] _plainWords;
    private readonly HashSet<string> _vocabulary;

    private QuestionSet(Plan plan, int seed)
    {
        _random = new Random(seed);
        _refs = [.. plan.Milestones.Select(m => m.Ref.Value)];
        _subRefs = [.. _refs.Where(r => !r.All(char.IsAsciiDigit))];
        _vocabulary = new HashSet<string>(QuestionVocabulary.Ordinary, StringComparer.Ordinal);
        foreach (var (words, _) in QuestionVocabulary.Phrases) _vocabulary.UnionWith(words);
        _vocabulary.UnionWith(QuestionVocabulary.RefLeaders);

        _titleWords = [.. plan.Milestones.Select(m => QuestionText.Phrase(m.Title).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList())];
        foreach (var words in _titleWords)
            foreach (var word in words)
                _titleWordFrequency[word] = _titleWordFrequency.GetValueOrDefault(word) + 1;
        _people = [.. plan.Milestones.SelectMany(m => m.Owners).Select(o => o.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _teams = [.. plan.Milestones.Select(m => m.Team).OfType<string>().Select(t => t.Split('(')[0].Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _departments = [.. plan.Milestones.Select(m => m.Department).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _programmes = [.. plan.Milestones.Select(m => m.Programme).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _plainWords = [.. _titleWordFrequency.Keys.Where(w => w.Length >= 3 && w.All(char.IsAsciiLetter)).Order(StringComparer.Ordinal)];
    }

    public int TypoCount { get; private set; }

    /// <summary><paramref name="count"/> questions in the proportions of <see cref="Mix"/>, shuffled, the same for the same seed.</summary>
    public static List<BenchQuestion> Generate(Plan plan, int count, int seed) => new QuestionSet(plan, seed).Build(count, out _);

    public static List<BenchQuestion> Generate(Plan plan, int count, int seed, out int typos) => new QuestionSet(plan, seed).Build(count, out typos);

    private List<BenchQuestion> Build(int count, out int typos)
    {
        var questions = new List<BenchQuestion>(count);
        var quotas = Mix.Select(m => (m.Category, Count: (int)Math.Round((double)m.PerTenThousand * count / 10_000))).ToList();
        // Rounding leaves the total a little off for odd counts: the largest category takes up the difference.
        var largest = quotas.FindIndex(q => q.Count == quotas.Max(x => x.Count));
        quotas[largest] = (quotas[largest].Category, quotas[largest].Count + count - quotas.Sum(q => q.Count));
        foreach (var (category, quota) in quotas)
            for (var i = 0; i < quota; i++)
                questions.Add(Make(category));
        // Fisher-Yates with the set's own random, so the order is fixed too.
        for (var i = questions.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (questions[i], questions[j]) = (questions[j], questions[i]);
        }
        typos = TypoCount;
        return questions;
    }

    private BenchQuestion Make(string category) => category switch
    {
        "owner-of-ref" => new(category, OwnerOfRef()),
        "status-of-ref" => new(category, StatusOfRef()),
        "title-words" => new(category, TitleWords()),
        "status-filter" => new(category, StatusFilter()),
        "team-department" => new(category, TeamDepartment()),
        "person" => new(category, Person()),
        "due-window" => new(category, DueWindow()),
        "count" => new(category, Count()),
        "critical-path" => new(category, CriticalPath()),
        "combination" => new(category, Combination()),
        "me" => Me(),
        "help" => new(category, Pick("help", "Help", "hi", "hello", "what can you do", "?", "help me", "HELP!", "plans", "what can I ask?")),
        "nonsense" => new(category, Nonsense()),
        "hostile" => new(category, Hostile()),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    private string Ref()
    {
        var value = _random.Chance(0.2) && _subRefs.Length > 0 ? Pick(_subRefs) : Pick(_refs);
        return Pick("", "#", "#", "milestone ", "action ", "item ", "no. ", "ref ") + value;
    }

    private string OwnerOfRef() => Format(Pick(
        "who owns {0}?", "who owns {0}", "Who is the owner of {0}?", "owner of {0}", "whos responsible for {0}", "who's accountable for {0}?",
        "who is leading {0}", "who is the delivery owner for {0}", "{0} owner?", "who has {0}"), Ref());

    private string StatusOfRef() => Format(Pick(
        "status of {0}", "what's the status of {0}?", "is {0} done?", "has {0} slipped?", "update on {0}", "how is {0} going",
        "where are we with {0}", "tell me about {0}", "is {0} on track?", "{0} progress", "what's happening with {0}?"), Ref());

    /// <summary>The rarest one to three words of a real title (none of PlanBot's own keywords), as people remember a milestone.</summary>
    private string TitleWords()
    {
        string[] words;
        do
        {
            var title = Pick(_titleWords);
            var rare = title.Where(w => w.Length >= 3 && w.All(char.IsLetter) && !_vocabulary.Contains(w))
                .OrderBy(w => _titleWordFrequency[w]).ThenBy(w => w, StringComparer.Ordinal)
                .Take(_random.Next(1, 4)).ToHashSet(StringComparer.Ordinal);
            words = [.. title.Where(rare.Contains)];
        } while (words.Length == 0);
        var phrase = string.Join(' ', words);
        if (_random.Chance(0.15)) phrase = TypoIn(phrase);
        return Format(Pick(
            "who owns the {0}?", "who owns {0}", "what's the status of the {0}", "is the {0} done?", "how is the {0} going",
            "who is responsible for the {0}", "update on the {0}", "status of {0}", "has the {0} slipped?", "who's leading the {0} work"), phrase);
    }

    private string StatusFilter() => Pick(
        "what's overdue?", "overdue milestones", "show me everything that is late", "what is at risk", "which items are delayed",
        "what's not started yet", "what's complete", "list completed actions", "what's still open", "red milestones", "show amber items",
        "what is rated green", "what's on track?", "whats behind schedule", "overdeu items", "compelted milestones", "anything at risk?",
        "what has slipped", "what's been delivered", "what's outstanding", "list all overdue actions please", "blue items", "what's missed deadline",
        "Overdue", "at risk", "not started");

    private string Unit(out bool typed)
    {
        var roll = _random.NextDouble();
        var unit = roll switch
        {
            < 0.35 => Pick(_teams),
            < 0.80 => Pick(_departments),
            < 0.90 => Pick(_programmes),
            _ => Pick("finance", "nursing", "operations", "comms", "digital", "governance", "quality", "primary care"),
        };
        if (_random.Chance(0.5)) unit = unit.ToLowerInvariant();
        typed = false;
        if (_random.Chance(0.3))
        {
            var mistyped = TypoIn(unit);
            typed = mistyped != unit;
            unit = mistyped;
        }
        return unit;
    }

    private string TeamDepartment() => Format(Pick(
        "what's overdue in {0}?", "show me {0} milestones", "{0} items at risk", "what is delayed for {0}", "list everything in {0}",
        "what's due next month in {0}", "which {0} milestones are not started", "open actions for {0}", "{0} red items",
        "what's complete in {0}", "what is {0} delivering", "anything late in {0}?", "{0} overdue"), Unit(out _));

    private string Name(out string form)
    {
        var person = Pick(_people);
        var parts = person.Split(' ');
        var roll = _random.NextDouble();
        (form, var name) = roll switch
        {
            < 0.5 => ("full", person),
            < 0.75 => ("first", parts[0]),
            _ => ("surname", parts[^1]),
        };
        if (_random.Chance(0.5)) name = name.ToLowerInvariant();
        if (_random.Chance(0.3)) name = TypoIn(name);
        return name;
    }

    private string Person()
    {
        var name = Name(out var form);
        return form switch
        {
            "full" => Format(Pick("what does {0} own?", "show milestones owned by {0}", "what is {0} responsible for", "anything at risk for {0}?",
                "what has {0} got due next week", "{0} overdue", "what's {0} delivering", "list {0}'s actions"), name),
            "first" => Format(Pick("what does {0} own?", "show me {0}'s items", "what's {0} got that's overdue", "anything for {0}?"), name),
            _ => Format(Pick("milestones for {0}", "what's {0} delivering", "what is {0} responsible for", "what does {0} own"), name),
        };
    }

    private string Month() => Pick(MonthNames);

    private string DueWindow()
    {
        var month = Month();
        var shortMonth = month[..3];
        return Pick(
            "what's due next week?", "what is due this week", "due in the next 2 weeks", "what's due in the next 10 days",
            $"what is due in {month}?", $"due in {shortMonth}", $"what's due in Q{_random.Next(1, 5)}?", $"Q{_random.Next(1, 5)} milestones",
            $"what is due by end of {shortMonth}", $"what's due by {_random.Next(1, 29)} {month}", $"due before the 15th of {month}",
            "what's due this month", "what's due next month", "what's coming up", "what is due tomorrow",
            $"what's due in Q{_random.Next(1, 5)} 2020/21", $"due in {month} 2020", "anything due in the next three weeks?",
            "what's due last month", "what was due last week", "due this quarter", "next quarter");
    }

    private string Count()
    {
        var unit = Unit(out _);
        var name = Pick(_people);
        return Pick(
            "how many milestones are overdue?", "how many are complete?", $"how many {unit} items are at risk", $"how many does {name} own",
            "number of red items", $"how many critical path milestones are due in Q{_random.Next(1, 5)}?", $"total overdue in {unit}",
            "how many milestones are there?", $"how many are due in {Month()}", "how many are not started", $"count of delayed items in {unit}");
    }

    private string CriticalPath()
    {
        var unit = Unit(out _);
        return Pick(
            "what's on the critical path?", "critical path items that are overdue", "critical path milestones due next month",
            $"cp items at risk in {unit}", $"show critical milestones for {Pick(_people)}", "critical path not started",
            $"critical path in {unit}", "which critical path milestones are delayed", "crit path overdue", $"critical path due by end of {Month()[..3]}");
    }

    private string Combination()
    {
        var unit = Unit(out _);
        var person = Pick(_people);
        var month = Month();
        return Pick(
            $"overdue {unit} items owned by {person}", $"{unit} critical path items due in Q{_random.Next(1, 5)} that are at risk",
            $"who owns the overdue {unit} items?", $"red milestones in {unit} due by end of {month[..3]}", $"what's delayed in {unit} for {person}",
            $"open {unit} actions due in the next 2 weeks", $"how many {unit} milestones owned by {person} are overdue",
            $"not started {unit} milestones due next month", $"what's {person} got in {unit} that is at risk",
            $"critical path {unit} items for {person} due in {month}");
    }

    private BenchQuestion Me()
    {
        var roll = _random.NextDouble();
        var person = Pick(_people);
        var asker = roll switch
        {
            < 0.7 => person,
            < 0.85 => $"{person.Split(' ')[^1]}, {person.Split(' ')[0]}",
            _ => "Pat Nobody",
        };
        var text = Pick("what do I own?", "what's overdue for me?", "my milestones due next week", "what am I responsible for",
            "how many of mine are at risk", "what have I got outstanding", "what's due for me in March", "my critical path items");
        return new BenchQuestion("me", text, asker);
    }

    private string Nonsense()
    {
        var roll = _random.Next(4);
        return roll switch
        {
            0 => Pick("lorem ipsum dolor sit amet", "the quick brown fox jumps over the lazy dog", "what's the weather like in Leeds?",
                "tell me a joke", "who won the football last night", "asdfghjkl", "qwerty uiop", "is it lunchtime yet", "banana", "42",
                "why is the sky blue", "please order me a pizza", "ok", "thanks!", "no", "yes", "hmm", "...", "???", "test"),
            // Gibberish words: unknown to the plan, long enough to be fuzzy-matched against everything.
            1 => string.Join(' ', Enumerable.Range(0, _random.Next(1, 8)).Select(_ => Gibberish(_random.Next(3, 14)))),
            // Real plan words in a meaningless order.
            2 => string.Join(' ', Enumerable.Range(0, _random.Next(2, 12)).Select(_ => Pick(_plainWords))),
            _ => Format(Pick("who owns the {0}", "status of the {0}", "what is {0}"), Gibberish(_random.Next(5, 12))),
        };
    }

    private string Hostile()
    {
        var roll = _random.NextDouble();
        if (roll < 0.35) return Long();
        if (roll < 0.55)
            return Pick(
                "<b>what's overdue</b>", "<script>alert('x')</script>", $"<at>PlanBot</at> who owns {Pick(_refs)}?",
                $"<p>status of <i>#{Pick(_refs)}</i></p>", "&lt;b&gt;help&lt;/b&gt;", "<img src=x onerror=alert(1)>",
                "<div><div><div><span>overdue</span></div></div></div>", "<a href=\"javascript:alert(1)\">click</a> what's late",
                "</at><at>", "<<<>>>", "<!-- who owns 12 -->", "<table><tr><td>finance</td></tr></table> overdue");
        if (roll < 0.70)
            return Pick(
                "🔥🔥🔥", "what's overdue? 😀", "👍", "🤖 help", "📅 due next week 🙏", "🇬🇧🇬🇧 finance", $"👩‍⚕️ who owns {Pick(_refs)}",
                "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", "✅ complete?", "❌ overdue ❌", "💷 finance at risk 💷", "🧑🏽‍💻🧑🏽‍💻 digital");
        return Pick(
            "'; DROP TABLE Milestones; --", "{0} {1} %s %d", "${jndi:ldap://example.invalid/a}", "../../etc/passwd", "\" OR 1=1 --",
            "null", "undefined", "NaN", "w̴h̷o̸ ̵o̶w̷n̴s̵ ̶1̷2̸", "مرحبا، من يملك 12؟", "谁负责里程碑12", "whо оwns 12", "who\u200bowns\u200b12",
            "who owns １２", "ＯＶＥＲＤＵＥ", "who owns\u0000 12", "\u0007\u0007bell", "   ", "\n\n\t", "#", "#0", "#-1", "#1.2.3.4.5",
            "milestone 99999", "99999999999999999999", "who owns #1e10", "status of 12.12.12.12.12", "A&E&&&&&&", "\\u0000\\n",
            "🂡🂱🃁🃑", "\ud83d\ude00 half", "Robert'); DROP TABLE Students;--");
    }

    /// <summary>600 to 10,000 characters: one repeated letter, one unbroken token, gibberish (some all two-letter) or plan words, or emoji.</summary>
    private string Long()
    {
        var length = Pick(600, 1_000, 2_000, 5_000, 10_000);
        var builder = new StringBuilder(length + 20);
        switch (_random.Next(7))
        {
            case 6:
                // Two-letter tokens: the most words 500 characters can hold that are still looked up as title initials.
                while (builder.Length < length) builder.Append(Gibberish(2)).Append(' ');
                break;
            case 0:
                builder.Append('a', length);
                break;
            case 5:
                // Emoji after one letter: a cut at an even length (the engine's 500, the host's 1,000) splits a surrogate pair.
                builder.Append('x');
                while (builder.Length + 2 <= length) builder.Append("😀"); // whole pairs: the question itself is valid text
                break;
            case 1:
                while (builder.Length < length) builder.Append(Gibberish(_random.Next(3, 12))).Append(' ');
                break;
            case 2:
                builder.Append("who owns ");
                while (builder.Length < length) builder.Append(Pick(_plainWords)).Append(' ');
                break;
            case 3:
                while (builder.Length < length) builder.Append("overdue in finance ");
                break;
            default:
                while (builder.Length < length) builder.Append((char)('a' + _random.Next(26)));
                break;
        }
        return builder.ToString(0, Math.Min(length, builder.Length));
    }

    private string Gibberish(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)('a' + _random.Next(26));
        return new string(chars);
    }

    /// <summary>One slip in one word of five letters or more (never the first letter): a letter dropped, doubled, swapped or wrong.</summary>
    private string TypoIn(string phrase)
    {
        var words = phrase.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5 && words[i].All(char.IsLetter)).ToList();
        if (candidates.Count == 0) return phrase;
        var at = candidates[_random.Next(candidates.Count)];
        var word = words[at];
        var position = _random.Next(1, word.Length - 1);
        words[at] = _random.Next(4) switch
        {
            0 => word.Remove(position, 1),
            1 => word.Insert(position, word[position].ToString()),
            2 => word[..position] + word[position + 1] + word[position] + word[(position + 2)..],
            _ => word[..position] + Other(word[position]) + word[(position + 1)..],
        };
        if (words[at] == word) return phrase;
        TypoCount++;
        return string.Join(' ', words);
    }

    private char Other(char letter)
    {
        char other;
        do other = (char)('a' + _random.Next(26)); while (other == char.ToLowerInvariant(letter));
        return other;
    }

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Format(string template, string value) => template.Replace("{0}", value, StringComparison.Ordinal);
}
