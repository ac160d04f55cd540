using System.CommandLine;
using System.Globalization;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Questions;

namespace PlanBot.Cli.Commands;

/// <summary>
/// `planbot snapshot --plan ID [--at DATE]`: takes the plan as it stands and stores it as that week's snapshot, the
/// "last report" a later board pack and digest compare with. Run weekly, or with --at to seed history for earlier weeks.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var plan = CommonOptions.Plan();
        var at = new Option<string?>("--at")
        {
            Description = "The day to take it as at, yyyy-MM-dd (default today). It is stored as that day's week, Monday to Sunday, "
                + "replacing any snapshot already stored for that week.",
        };
        var command = new Command("snapshot", "Store this week's snapshot of a plan (every milestone's status, RAG and dates), for board packs and digests.") { plan, at };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = CliEnvironment.Load();
            var asAt = environment.Clock.Today;
            if (parse.GetValue(at) is { } text
                && !DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asAt))
            {
                return Output.Fail($"--at '{text}' is not a date; write it as yyyy-MM-dd, e.g. 2020-01-20.");
            }

            var planId = parse.GetValue(plan)!;
            var stored = await environment.Plans.GetPlanAsync(planId, cancellationToken);
            if (stored is null) return Output.Fail($"There is no plan '{planId}'. 'planbot plans' lists the stored plans.");

            var snapshots = environment.Snapshots;
            var snapshot = PlanSnapshot.Take(stored.Plan, asAt, environment.Clock.Time.GetUtcNow());
            var replacing = (await snapshots.ListWeeksAsync(planId, cancellationToken)).Contains(snapshot.WeekOf);
            await snapshots.SaveAsync(snapshot, cancellationToken);
            var weeks = await snapshots.ListWeeksAsync(planId, cancellationToken);

            var counts = RagCounts.Of(snapshot.Milestones);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Stored the snapshot of plan {planId} for the week of {QuestionAnswerer.Date(snapshot.WeekOf)} (as at {QuestionAnswerer.Date(asAt)}): {snapshot.Milestones.Count:N0} milestones, "
                + $"{counts.Red} red, {counts.Amber} amber, {counts.Green} green, {counts.Blue} blue, {counts.None} without a RAG; "
                + $"{snapshot.Milestones.Count(m => m.IsConcern)} concerns (red, delayed or overdue).{(replacing ? " It replaces the snapshot stored earlier for that week." : "")}"));
            if (asAt != environment.Clock.Today)
                Console.Out.WriteLine($"Statuses and RAG are the plan's as stored now; only overdue is judged as at {QuestionAnswerer.Date(asAt)}.");
            Console.Out.WriteLine(weeks.Count == 1
                ? $"Plan {planId} has a snapshot for 1 week: {QuestionAnswerer.Date(weeks[0])}."
                : $"Plan {planId} has snapshots for {weeks.Count} weeks, from {QuestionAnswerer.Date(weeks[0])} to {QuestionAnswerer.Date(weeks[^1])}.");
            return 0;
        });
        return command;
    }

}
