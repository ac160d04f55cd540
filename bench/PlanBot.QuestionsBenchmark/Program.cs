using PlanBot.MessagesBenchmark;
using PlanBot.QuestionsBenchmark;

// Subcommands of the question benchmark (scripts/bench-questions.sh runs them all):
//   questions  prints the question mix and a sample of the generated questions
//   store      saves the generated plan in Table storage for the read-model path and the web host
//   inprocess  times QuestionAnswerer.Ask per question (and, with --read-models yes, PlanReadModels.GetAsync + Ask)
//   http       times the questions through POST /api/messages of a running web host
//   profile    where the engine's time goes: the question reader's stages timed apart (not run by the script)
try
{
    return args switch
    {
        ["questions", .. var rest] => QuestionsCommand.Run(CommandArguments.Parse(rest)),
        ["store", .. var rest] => await StoreCommand.RunAsync(CommandArguments.Parse(rest)),
        ["inprocess", .. var rest] => await InProcessCommand.RunAsync(CommandArguments.Parse(rest)),
        ["http", .. var rest] => await HttpCommand.RunAsync(CommandArguments.Parse(rest)),
        ["profile", .. var rest] => ProfileCommand.Run(CommandArguments.Parse(rest)),
        _ => throw new UsageException("Unknown command."),
    };
}
catch (UsageException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("usage:");
    Console.Error.WriteLine("  " + QuestionsCommand.Usage);
    Console.Error.WriteLine("  " + StoreCommand.Usage);
    Console.Error.WriteLine("  " + InProcessCommand.Usage);
    Console.Error.WriteLine("  " + HttpCommand.Usage);
    Console.Error.WriteLine("  " + ProfileCommand.Usage);
    return 2;
}
