using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace PlanBot.Cli.Commands;

/// <summary>`planbot plans`: the stored plans.</summary>
internal static class PlansCommand
{
    public static Command Create()
    {
        var command = new Command("plans", "List the stored plans.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var environment = CliEnvironment.Load();
            var plans = await environment.Plans.ListPlansAsync(cancellationToken);
            if (plans.Count == 0)
            {
                AnsiConsole.WriteLine("No plans yet. Import one with: planbot import FILE --plan ID");
                return 0;
            }
            var table = new TextTable([("Plan", 4), ("Name", 20), ("Milestones", 10), ("Exceptions", 10), ("Imported", 17), ("By", 8)], 1, 5);
            foreach (var p in plans)
                table.AddRow(p.Id, p.Name, p.MilestoneCount.ToString(CultureInfo.InvariantCulture), p.ExceptionCount.ToString(CultureInfo.InvariantCulture),
                    p.ImportedAt.ToString("dd MMM yyyy HH:mm", CultureInfo.InvariantCulture), p.ImportedBy);
            Output.Write(table);
            return 0;
        });
        return command;
    }
}
