using System.CommandLine;
using PlanBot.Cli.Commands;

namespace PlanBot.Cli;

/// <summary>The `planbot` command tree.</summary>
public static class PlanBotCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("PlanBot: import, inspect and export milestone plans kept in Azure Table storage.");
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(PlansCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(RemindCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(SnapshotCommand.Create());
        root.Subcommands.Add(PeopleCommand.Create());
        return root;
    }
}
