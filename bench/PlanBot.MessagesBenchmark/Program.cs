using PlanBot.MessagesBenchmark;

// Subcommands of the /api/messages benchmark (scripts/bench-messages.sh runs them all):
//   channel  plays the Bot Framework channel: serves OpenID metadata and signing keys, writes a signed channel token
//   load     drives POST /api/messages with concurrent workers and measures latency, throughput and CPU
//   report   compares the load results of the bot with the bare endpoint's
try
{
    return args switch
    {
        ["load", .. var rest] => await LoadCommand.RunAsync(CommandArguments.Parse(rest)),
        ["channel", .. var rest] => await ChannelCommand.RunAsync(CommandArguments.Parse(rest)),
        ["report", .. var rest] => ReportCommand.Run(CommandArguments.Parse(rest)),
        _ => throw new UsageException("Unknown command."),
    };
}
catch (UsageException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("usage:");
    Console.Error.WriteLine("  " + LoadCommand.Usage);
    Console.Error.WriteLine("  " + ChannelCommand.Usage);
    Console.Error.WriteLine("  " + ReportCommand.Usage);
    return 2;
}
