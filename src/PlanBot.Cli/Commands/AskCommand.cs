using System.CommandLine;
using PlanBot.Core.Questions;
using Spectre.Console;

namespace PlanBot.Cli.Commands;

/// <summary>
/// `planbot ask [--plan ID] "question" ["question" …] [--as NAME]`: the chat answer, printed. With several questions,
/// each answer follows a "> question" line, so a PMO can check a list of questions in one go.
/// </summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var plan = CommonOptions.Plan(required: false);
        var questions = new Argument<string[]>("question")
        {
            Description = "The question, in plain English, e.g. \"what's overdue in finance?\". Give several to ask each in turn.",
            Arity = ArgumentArity.OneOrMore,
        };
        var asker = new Option<string?>("--as") { Description = "Whose \"me\", \"my\" and \"I\" the question means: an owner's name as the plan writes it." };
        var command = new Command("ask", "Ask a question about a plan, as you would in Teams.") { plan, questions, asker };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = CliEnvironment.Load();
            var store = environment.Plans;
            var (planId, problem) = await CommonOptions.ChoosePlanAsync(parse.GetValue(plan), store, cancellationToken);
            if (planId is null) return Output.Fail(problem!);
            // The host's read models: the same synonyms (PlanBot:Questions) as the bot in Teams.
            var index = await environment.Get<PlanReadModels>().GetAsync(planId, cancellationToken);
            if (index is null) return Output.Fail($"There is no plan '{planId}'. Run `planbot plans` to see the stored plans.");
            var asked = parse.GetValue(questions)!;
            var understood = true;
            foreach (var question in asked)
            {
                if (asked.Length > 1) Console.Out.WriteLine("> " + question);
                var answer = QuestionAnswerer.Ask(question, index, environment.Clock.Today, parse.GetValue(asker));
                AnswerPrinter.Print(answer);
                if (asked.Length > 1) Console.Out.WriteLine();
                understood &= answer.Kind is not QuestionKind.NotUnderstood;
            }
            return understood ? 0 : 1;
        });
        return command;
    }
}
