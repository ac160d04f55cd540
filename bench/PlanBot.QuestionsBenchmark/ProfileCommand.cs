using System.Diagnostics;
using System.Globalization;
using PlanBot.Core.Questions;
using PlanBot.MessagesBenchmark;

namespace PlanBot.QuestionsBenchmark;

/// <summary>
/// Where the question engine spends its time, without a profiler: the stages of <see cref="QuestionReader"/> re-run one by
/// one through the engine's public API with Stopwatch sections, per question, summed by category, and for the slowest
/// questions one by one. The per-word stages are the lookups <c>QuestionReader.ClassifyWords</c> makes for each word that
/// is not one of PlanBot's keywords: <see cref="PlanIndex.Match"/>; for a word matching nothing, the keyword typo check
/// (FuzzyCue), the near-miss check against every ordinary word, and <see cref="PlanIndex.TitlesWithInitials"/> for words of
/// 2 to 5 letters, twice when the word is some title's initials (ResolveContent's TitleMatches looks again). They mirror the reader's conditions closely but not exactly, so they add up to about, not exactly, Read.
/// </summary>
internal static class ProfileCommand
{
    public const string Usage = "profile [--milestones 10000] [--questions 10000] [--seed 1] [--top 12] [--question TEXT (just this one)]";

    private static readonly string[] Stages =
        ["normalise+words", "due window", "Match", "fuzzy keyword", "ordinary near-miss", "initials", "initials again", "Answer"];

    public static int Run(CommandArguments arguments)
    {
        var milestoneCount = arguments.Integer("milestones", 10_000, 1, 100_000);
        var questionCount = arguments.Integer("questions", 10_000, 1, 1_000_000);
        var seed = arguments.Integer("seed", 1, 0, int.MaxValue);
        var top = arguments.Integer("top", 12, 0, 1_000);
        var single = arguments.Optional("question");
        arguments.RejectUnknownOptions();

        var today = GeneratedPlan.Today;
        var plan = GeneratedPlan.Create(milestoneCount);
        var index = Index = new PlanIndex(plan, "profile", UnitSynonyms.Default);
        var keywords = QuestionVocabulary.Phrases.Where(p => p.Words.Length == 1).Select(p => p.Words[0]).ToHashSet(StringComparer.Ordinal);
        if (single is not null)
        {
            var answer = QuestionAnswerer.Ask(single, index, today);
            // 300 runs so the engine's code is fully compiled; the median is of the last 50.
            var times = Enumerable.Range(0, 300).Select(_ =>
            {
                var start = Stopwatch.GetTimestamp();
                var reading = QuestionReader.Read(single, index, today);
                var read = Stopwatch.GetTimestamp();
                QuestionAnswerer.Answer(reading, index, today);
                return (Read: read - start, Answer: Stopwatch.GetTimestamp() - read);
            }).TakeLast(50).ToList();
            Console.WriteLine($"{Report.Shown(single)}: {answer.Kind}, {answer.Milestones.Count:N0} milestones; " +
                $"Read median {Ms(times.Select(t => t.Read).Order().ElementAt(25))} ms, Answer median {Ms(times.Select(t => t.Answer).Order().ElementAt(25))} ms; " +
                Report.Shown(answer.Text, 120));
            // What each word finds in the index: how much work the reader's set operations on it can be.
            foreach (var word in QuestionText.Words(QuestionText.Normalise(single)).Select(w => w.Text).Distinct().Take(12))
            {
                var matches = index.Match(word);
                var exact = matches.Where(m => m.Exact).ToList();
                Console.WriteLine($"  {Report.Shown(word, 20),-20} {(QuestionVocabulary.Ordinary.Contains(word) ? "ordinary" : keywords.Contains(word) ? "keyword" : "content"),-8} " +
                    $"exact: {exact.Sum(m => m.Use.Titles.Count),5:N0} titles {exact.Sum(m => m.Use.People.Count),3} people {exact.Sum(m => m.Use.Units.Count),2} units; " +
                    $"{matches.Count - exact.Count} other matches ({matches.Where(m => !m.Exact).Sum(m => m.Use.Titles.Count):N0} titles)");
            }
            return 0;
        }

        // Questions the engine throws on are left out here (inprocess reports them).
        var questions = QuestionSet.Generate(plan, questionCount, seed).Where(q => !Throws(q.Text)).ToList();
        var fuzzyKeywords = QuestionVocabulary.Phrases.Where(p => p.Words.Length == 1 && p.Cue != Cue.Inside && p.Words[0].Length >= 5)
            .Select(p => p.Words[0]).ToArray();
        var ordinary = QuestionVocabulary.Ordinary.Where(o => o.Length >= 4).ToArray();

        // Warm-up, then one pass for Read and the stages.
        for (var round = 0; round < 2; round++)
            foreach (var question in questions.Take(3_000)) Profile(question.Text);
        var stages = new double[questions.Count, Stages.Length];
        var read = new long[questions.Count];
        var wordCounts = new int[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var (readTicks, stageTicks, count) = Profile(questions[i].Text);
            read[i] = readTicks;
            wordCounts[i] = count;
            for (var s = 0; s < Stages.Length; s++) stages[i, s] = stageTicks[s];
        }

        Console.WriteLine($"== Profile: QuestionReader.Read and its stages, {questions.Count:N0} questions, {index.Milestones.Count:N0} milestones ==");
        Console.WriteLine("Milliseconds summed over each category's questions (Read is the real call; the stages re-run its steps):");
        var table = new TextTable(1, ["category", "questions", "words", "Read", .. Stages]);
        var groups = Enumerable.Range(0, questions.Count).GroupBy(i => questions[i].Category).OrderByDescending(g => g.Sum(i => read[i])).ToList();
        foreach (var group in groups.Append(Enumerable.Range(0, questions.Count).GroupBy(_ => "ALL").Single()))
            table.Add([group.Key, group.Count().ToString("N0", CultureInfo.InvariantCulture), group.Sum(i => wordCounts[i]).ToString("N0", CultureInfo.InvariantCulture),
                Ms(group.Sum(i => read[i])), .. Enumerable.Range(0, Stages.Length).Select(s => Ms(group.Sum(i => stages[i, s])))]);
        table.Print();

        Console.WriteLine();
        Console.WriteLine($"The {top} slowest questions to read (ms):");
        var slow = new TextTable(1, ["question", "words", "Read", .. Stages]);
        foreach (var i in Enumerable.Range(0, questions.Count).OrderByDescending(i => read[i]).Take(top))
            slow.Add([Report.Shown(questions[i].Text, 50), wordCounts[i].ToString(CultureInfo.InvariantCulture), Ms(read[i]),
                .. Enumerable.Range(0, Stages.Length).Select(s => Ms(stages[i, s]))]);
        slow.Print();
        return 0;

        (long Read, double[] Stages, int Words) Profile(string question)
        {
            var ticks = new double[Stages.Length];
            var start = Stopwatch.GetTimestamp();
            var reading = QuestionReader.Read(question, index, today);
            var readTicks = Stopwatch.GetTimestamp() - start;

            start = Stopwatch.GetTimestamp();
            QuestionAnswerer.Answer(reading, index, today);
            ticks[7] = Stopwatch.GetTimestamp() - start;

            start = Stopwatch.GetTimestamp();
            var text = QuestionText.Normalise(question);
            var words = QuestionText.Words(text);
            ticks[0] = Stopwatch.GetTimestamp() - start;

            start = Stopwatch.GetTimestamp();
            DueWindowReader.TryRead(text, today, out _, out _);
            ticks[1] = Stopwatch.GetTimestamp() - start;

            foreach (var w in words)
            {
                var word = w.Text.TrimStart('#');
                if (word.Length == 0 || keywords.Contains(word) || char.IsDigit(word[0])) continue;
                start = Stopwatch.GetTimestamp();
                var matches = index.Match(word);
                ticks[2] += Stopwatch.GetTimestamp() - start;
                if (QuestionVocabulary.Ordinary.Contains(word) || matches.Count > 0) continue;

                if (word.Length >= 5)
                {
                    start = Stopwatch.GetTimestamp();
                    foreach (var keyword in fuzzyKeywords)
                        if (keyword[0] == word[0] && FuzzyText.Distance(word, keyword, Math.Min(word.Length, keyword.Length) >= 9 ? 2 : 1) is not null) break;
                    ticks[3] += Stopwatch.GetTimestamp() - start;
                }
                if (word.Length >= 4)
                {
                    start = Stopwatch.GetTimestamp();
                    _ = ordinary.Any(o => FuzzyText.IsCloseTo(word, o));
                    ticks[4] += Stopwatch.GetTimestamp() - start;
                }
                if (word.Length is >= 2 and <= 5 && word.All(char.IsLetter))
                {
                    start = Stopwatch.GetTimestamp();
                    var initials = index.TitlesWithInitials(word);
                    ticks[5] += Stopwatch.GetTimestamp() - start;
                    // A word that is some title's initials becomes a content word, and ResolveContent's TitleMatches scans again.
                    if (initials.Count > 0)
                    {
                        start = Stopwatch.GetTimestamp();
                        index.TitlesWithInitials(word);
                        ticks[6] += Stopwatch.GetTimestamp() - start;
                    }
                }
            }
            return (readTicks, ticks, words.Count);
        }
    }

    private static bool Throws(string question)
    {
        try
        {
            QuestionAnswerer.Ask(question, index: Index!, GeneratedPlan.Today);
            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }

    private static PlanIndex? Index;

    private static string Ms(double ticks) => LatencySummary.Ms(LatencySummary.ToMs(ticks));
}
