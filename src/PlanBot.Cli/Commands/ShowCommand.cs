using System.CommandLine;
using System.Globalization;
using PlanBot.Core.Plans;
using PlanBot.Core.Updates;
using Spectre.Console;

namespace PlanBot.Cli.Commands;

/// <summary>`planbot show [--plan ID] REF [--history]`: one milestone, its exceptions and (optionally) its history.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var plan = CommonOptions.Plan(required: false);
        var reference = new Argument<string>("ref") { Description = "Milestone reference, e.g. 36, 6.17, 1.3.1 or 2c." };
        var history = new Option<bool>("--history") { Description = "Also list the milestone's update history, newest first." };
        var command = new Command("show", "Show one milestone.") { plan, reference, history };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var refText = parse.GetValue(reference)!;
            if (!MilestoneRef.TryParse(refText, out var milestoneRef))
                return Output.Fail($"'{refText}' is not a milestone reference (expected e.g. 36, 6.17, 1.3.1 or 2c).");

            await using var environment = CliEnvironment.Load();
            var store = environment.Plans;
            var (planId, problem) = await CommonOptions.ChoosePlanAsync(parse.GetValue(plan), store, cancellationToken);
            if (planId is null) return Output.Fail(problem!);
            var stored = await store.GetPlanAsync(planId, cancellationToken);
            if (stored is null)
            {
                var ids = (await store.ListPlansAsync(cancellationToken)).Select(p => p.Id).ToList();
                return Output.Fail(ids.Count == 0
                    ? $"There is no plan '{planId}'. No plans are stored yet."
                    : $"There is no plan '{planId}'. Stored plans: {string.Join(", ", ids)}.");
            }
            var milestone = stored.Plan.Find(milestoneRef);
            if (milestone is null)
            {
                var refs = stored.Plan.Milestones.Select(m => m.Ref).Order().ToList();
                var at = refs.FindIndex(r => r.CompareTo(milestoneRef) > 0) is var i and >= 0 ? i : refs.Count;
                var near = refs.Skip(Math.Max(0, at - 2)).Take(4).Select(r => r.Display);
                return Output.Fail($"Plan {planId} has no milestone {milestoneRef.Display}. Nearby references: {string.Join(", ", near)}.");
            }

            Print(milestone, stored.Plan, environment.Clock.Today);
            if (parse.GetValue(history))
                PrintHistory(await store.GetHistoryAsync(planId, milestoneRef, cancellationToken));
            return 0;
        });
        return command;
    }

    private static void Print(Milestone m, Plan plan, DateOnly today)
    {
        Output.Heading($"{m.Ref.Display} {m.Title}");
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) grid.AddRow(Markup.Escape(label), Markup.Escape(value));
        }
        Row("Plan", $"{plan.Id}: {plan.Name}");
        Row("Team", m.Team);
        Row("Department", m.Department);
        Row("Programme", m.Programme);
        Row("Requirement", m.Requirement);
        Row("Start", m.Start.IsBlank ? null : new TrackerDateView(m.Start).ToString());
        Row("Due", new TrackerDateView(m.Due).ToString());
        Row("Revised due", m.RevisedDue.IsBlank ? null : new TrackerDateView(m.RevisedDue).ToString());
        Row("Status", m.StatusText.Length > 0 ? $"{StatusNames.Title(m.Status)} (\"{m.StatusText}\")" : StatusNames.Title(m.Status));
        Row("RAG", m.Rag == Rag.None ? null : m.Rag.ToString());
        if (m.IsOverdueAt(today))
            Row("Overdue", $"by {m.DaysOverdueAt(today)} days as at {today:dd MMM yyyy}");
        Row("Critical path", m.CriticalPath ? "Yes" : null);
        Row("Committee sign-off", m.CommitteeSignOff);
        foreach (var group in m.Owners.GroupBy(o => o.RoleTitle))
            Row(group.Key, string.Join(", ", group.Select(o => o.IsDeputy ? $"{o.Display} (deputy)" : o.Display)));
        Row("Progress", m.ProgressNote);
        Row("Trend", m.Trend);
        Row("Evidence", m.Evidence);
        foreach (var (key, value) in m.OtherFields) Row(key, value);
        Row("Source", m.Source?.ToString());
        AnsiConsole.Write(grid);

        foreach (var e in plan.ExceptionsFor(m.Ref))
        {
            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Exception report[/] {e.ReportTitle ?? string.Empty}");
            if (e.Reason is not null) AnsiConsole.WriteLine($"  Reason: {e.Reason}");
            if (!e.ProposedRevisedDate.IsBlank) AnsiConsole.WriteLine($"  Proposed revised date: {new TrackerDateView(e.ProposedRevisedDate)}");
        }
    }

    private static void PrintHistory(IReadOnlyList<MilestoneHistoryEntry> history)
    {
        AnsiConsole.WriteLine();
        if (history.Count == 0)
        {
            AnsiConsole.WriteLine("No history yet: the milestone is as first imported.");
            return;
        }
        AnsiConsole.MarkupLine("[bold]History[/] (newest first)");
        foreach (var entry in history)
        {
            AnsiConsole.WriteLine($"  {entry.At:dd MMM yyyy HH:mm} {entry.By} via {entry.Source}{(entry.Note is null ? string.Empty : ": " + entry.Note)}");
            foreach (var change in entry.Changes)
                AnsiConsole.WriteLine("    " + HistoryWording.Describe(change));
        }
    }
}
