using PlanBot.Cli;
using Spectre.Console;

// Piped or captured output is read by scripts and logs: keep each message on one line.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 400;

return await PlanBotCommandLine.Build().Parse(args).InvokeAsync();
