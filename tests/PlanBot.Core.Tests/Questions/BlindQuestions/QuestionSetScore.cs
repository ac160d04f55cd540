using PlanBot.Core.Tests.Questions.SeedQuestions;
using Xunit.Abstractions;

namespace PlanBot.Core.Tests.Questions.BlindQuestions;

/// <summary>Scores a question set group by group, writes each group's score and every miss, and holds it to a floor.</summary>
public static class QuestionSetScore
{
    /// <param name="check">Null when the answer is the expected one, otherwise what differs.</param>
    public static void AtLeast<T>(double requiredPassRate, IReadOnlyList<T> cases, Func<T, string> group,
        Func<T, SeedQuestionSetTests.QuestionCase> question, Func<T, string?> check, ITestOutputHelper output)
    {
        var failures = new List<string>();
        foreach (var inGroup in cases.GroupBy(group))
        {
            var failed = 0;
            foreach (var item in inGroup)
            {
                if (check(item) is not { } problem) continue;
                failed++;
                var c = question(item);
                failures.Add($"[{c.Plan}] \"{c.Question}\" ({c.Kind}): {problem}");
            }

            output.WriteLine($"{inGroup.Key}: {inGroup.Count() - failed} of {inGroup.Count()}");
        }

        foreach (var failure in failures) output.WriteLine(failure);
        var passRate = 1 - (double)failures.Count / cases.Count;
        output.WriteLine($"{cases.Count - failures.Count} of {cases.Count} answered as expected ({passRate:P1}).");
        Assert.True(passRate >= requiredPassRate, $"{passRate:P1} passed; failures:\n" + string.Join('\n', failures));
    }
}
