namespace PlanBot.BotFramework.Hosting;

/// <summary>Settings of the /api/messages pipeline, section PlanBot:Bot.</summary>
public sealed class BotAdapterOptions
{
    public const string Section = "PlanBot:Bot";

    /// <summary>Larger bodies are refused with 413. Teams messages are at most about 100 KB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>A message turn still running after this long gets a typing indicator, so the user sees work going on.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromSeconds(1);
}
