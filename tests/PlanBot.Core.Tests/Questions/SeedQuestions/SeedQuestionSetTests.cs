using System.Text.Json;
using System.Text.Json.Serialization;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.Core.Tests.Questions.SeedQuestions;

/// <summary>
/// The question set in questions.jsonl: questions people ask about the seed plans with the answers a PMO would give,
/// written from the plans' data, not from PlanBot's output. At least 97% must be answered exactly.
/// </summary>
public sealed class SeedQuestionSetTests(ITestOutputHelper output)
{
    public const double RequiredPassRate = 0.97;

    public sealed record QuestionCase(
        [property: JsonPropertyName("plan")] string Plan,
        [property: JsonPropertyName("question")] string Question,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("as")] string? As = null,
        [property: JsonPropertyName("refs")] string[]? Refs = null,
        [property: JsonPropertyName("owners")] string[]? Owners = null,
        [property: JsonPropertyName("count")] int? Count = null,
        [property: JsonPropertyName("choices")] string[]? Choices = null);

    public static IReadOnlyList<QuestionCase> Load() =>
        File.ReadLines(Path.Combine(RepositoryRoot.Path, "tests", "PlanBot.Core.Tests", "Questions", "SeedQuestions", "questions.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<QuestionCase>(line) ?? throw new InvalidDataException("Empty question line: " + line))
            .ToList();

    [Fact]
    public void The_question_set_covers_at_least_150_questions_over_three_plans()
    {
        var cases = Load();
        Assert.True(cases.Count >= 150, $"{cases.Count} questions");
        Assert.True(cases.Select(c => c.Plan).Distinct().Count() >= 3);
        Assert.All(cases, c => Assert.Contains(c.Plan, SeedPlans.Ids));
    }

    [Fact]
    public void At_least_97_percent_of_the_seed_questions_are_answered_as_expected()
    {
        var cases = Load();
        var failures = new List<string>();
        foreach (var c in cases)
            if (Check(c) is { } problem) failures.Add($"[{c.Plan}] \"{c.Question}\": {problem}");

        foreach (var failure in failures) output.WriteLine(failure);
        var passRate = 1 - (double)failures.Count / cases.Count;
        output.WriteLine($"{cases.Count - failures.Count} of {cases.Count} answered as expected ({passRate:P1}).");
        Assert.True(passRate >= RequiredPassRate, $"{passRate:P1} passed; failures:\n" + string.Join('\n', failures));
    }

    /// <summary>Null when the answer is the expected one, otherwise what differs.</summary>
    public static string? Check(QuestionCase c) => Check(c, SeedPlans.Index(c.Plan), SeedPlans.Today(c.Plan));

    /// <summary>Null when the answer from this plan as at this day is the expected one, otherwise what differs.</summary>
    public static string? Check(QuestionCase c, PlanIndex index, DateOnly today)
    {
        var answer = QuestionAnswerer.Ask(c.Question, index, today, c.As);
        var kind = answer.Kind switch
        {
            QuestionKind.List => "list",
            QuestionKind.Count => "count",
            QuestionKind.Owner => "owner",
            QuestionKind.Status => "status",
            QuestionKind.Choice => "choice",
            QuestionKind.Help => "help",
            QuestionKind.UsePlan => "use-plan",
            QuestionKind.Unanswerable => "unanswerable",
            _ => "not-understood",
        };
        var refs = answer.Milestones.Concat(answer.AlsoInDirectorate).Select(m => m.Ref.Value).ToList();
        if (kind != c.Kind) return $"expected {c.Kind}, got {kind} ({answer.Text}) [{string.Join(",", refs.Take(12))}]";

        var dues = answer.Milestones.Select(m => m.EffectiveDue ?? DateOnly.MaxValue).ToList();
        if (!dues.SequenceEqual(dues.Order())) return "milestones not sorted by due date";

        switch (c.Kind)
        {
            case "list":
                return SameSet(c.Refs ?? [], refs);
            case "count":
                return answer.Milestones.Count == c.Count ? null : $"expected {c.Count}, got {answer.Milestones.Count} ({answer.Text})";
            case "owner":
                if (SameSet(c.Refs ?? [], refs) is { } wrongRef) return wrongRef;
                // An owner written as a role with initials ("DSP (CD)") and the person the tracker's key names for it
                // ("Charlotte Dillaway") are the same person: an expected answer may give either.
                var expectedOwners = (c.Owners ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var owners = answer.Milestones.SelectMany(m => m.Owners)
                    .Select(o => o.Person is { } person && expectedOwners.Contains(person) ? person : o.Name).Distinct().ToList();
                return SameSet(c.Owners ?? [], owners);
            case "status":
                return SameSet(c.Refs ?? [], refs);
            case "choice":
                var labels = answer.Choices.Select(x => x.Label).ToList();
                var expected = c.Choices ?? [];
                // A person the tracker's key names is offered by name and role ("Tricia D'Orsi (CN)"); an expected
                // choice may give their name or the tracker's written form ("CN (TD)"), the same person.
                bool SamePerson(string label, string e) => index.People.Any(p => OwnerKeyPeople.Label(p) == label
                    && (string.Equals(p.Name, e, StringComparison.OrdinalIgnoreCase) || p.WrittenAs.Contains(e, StringComparer.OrdinalIgnoreCase)));
                var missing = expected.Where(e => !labels.Any(l => l == e || l.StartsWith("#" + e + " ", StringComparison.Ordinal) || SamePerson(l, e))).ToList();
                return missing.Count == 0 && labels.Count == expected.Length ? null : $"choices {string.Join(" | ", labels)}; expected {string.Join(" | ", expected)}";
            default:
                return null;
        }
    }

    private static string? SameSet(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var e = expected.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var a = actual.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (e.SetEquals(a)) return null;
        return $"missing [{string.Join(",", e.Except(a))}] extra [{string.Join(",", a.Except(e))}]";
    }
}
