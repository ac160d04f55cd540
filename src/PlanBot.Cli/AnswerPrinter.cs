using PlanBot.Core.Questions;
using Spectre.Console;

namespace PlanBot.Cli;

/// <summary>Prints an answer as the sentence the bot says, then the milestones it lists, one per line.</summary>
internal static class AnswerPrinter
{
    public static void Print(Answer answer)
    {
        Console.Out.WriteLine(answer.Text);
        foreach (var choice in answer.Choices)
            Console.Out.WriteLine($"  - {choice.Label}  (ask: {choice.Question})");
        if (answer.Kind is not (QuestionKind.List or QuestionKind.Count) || answer.Milestones.Count == 0) return;

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Ref").AddColumn("Milestone").AddColumn("Owner").AddColumn("Due").AddColumn("Status");
        foreach (var m in answer.Milestones)
            table.AddRow(
                Markup.Escape(m.Ref.Display),
                Markup.Escape(m.Title),
                Markup.Escape(string.Join(", ", m.Owners.Select(o => o.Name).Distinct())),
                Markup.Escape(AnswerFormat.DueText(m)),
                Markup.Escape(QuestionAnswerer.StatusName(m)));
        AnsiConsole.Write(table);
    }
}
