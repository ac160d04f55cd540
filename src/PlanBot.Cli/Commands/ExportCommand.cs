using System.CommandLine;
using System.Globalization;
using PlanBot.Core.Snapshots;
using PlanBot.Trackers.Exporting;
using Spectre.Console;
using PlanBot.Core.Questions;

namespace PlanBot.Cli.Commands;

/// <summary>`planbot export [--plan ID] --format csv|xlsx [--board-pack] --out FILE`</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var plan = CommonOptions.Plan(required: false);
        var format = new Option<string>("--format") { Description = "csv or xlsx.", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var boardPack = new Option<bool>("--board-pack")
        {
            Description = "The board pack (xlsx only): milestone tracker with RAG and trend, exception report, action concern report, "
                + "and RAG by area against the last stored weekly snapshot.",
        };
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write (replaced if it exists).", Required = true };
        var command = new Command("export", "Export a plan's milestones (and, in xlsx, its exception report), or its board pack.") { plan, format, boardPack, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(output)!;
            var csv = parse.GetValue(format) == "csv";
            if (parse.GetValue(boardPack) && csv)
                return Output.Fail("A board pack is a workbook of four sheets and has no CSV form: use --format xlsx with --board-pack.");

            await using var environment = CliEnvironment.Load();
            var store = environment.Plans;
            var (planId, problem) = await CommonOptions.ChoosePlanAsync(parse.GetValue(plan), store, cancellationToken);
            if (planId is null) return Output.Fail(problem!);
            var stored = await store.GetPlanAsync(planId, cancellationToken);
            if (stored is null) return Output.Fail($"There is no plan '{planId}'. 'planbot plans' lists the stored plans.");
            if (file.Directory is { Exists: false } dir) return Output.Fail($"The folder {dir.FullName} does not exist.");

            if (parse.GetValue(boardPack))
            {
                var pack = await BoardPack.LoadAsync(stored.Plan, environment.Snapshots, environment.Clock.Today,
                    environment.Clock.Time.GetUtcNow(), cancellationToken);
                if (WriteReplacing(file, path => BoardPackExport.Write(pack, path, cancellationToken)) is { } failure) return Output.Fail(failure);
                Describe(pack, file);
                return 0;
            }

            if (WriteReplacing(file, path =>
                {
                    if (csv) PlanTableExport.WriteCsv(stored.Plan, path, cancellationToken);
                    else PlanTableExport.WriteXlsx(stored.Plan, path, cancellationToken);
                }) is { } error)
            {
                return Output.Fail(error);
            }
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Exported {stored.Plan.Milestones.Count} milestones of plan {planId} to {file.FullName}.");
            return 0;
        });
        return command;
    }

    /// <summary>Writes beside the target and moves into place, so a failed export never leaves half a file; the failure, or null.</summary>
    private static string? WriteReplacing(FileInfo file, Action<string> write)
    {
        var temporary = file.FullName + ".partial";
        try
        {
            write(temporary);
            File.Move(temporary, file.FullName, overwrite: true);
            return null;
        }
        catch (IOException e)
        {
            File.Delete(temporary);
            return $"Could not write {file.FullName}: {e.Message}";
        }
        catch (UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return $"Not allowed to write {file.FullName}.";
        }
    }

    /// <summary>What went into the pack and which reports were compared, so the PMO can check before circulating it.</summary>
    private static void Describe(BoardPack pack, FileInfo file)
    {
        var open = pack.Concerns.Count(c => c.IsOpen);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Exported the board pack of plan {pack.Plan.Id} as at {QuestionAnswerer.Date(pack.AsAt)} to {file.FullName}: "
            + $"{Count(pack.Plan.Milestones.Count, "milestone")}, {Count(pack.Plan.Exceptions.Count, "exception report entry", "exception report entries")}, "
            + $"{Count(pack.Concerns.Count, "concern")} ({open} open, {pack.Concerns.Count - open} closed)."));
        Console.Out.WriteLine(pack.LastReport is { } last
            ? $"Compared this report (the plan now, week of {QuestionAnswerer.Date(pack.ThisReport.WeekOf)}) with the last report (the snapshot of the week of {QuestionAnswerer.Date(last.WeekOf)}, as at {QuestionAnswerer.Date(last.AsAt)}); "
                + $"concerns counted over {Count(pack.History.Weeks.Count, "earlier weekly snapshot")} and this report."
            : $"No snapshot before the week of {QuestionAnswerer.Date(pack.ThisReport.WeekOf)} is stored, so there is no last report to compare with and no trend: "
                + $"take one each week with `planbot snapshot --plan {pack.Plan.Id}`.");
    }


    private static string Count(int count, string one, string? many = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many ?? one + "s");
}
