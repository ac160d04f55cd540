using System.CommandLine;
using System.Globalization;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;
using Spectre.Console;

namespace PlanBot.Cli.Commands;

/// <summary>`planbot import FILE --plan ID [--dry-run] [--sheet NAME] [--map "Header=Field"]…`</summary>
internal static class ImportCommand
{
    private const int ListLimit = 40;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tracker file: .xlsx, .csv, .tsv or .txt (tab-delimited)." };
        var plan = CommonOptions.Plan();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change, save nothing." };
        var sheet = new Option<string?>("--sheet") { Description = "Read only this sheet of a workbook." };
        var map = new Option<string[]>("--map")
        {
            Description = "Name a column the built-in header names miss: \"Deliverable=Title\". Repeat or separate with ';'.",
            AllowMultipleArgumentsPerToken = false,
        };
        var name = new Option<string?>("--name") { Description = "Plan name (default: the file's title line)." };
        var financialYear = new Option<int?>("--financial-year")
        {
            Description = "First year of the plan's financial year, e.g. 2018 for 2018/19, for dates written without a year.",
        };
        var prefer = new Option<MergePreference>("--prefer")
        {
            Description = "Which side wins a field both the file and Teams changed since the last import: teams (default, the owner's newer update) or tracker.",
            DefaultValueFactory = _ => MergePreference.Teams,
        };
        var verbose = new Option<bool>("--verbose") { Description = "List every warning and change, not just the first " + ListLimit + "." };

        var command = new Command("import", "Import a tracker into a plan: all or nothing, updating milestones in place and keeping their history.")
        {
            file, plan, dryRun, sheet, map, name, financialYear, prefer, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<ColumnMapping> mappings;
            try
            {
                mappings = ColumnMapping.ParseList(parse.GetValue(map) ?? []);
            }
            catch (FormatException e)
            {
                return Output.Fail(e.Message);
            }
            var options = new TrackerImportOptions
            {
                PlanId = parse.GetValue(plan)!,
                PlanName = parse.GetValue(name),
                Sheet = parse.GetValue(sheet),
                ColumnMap = mappings,
                FinancialYearStart = parse.GetValue(financialYear),
            };
            return await RunAsync(parse.GetValue(file)!, options, parse.GetValue(prefer), parse.GetValue(dryRun), parse.GetValue(verbose), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, TrackerImportOptions options, MergePreference prefer, bool dryRun, bool verbose, CancellationToken cancellationToken)
    {
        await using var environment = CliEnvironment.Load();
        var service = new PlanImportService(environment.Plans, environment.Clock.Time);
        ImportPreview preview;
        try
        {
            preview = await service.PreviewAsync(file.FullName, options, prefer, cancellationToken);
        }
        catch (TrackerFileException e)
        {
            return Output.Fail(e.Message);
        }

        var result = preview.Result;
        foreach (var table in result.Tables)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Found {Describe(table)}.[/]");
        PrintSummary(result.Summary);

        var errors = result.Errors.ToList();
        if (errors.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{errors.Count} error(s) in {file.Name}:[/]");
            PrintMessages(errors, verbose);
            PrintMessages(result.Warnings.ToList(), verbose, "warning");
            AnsiConsole.MarkupLine("[red]Nothing was imported.[/] Fix the errors above and import again.");
            return 1;
        }

        var plan = preview.Merge?.Merged ?? result.Plan!;
        var diff = preview.Diff!;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Plan [bold]{plan.Id}[/]: {plan.Name}");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{plan.Milestones.Count} milestones, {plan.Exceptions.Count} exception report entries.");
        PrintDiff(diff, preview.Existing, verbose);
        PrintConflicts(preview.Merge, verbose);
        PrintMessages(result.Warnings.ToList(), verbose, "warning");

        if (dryRun)
        {
            AnsiConsole.MarkupLine("[yellow]Dry run: nothing was saved.[/] Run again without --dry-run to import.");
            return 0;
        }
        if (preview.Existing is not null && diff.IsEmpty && preview.Existing.ExceptionCount == plan.Exceptions.Count)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Plan {plan.Id} is already up to date; nothing to save.");
            return 0;
        }

        PlanSummary saved;
        try
        {
            saved = await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Saving {plan.Milestones.Count} milestones", maxValue: Math.Max(1, plan.Milestones.Count));
                    var progress = new Progress<int>(written => task.Value = written);
                    var summary = await service.CommitAsync(preview, CliEnvironment.CurrentUser, progress, cancellationToken);
                    task.Value = task.MaxValue;
                    return summary;
                });
        }
        catch (PlanConcurrencyException e)
        {
            return Output.Fail($"{e.Message} Nothing was imported; run the import again to compare with the latest plan.");
        }
        catch (OperationCanceledException)
        {
            return Output.Fail("Import cancelled. Nothing was changed: the previous plan is still in place.");
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[green]Imported plan {saved.Id}:[/] {saved.MilestoneCount} milestones ({diff.Added.Count} added, {diff.Changed.Count} changed, {diff.Removed.Count} removed, {diff.Unchanged} unchanged).");
        return 0;
    }

    /// <summary>
    /// What became of the data rows (the counts add up), how columns were read where the header alone did not say,
    /// how milestones were numbered, the report date, and the first skipped rows with their reasons.
    /// </summary>
    private static void PrintSummary(ImportSummary summary)
    {
        if (summary.SheetChoice is { } sheet)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Sheet: {sheet}[/]");
        AnsiConsole.WriteLine(summary.Line());
        foreach (var decision in summary.ColumnDecisions)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Column {decision}.[/]");
        if (summary.RatingsFromColour > 0)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]RAG: {summary.RatingsFromColour} rating(s) read from the cell's colour, the cell holding no text.[/]");
        if (summary.OwnerKey is { } ownerKey)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Owners: {ownerKey.Sentence()}[/]");
        if (summary.GeneratedRefsReason is { } numbering)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]References: {numbering}.[/]");
        if (summary.ReportDate is { } reportDate)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Report date stated in the file: {reportDate:d MMMM yyyy}.[/]");
        if (summary.Skipped == 0) return;
        var listed = summary.FirstSkipped.Count < summary.Skipped ? $"the first {summary.FirstSkipped.Count}" : "each";
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]{summary.Skipped} row(s) skipped; {listed} with the reason:[/]");
        foreach (var skipped in summary.FirstSkipped)
            AnsiConsole.WriteLine("  " + skipped);
    }

    private static string Describe(FoundTable table)
    {
        var kind = table.Kind switch
        {
            TableKind.Milestones => "milestone table",
            TableKind.ExceptionReport => "exception report",
            _ => "action concern report",
        };
        var sheet = table.Sheet is null ? string.Empty : $" on sheet '{table.Sheet}'";
        var records = table.Kind == TableKind.ActionConcernReport ? "not imported" : $"{table.Records} read";
        return $"{kind}{sheet} with its header at row {table.HeaderRow} ({records})";
    }

    private static void PrintDiff(PlanDiff diff, PlanSummary? existing, bool verbose)
    {
        if (existing is null)
        {
            AnsiConsole.MarkupLine("New plan: every milestone will be added.");
            return;
        }
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Compared with the stored plan (imported {existing.ImportedAt:dd MMM yyyy HH:mm} by {existing.ImportedBy}): {diff.Added.Count} added, {diff.Changed.Count} changed, {diff.Removed.Count} removed, {diff.Unchanged} unchanged.");
        var limit = verbose ? int.MaxValue : ListLimit;
        foreach (var m in diff.Added.Take(limit))
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [green]+ {m.Ref.Display}[/] {AnswerFormat.Shorten(m.Title)}");
        foreach (var c in diff.Changed.Take(limit))
        {
            var fields = string.Join("; ", c.Changes.Select(f => $"{f.Field}: {AnswerFormat.Shorten(f.Old ?? "(blank)", 30)} → {AnswerFormat.Shorten(f.New ?? "(blank)", 30)}"));
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [yellow]~ {c.Ref.Display}[/] {fields}");
        }
        foreach (var m in diff.Removed.Take(limit))
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [red]- {m.Ref.Display}[/] {AnswerFormat.Shorten(m.Title)} (its history is kept)");
        var hidden = Math.Max(0, diff.Added.Count - limit) + Math.Max(0, diff.Changed.Count - limit) + Math.Max(0, diff.Removed.Count - limit);
        if (hidden > 0) AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  … and {hidden} more; --verbose lists them all.");
    }

    private static void PrintConflicts(PlanMerge? merge, bool verbose)
    {
        if (merge is null) return;
        if (merge.FieldsKeptFromTeams > 0 && merge.Conflicts.Count == 0)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{merge.FieldsKeptFromTeams} field(s) updated in Teams since the last import are kept: the file did not change them.");
        if (merge.Conflicts.Count == 0) return;
        var kept = merge.Conflicts.Count(c => c.KeptOurs);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[yellow]{merge.Conflicts.Count} conflict(s):[/] the file and Teams both changed these since the last import; {kept} kept from Teams, {merge.Conflicts.Count - kept} taken from the file.");
        var limit = verbose ? int.MaxValue : ListLimit;
        foreach (var c in merge.Conflicts.Take(limit))
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [yellow]! {c.Describe()}[/]");
        if (merge.Conflicts.Count > limit)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  … and {merge.Conflicts.Count - limit} more; --verbose lists them all.");
        if (kept > 0) AnsiConsole.MarkupLine("  Run again with --prefer tracker to take the file's values instead.");
    }

    private static void PrintMessages(List<ImportMessage> messages, bool verbose, string? label = null)
    {
        if (messages.Count == 0) return;
        if (label is not null) AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]{messages.Count} {label}(s):[/]");
        var limit = verbose ? int.MaxValue : ListLimit;
        foreach (var message in messages.Take(limit))
            AnsiConsole.WriteLine("  " + message);
        if (messages.Count > limit)
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  … and {messages.Count - limit} more; --verbose lists them all.");
    }

}
