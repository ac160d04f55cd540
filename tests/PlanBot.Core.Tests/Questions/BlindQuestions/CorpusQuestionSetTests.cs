using System.Text.Json;
using System.Text.Json.Serialization;
using PlanBot.Core.Questions;
using PlanBot.Core.Tests.Questions.SeedQuestions;
using PlanBot.Testing;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;
using Xunit.Abstractions;

namespace PlanBot.Core.Tests.Questions.BlindQuestions;

/// <summary>
/// Questions written blind about the trackers of the import corpus (tests/corpus/trackers): by writers who saw only
/// each tracker file and its golden import, never the engine. Each line names its tracker file and the day it is
/// asked as at; the tracker is imported as a PMO would, with no mapping, and the answer scored with the seed set's check.
/// </summary>
public sealed class CorpusQuestionSetTests(ITestOutputHelper output)
{
    /// <summary>
    /// The engine's score on these questions as first written, before any change for them: 145 of 240 (60.4%) on 2026-12-06;
    /// 157 (65.4%) once the importer read the held-out trackers' kinds. The second round's 165 public questions (the 8
    /// trackers that had none, and the team's 3), as first written: 99 (60.0%), bringing the 485 to 309 (63.7%); at the
    /// round's end 437 (90.1%). That round's fresh held-out 103, scored at its end: 77 (74.8%; 58 at its start), then
    /// joined here: 514 of 588 (87.4%). Third round: 162 public questions as first written 135 (83.3%), the 750 then
    /// 668; at the round's end 742 (98.9%). Its held-out 108, scored at its end: 103 (95.4%; 88 at its start), then joined
    /// here: 845 of 858 (98.5%). A floor against regressions.
    /// </summary>
    public const double RequiredPassRate = 0.97;

    private static readonly Dictionary<string, Lazy<PlanIndex>> Indexes = new(StringComparer.Ordinal);

    public sealed record Asked([property: JsonPropertyName("file")] string File, [property: JsonPropertyName("asAt")] DateOnly AsAt);

    private static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "PlanBot.Core.Tests", "Questions", "BlindQuestions", "Corpus");

    private static string TrackerFolder => Path.Combine(RepositoryRoot.Path, "tests", "corpus", "trackers");

    public static IReadOnlyList<(SeedQuestionSetTests.QuestionCase Case, Asked Asked)> Load() =>
        Directory.GetFiles(Folder, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => (
                JsonSerializer.Deserialize<SeedQuestionSetTests.QuestionCase>(line) ?? throw new InvalidDataException("Empty question line: " + line),
                JsonSerializer.Deserialize<Asked>(line) ?? throw new InvalidDataException("Empty question line: " + line)))
            .ToList();

    [Fact]
    public void The_corpus_set_asks_about_at_least_twelve_trackers()
    {
        var cases = Load();
        Assert.True(cases.Count >= 588, $"{cases.Count} questions");
        Assert.True(cases.Select(c => c.Asked.File).Distinct().Count() >= 12);
        Assert.All(cases, c => Assert.True(File.Exists(Path.Combine(TrackerFolder, c.Asked.File)), $"{c.Asked.File} is not in the corpus"));
    }

    [Fact]
    public void The_corpus_questions_are_answered_at_least_as_well_as_when_first_scored() =>
        QuestionSetScore.AtLeast(RequiredPassRate, Load(), c => c.Asked.File, c => c.Case,
            c => Index(c.Asked.File) is { } index ? SeedQuestionSetTests.Check(c.Case, index, c.Asked.AsAt) : "the tracker did not import", output);

    private static PlanIndex? Index(string file)
    {
        lock (Indexes)
        {
            if (!Indexes.TryGetValue(file, out var index))
                Indexes[file] = index = new Lazy<PlanIndex>(() => Import(file));
            return index.Value;
        }
    }

    private static PlanIndex Import(string file)
    {
        using var golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(TrackerFolder, file + ".expected.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var sheet = golden.RootElement.TryGetProperty("sheet", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var planId = Path.GetFileNameWithoutExtension(file).Replace('.', '-');
        var result = new TrackerImporter().Import(TrackerFileReader.Read(Path.Combine(TrackerFolder, file)), new TrackerImportOptions { PlanId = planId, Sheet = sheet });
        return new PlanIndex(result.Plan ?? throw new InvalidOperationException($"{file} did not import"), "corpus");
    }
}
