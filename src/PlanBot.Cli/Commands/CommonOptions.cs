using System.CommandLine;
using PlanBot.Core.Plans;

namespace PlanBot.Cli.Commands;

internal static class CommonOptions
{
    public static Option<string> Plan() => new("--plan", "-p")
    {
        Description = "Plan id: lower-case letters, digits and hyphens (e.g. odkm).",
        Required = true,
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
}
