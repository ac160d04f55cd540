using PlanBot.MessagesBenchmark;

namespace PlanBot.QuestionsBenchmark;

/// <summary>Prints the question mix and a sample of the questions, to see what the benchmark asks without running it.</summary>
internal static class QuestionsCommand
{
    public const string Usage = "questions [--milestones 10000] [--questions 10000] [--seed 1] [--sample 40]";

    public static int Run(CommandArguments arguments)
    {
        var milestoneCount = arguments.Integer("milestones", 10_000, 1, 100_000);
        var questionCount = arguments.Integer("questions", 10_000, 1, 1_000_000);
        var seed = arguments.Integer("seed", 1, 0, int.MaxValue);
        var sample = arguments.Integer("sample", 40, 0, 1_000_000);
        arguments.RejectUnknownOptions();

        var questions = QuestionSet.Generate(GeneratedPlan.Create(milestoneCount), questionCount, seed, out var typos);
        Report.Mix(questions, typos);
        foreach (var question in questions.Take(sample))
            Console.WriteLine($"  {question.Category,-16} {Report.Shown(question.Text, 100)}{(question.Asker is null ? "" : $"   (asked by {question.Asker})")}");
        return 0;
    }
}
