using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.People;
using PlanBot.People.Graph;
using Spectre.Console;

namespace PlanBot.Cli.Commands;

/// <summary>`planbot people import FILE [--dry-run]` and `planbot people unresolved --plan ID`.</summary>
internal static class PeopleCommand
{
    private const int RefLimit = 20;

    public static Command Create()
    {
        var command = new Command("people", "The people file, and how the owner names in plans resolve to people.")
        {
            CreateImport(),
            CreateUnresolved(),
        };
        return command;
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "People file: CSV with the header " + PeopleFile.Header + " (Roles separated by ';')." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and show what would change, save nothing." };
        var command = new Command("import", "Replace the stored people with a people file: all or nothing.") { file, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var check = PeopleFileReader.Read(path.FullName);
            if (!check.IsValid)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{check.Problems.Count} error(s) in {path.Name}:[/]");
                foreach (var problem in check.Problems) AnsiConsole.WriteLine("  " + problem);
                AnsiConsole.MarkupLine("[red]Nothing was imported.[/] Fix the errors above and import again.");
                return 1;
            }

            var people = check.People;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{path.Name}: {Describe(people)}.");
            await using var environment = CliEnvironment.Load();
            var store = environment.Get<IPeopleStore>();
            var stored = await store.GetPeopleAsync(cancellationToken);
            PrintChanges(stored, people);

            if (parse.GetValue(dryRun))
            {
                AnsiConsole.MarkupLine("[yellow]Dry run: nothing was saved.[/] Run again without --dry-run to import.");
                return 0;
            }

            PeopleSetInfo saved;
            try
            {
                saved = await store.ReplaceAllAsync(people, CliEnvironment.CurrentUser, path.Name, cancellationToken);
            }
            catch (PeopleConcurrencyException e)
            {
                return Output.Fail(e.Message);
            }
            catch (OperationCanceledException)
            {
                return Output.Fail("Import cancelled. Nothing was changed: the previous people are still in place.");
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Imported {saved.Count} people[/] from {path.Name}.");
            return 0;
        });
        return command;
    }

    private static Command CreateUnresolved()
    {
        var plan = CommonOptions.Plan();
        var command = new Command("unresolved", "List the owner names in a plan that do not resolve to one person, why, and the milestones that name them.") { plan };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = CliEnvironment.Load();
            var planStore = environment.Plans;
            var planId = parse.GetValue(plan)!;
            var stored = await planStore.GetPlanAsync(planId, cancellationToken);
            if (stored is null)
            {
                var ids = (await planStore.ListPlansAsync(cancellationToken)).Select(p => p.Id).ToList();
                return Output.Fail(ids.Count == 0
                    ? $"There is no plan '{planId}'. No plans are stored yet."
                    : $"There is no plan '{planId}'. Stored plans: {string.Join(", ", ids)}.");
            }

            IDirectorySearch directory;
            try
            {
                directory = environment.Get<IDirectorySearch>();
            }
            catch (OptionsValidationException e)
            {
                return Output.Fail(string.Join(" ", e.Failures));
            }

            var people = await environment.Get<IPeopleStore>().GetPeopleAsync(cancellationToken);
            var resolver = environment.Get<OwnerResolver>();

            // Each name once, in plan order, with every milestone that names it (under any spelling PersonName.Tidy folds together).
            var owners = stored.Plan.Milestones
                .SelectMany(m => m.Owners.Select(o => (o.Name, m.Ref)))
                .GroupBy(o => PersonName.Tidy(o.Name).ToLowerInvariant())
                .Where(g => g.Key.Length > 0)
                .Select(g => (Name: g.First().Name, Refs: g.Select(o => o.Ref).Distinct().Order().ToList()))
                .ToList();

            IReadOnlyList<OwnerResolution> resolutions;
            try
            {
                resolutions = await resolver.ResolveAllAsync(owners.Select(o => o.Name), cancellationToken);
            }
            catch (DirectorySearchException e)
            {
                return Output.Fail($"{e.Message} Nothing was checked; try again, or set {GraphDirectoryOptions.Section}__Enabled=false to use the people file alone.");
            }

            PrintUnresolved(stored.Plan, owners.Select(o => o.Refs).ToList(), resolutions, people, directory);
            return 0;
        });
        return command;
    }

    private static void PrintUnresolved(Plan plan, List<List<MilestoneRef>> refs, IReadOnlyList<OwnerResolution> resolutions, PeopleSet people, IDirectorySearch directory)
    {
        var fromFile = resolutions.Count(r => r.IsResolved && r.Source == OwnerSource.PeopleFile);
        var fromDirectory = resolutions.Count(r => r.IsResolved && r.Source == OwnerSource.Directory);
        var unresolved = resolutions.Select((r, i) => (Resolution: r, Refs: refs[i])).Where(x => !x.Resolution.IsResolved)
            .OrderBy(x => x.Resolution.Outcome).ThenBy(x => x.Resolution.Name, StringComparer.OrdinalIgnoreCase).ToList();

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Plan [bold]{plan.Id}[/]: {resolutions.Count} owner name(s); {fromFile + fromDirectory} resolve ({fromFile} from the people file, {fromDirectory} from the directory), {unresolved.Count} do not.");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]People file: {(people.Info is { } info
            ? $"{info.Count} people from {info.SourceFile ?? "a file"}, imported {info.ImportedAt:dd MMM yyyy HH:mm} by {info.ImportedBy}"
            : "none imported yet (planbot people import FILE)")}.[/]");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Directory: {directory.Description}[/]");

        if (unresolved.Count == 0)
        {
            AnsiConsole.MarkupLine("[green]Every owner name resolves to one person.[/]");
            return;
        }

        var table = new TextTable([("Owner", 14), ("Why", 24), ("Milestones", 12)], 1, 2, 0);
        foreach (var (resolution, milestoneRefs) in unresolved)
            table.AddRow(resolution.Name, resolution.Problem(directory.IsAvailable), RefList(milestoneRefs));
        Output.Write(table);
    }

    private static string RefList(List<MilestoneRef> refs) =>
        string.Join(", ", refs.Take(RefLimit).Select(r => r.Display)) + (refs.Count > RefLimit ? $" and {refs.Count - RefLimit} more" : string.Empty);

    private static string Describe(IReadOnlyList<Person> people)
    {
        var parts = new List<string> { $"{people.Count} people" };
        var admins = people.Count(p => p.IsPmoAdmin);
        var delegates = people.Count(p => p.Delegate is not null);
        var withoutId = people.Count(p => p.AadObjectId is null);
        if (admins > 0) parts.Add($"{admins} PMO admin(s)");
        if (delegates > 0) parts.Add($"{delegates} with a delegate");
        if (withoutId > 0) parts.Add($"{withoutId} with no AadObjectId (completed by email from the directory, where there is one)");
        return string.Join(", ", parts);
    }

    private static void PrintChanges(PeopleSet stored, IReadOnlyList<Person> people)
    {
        if (stored.Info is not { } info)
        {
            AnsiConsole.WriteLine("No people are stored yet: every person will be added.");
            return;
        }

        var before = stored.People.ToDictionary(p => PersonName.Key(p.Name), StringComparer.Ordinal);
        var after = people.ToDictionary(p => PersonName.Key(p.Name), StringComparer.Ordinal);
        var added = after.Keys.Count(k => !before.ContainsKey(k));
        var removed = before.Keys.Count(k => !after.ContainsKey(k));
        var changed = after.Count(a => before.TryGetValue(a.Key, out var old) && !Same(old, a.Value));
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Compared with the stored people ({info.Count}, imported {info.ImportedAt:dd MMM yyyy HH:mm} by {info.ImportedBy}): {added} added, {changed} changed, {removed} removed, {after.Count - added - changed} unchanged.");
    }

    private static bool Same(Person a, Person b) =>
        a.Name == b.Name && a.Email == b.Email && a.AadObjectId == b.AadObjectId && a.Delegate == b.Delegate && a.Roles.SequenceEqual(b.Roles);
}
