using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using PlanBot.Application.Reminders;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;
using Spectre.Console;

namespace PlanBot.Cli.Commands;

/// <summary>
/// `planbot remind --plan ID [--dry-run] [--at INSTANT]`: with --dry-run, who would be reminded of what at that instant,
/// and why, and how many milestones have no reminder due, by reason; without it, one sweep of the plan as at that
/// instant that sends, through the same services, ledger and claims as the web host's scheduler (so a reminder the
/// host already sent is not sent again).
/// </summary>
internal static class RemindCommand
{
    public static Command Create()
    {
        var plan = CommonOptions.Plan();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show who would get which reminder and why; send nothing." };
        var at = new Option<string?>("--at") { Description = "The instant to sweep as at, ISO 8601 (e.g. 2020-01-22T09:00:00Z); default now." };
        var command = new Command("remind", "Run one reminder sweep of a plan and send what is due; with --dry-run, only show who would be reminded and why.") { plan, dryRun, at };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = CliEnvironment.Load();
            var now = environment.Clock.Time.GetUtcNow();
            if (parse.GetValue(at) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
                    return Output.Fail($"--at '{text}' is not an instant; write it as ISO 8601, e.g. 2020-01-22T09:00:00Z.");
            }

            var planId = parse.GetValue(plan)!;
            var stored = await environment.Plans.GetPlanAsync(planId, cancellationToken);
            if (stored is null) return Output.Fail($"There is no plan '{planId}'. Run `planbot plans` to see the stored plans.");
            if (!parse.GetValue(dryRun)) return await SendAsync(environment, stored.Plan.Id, now, cancellationToken);
            ReminderPlanner planner;
            ReminderOptions options;
            try
            {
                planner = environment.Get<ReminderPlanner>();
                options = environment.Get<ReminderOptions>();
            }
            catch (OptionsValidationException e)
            {
                return Output.Fail("The reminder settings are not usable: " + string.Join(" ", e.Failures));
            }
            var states = await environment.Get<IReminderLedger>().GetStatesAsync(planId, cancellationToken);
            var sweep = ReminderSweep.Decide(stored.Plan, states, planner, now);

            // What people would receive: one card per person per milestone, an escalation and a reminder to the same
            // name merged, as the sweep does (it tells people apart by Entra object id; here, by name).
            var notices = ReminderNotices.For(sweep.Due, LondonTime.DateOf(now), owner => owner.Name.Trim().ToLowerInvariant());
            var people = notices.Where(n => n.Person is not null).Select(n => n.PersonKey).Distinct().Count();
            Console.Out.WriteLine($"Plan {planId} as at {Clock(now)} (London): " +
                (sweep.InSendWindow
                    ? $"{notices.Count} reminder{(notices.Count == 1 ? "" : "s")} due to {people} {(people == 1 ? "person" : "people")}."
                    : $"outside the send window, so nothing is sent; it opens at {Clock(sweep.NextSendWindow)}."));
            Console.Out.WriteLine($"Policy ({ReminderPolicyOptions.Section}): {planner.Policy.Describe()}");
            if (notices.Count > 0)
            {
                var table = new TextTable([("Ref", 3), ("To", 14), ("Reminder", 10), ("Why", 24)], 3, 1, 2);
                foreach (var notice in notices)
                    table.AddRow(
                        notice.Ref.Display,
                        notice.Person?.Name ?? "nobody named: tell the PMO",
                        string.Join(" + ", notice.Reminders.Select(r => r.Kind)),
                        notice.Reason);
                Output.Write(table);
                // The configured threshold, as the sweep reads it, not the default.
                var groupAbove = options.GroupAbove;
                var grouped = notices.Where(n => n.Person is not null).GroupBy(n => n.PersonKey).Count(g => g.Count() > groupAbove);
                if (grouped > 0)
                    Console.Out.WriteLine($"  {grouped} {(grouped == 1 ? "person gets" : "people get")} theirs as one message listing them " +
                        $"(more than {groupAbove}; PlanBot:Reminders:GroupAbove).");
            }
            foreach (var (outcome, count) in sweep.Counts.Where(c => c.Key != ReminderOutcome.Due).OrderByDescending(c => c.Value))
                Console.Out.WriteLine($"  {count} {Describe(outcome)}");
            return 0;
        });
        return command;
    }

    private static async Task<int> SendAsync(CliEnvironment environment, string planId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        SweepReport report;
        try
        {
            report = await environment.Get<ReminderDispatcher>().SweepAsync(now, planId, cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            return Output.Fail("The settings are not usable: " + string.Join(" ", e.Failures));
        }

        if (report.NextSendWindow is { } opens)
        {
            Console.Out.WriteLine($"Plan {planId} as at {Clock(now)} (London): outside the send window, so nothing was sent; it opens at {Clock(opens)}.");
            return 0;
        }
        Console.Out.WriteLine($"Plan {planId} as at {Clock(now)} (London): {report.Due} reminder{(report.Due == 1 ? "" : "s")} due, {report.Sent} sent " +
            $"in {report.Messages} message{(report.Messages == 1 ? "" : "s")}, {report.Released} given back for the next sweep, {report.GivenUp} given up for today, " +
            $"{report.ClaimedElsewhere} already sent today or being sent by another host.");
        foreach (var line in report.Unreachable) Console.Out.WriteLine("  Not delivered: " + line);
        return 0;
    }

    private static string Clock(DateTimeOffset instant) => LondonTime.ToLondon(instant).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Describe(ReminderOutcome outcome) => outcome switch
    {
        ReminderOutcome.Finished => "finished (complete or closed)",
        ReminderOutcome.NoDueDate => "with no due date",
        ReminderOutcome.OutsideCalendar => "with a due date outside 1995-2100",
        ReminderOutcome.NotYet => "not due a reminder yet",
        ReminderOutcome.OutsideSendWindow => "not looked at: outside the send window",
        ReminderOutcome.Snoozed => "snoozed",
        ReminderOutcome.AlreadySent => "already reminded for this slot",
        ReminderOutcome.AnsweredThisRound => "answered since the last reminder",
        _ => outcome.ToString(),
    };
}
