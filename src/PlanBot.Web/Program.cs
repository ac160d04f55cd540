using PlanBot.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlanBot(builder.Configuration);

var app = builder.Build();
app.MapPlanBotEndpoints();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
