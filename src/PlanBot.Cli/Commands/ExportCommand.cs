using System.CommandLine;
using PlanBot.Trackers.Exporting;
using Spectre.Console;

namespace PlanBot.Cli.Commands;

/// <summary>`planbot export --plan ID --format csv|xlsx --out FILE`</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var plan = CommonOptions.Plan();
        var format = new Option<string>("--format") { Description = "csv or xlsx.", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write (replaced if it exists).", Required = true };
        var command = new Command("export", "Export a plan's milestones (and, in xlsx, its exception report).") { plan, format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var planId = parse.GetValue(plan)!;
            var file = parse.GetValue(output)!;
            var stored = await CliEnvironment.Load().CreateStore().GetPlanAsync(planId, cancellationToken);
            if (stored is null) return Output.Fail($"There is no plan '{planId}'. 'planbot plans' lists the stored plans.");
            if (file.Directory is { Exists: false } dir) return Output.Fail($"The folder {dir.FullName} does not exist.");

            // Write beside the target and move into place, so a failed export never leaves half a file.
            var temporary = file.FullName + ".partial";
            try
            {
                if (parse.GetValue(format) == "csv") PlanTableExport.WriteCsv(stored.Plan, temporary, cancellationToken);
                else PlanTableExport.WriteXlsx(stored.Plan, temporary, cancellationToken);
                File.Move(temporary, file.FullName, overwrite: true);
            }
            catch (IOException e)
            {
                File.Delete(temporary);
                return Output.Fail($"Could not write {file.FullName}: {e.Message}");
            }
            catch (UnauthorizedAccessException)
            {
                File.Delete(temporary);
                return Output.Fail($"Not allowed to write {file.FullName}.");
            }
            AnsiConsole.MarkupLineInterpolated($"Exported {stored.Plan.Milestones.Count} milestones of plan {planId} to {file.FullName}.");
            return 0;
        });
        return command;
    }
}
