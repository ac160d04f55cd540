using PlanBot.Cli;

return await PlanBotCommandLine.Build().Parse(args).InvokeAsync();
