using PlanBot.Core.Questions;

namespace PlanBot.Cli;

/// <summary>Prints an answer as the sentence the bot says, then the milestones it lists, one per row.</summary>
internal static class AnswerPrinter
{
    private const int Milestone = 1, Owner = 2, Due = 3, Status = 4;

    public static void Print(Answer answer)
    {
        Console.Out.WriteLine(answer.Text);
        foreach (var choice in answer.Choices)
            Console.Out.WriteLine($"  - {choice.Label}  (ask: {choice.Question})");
        if (answer.Kind is not (QuestionKind.List or QuestionKind.Count) || answer.Milestones.Count == 0) return;

        // The title gives way first, then owners, status and dates; the reference never does.
        var table = new TextTable([("Ref", 3), ("Milestone", 24), ("Owner", 14), ("Due", 11), ("Status", 12)], Milestone, Owner, Status, Due);
        foreach (var m in answer.Milestones)
            table.AddRow(
                m.Ref.Display,
                m.Title,
                string.Join(", ", m.Owners.Select(o => o.Display).Distinct()),
                AnswerFormat.DueText(m),
                AnswerFormat.StateText(m, answer.AsAt));
        Console.Out.WriteLine();
        Output.Write(table);
    }
}
