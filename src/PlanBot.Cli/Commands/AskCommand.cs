using System.CommandLine;
using PlanBot.Core.Questions;
using Spectre.Console;

namespace PlanBot.Cli.Commands;

/// <summary>`planbot ask --plan ID "question" [--as NAME]`: the chat answer, printed.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var plan = CommonOptions.Plan();
        var question = new Argument<string>("question") { Description = "The question, in plain English, e.g. \"what's overdue in finance?\"." };
        var asker = new Option<string?>("--as") { Description = "Whose \"me\", \"my\" and \"I\" the question means: an owner's name as the plan writes it." };
        var command = new Command("ask", "Ask a question about a plan, as you would in Teams.") { plan, question, asker };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var environment = CliEnvironment.Load();
            var planId = parse.GetValue(plan)!;
            var readModels = new PlanReadModels(environment.CreateStore(), UnitSynonyms.Default);
            var index = await readModels.GetAsync(planId, cancellationToken);
            if (index is null) return Output.Fail($"There is no plan '{planId}'. Run `planbot plans` to see the stored plans.");
            var answer = QuestionAnswerer.Ask(parse.GetValue(question), index, environment.Clock.Today, parse.GetValue(asker));
            AnswerPrinter.Print(answer);
            return answer.Kind is QuestionKind.NotUnderstood ? 1 : 0;
        });
        return command;
    }
}
