using System.CommandLine;
using PlanBot.Core.Plans;

namespace PlanBot.Cli.Commands;

internal static class CommonOptions
{
    /// <param name="required">False for commands that read a plan: with one plan stored, that plan (<see cref="ChoosePlanAsync"/>).</param>
    public static Option<string> Plan(bool required = true) => new("--plan", "-p")
    {
        Description = required
            ? "Plan id: lower-case letters, digits and hyphens (e.g. odkm)."
            : "Plan id: lower-case letters, digits and hyphens (e.g. odkm); may be left out when only one plan is stored.",
        Required = required,
        Validators =
        {
            result =>
            {
                var value = result.GetValueOrDefault<string>();
                if (!PlanId.IsValid(value))
                    result.AddError($"'{value}' is not a valid plan id: use 1 to 40 lower-case letters, digits or hyphens (e.g. odkm).");
            },
        },
    };

    /// <summary>The plan named, or the only plan stored; otherwise null and what to tell the user.</summary>
    public static async Task<(string? PlanId, string? Problem)> ChoosePlanAsync(string? given, IPlanStore store, CancellationToken cancellationToken)
    {
        if (given is not null) return (given, null);
        var plans = await store.ListPlansAsync(cancellationToken);
        return plans.Count switch
        {
            1 => (plans[0].Id, null),
            0 => (null, "No plans are stored yet: import one with `planbot import FILE --plan ID`."),
            _ => (null, $"{plans.Count} plans are stored ({string.Join(", ", plans.Select(p => p.Id))}): say which with --plan."),
        };
    }
}
