using System.Text.Json;
using PlanBot.Core.Tests.Questions.SeedQuestions;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.Core.Tests.Questions.BlindQuestions;

/// <summary>
/// Questions written blind: by a writer who saw only the seed trackers and a short brief (a director, a chair, a delivery
/// owner, an analyst asking what they would ask), never the engine or its vocabulary. Each line carries the writer's
/// expected answer in the seed set's format, plus the reply they would give in words. Scored with the seed set's check.
/// </summary>
public sealed class BlindQuestionSetTests(ITestOutputHelper output)
{
    /// <summary>
    /// The engine's score on these questions as first written, before any change for them, was 95 of 190 (50.0%, on
    /// 2026-12-06: odkm 30 of 38, cornwall 21, southend 16, cpccg 15, dorset 13). After the plan's own words, everyday verbs,
    /// negations, grouping numbers and word stems: 125 of 190 (65.8%: odkm 35, cornwall 29, southend 21, cpccg 26, dorset 14);
    /// with Southend's ratings read in line by the importer, 136 (71.6%: southend 32). Most of the rest are import
    /// problems (Cornwall's headings not carried down and dates such as
    /// "Summer 2017", CPCCG's section titles) or a numbering or status convention PlanBot does not share; the floor
    /// guards against regressions. Second round (2026-12-06), with the first round's held-out 60 joined: 180 of 250 at the
    /// start; 218 once board papers' groups, numbering and dates in words were imported and questions read in the tracker's
    /// own words; 222 (88.8%) with the answer semantics merged. That round's fresh held-out 60, scored at its end: 48 (80.0%;
    /// 40 at its start), then joined here: 270 of 310 (87.1%). Third round: 60 public questions as first written 44
    /// (73.3%); at the round's end 354 of 370. Its held-out 60, scored at its end: 57 (95.0%; 49 at its start), then
    /// joined here: 411 of 430 (95.6%).
    /// </summary>
    public const double RequiredPassRate = 0.95;

    private static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "PlanBot.Core.Tests", "Questions", "BlindQuestions");

    public static IReadOnlyList<SeedQuestionSetTests.QuestionCase> Load() =>
        Directory.GetFiles(Folder, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<SeedQuestionSetTests.QuestionCase>(line) ?? throw new InvalidDataException("Empty question line: " + line))
            .ToList();

    [Fact]
    public void The_blind_set_covers_every_seed_plan()
    {
        var cases = Load();
        Assert.True(cases.Count >= 310, $"{cases.Count} questions");
        Assert.Equal(SeedPlans.Ids.Order(), cases.Select(c => c.Plan).Distinct().Order());
    }

    [Fact]
    public void The_blind_questions_are_answered_at_least_as_well_as_when_first_scored() =>
        QuestionSetScore.AtLeast(RequiredPassRate, Load(), c => c.Plan, c => c, SeedQuestionSetTests.Check, output);
}
