namespace PlanBot.BotFramework.Hosting;

/// <summary>Settings of the /api/messages pipeline, section PlanBot:Bot.</summary>
public sealed class BotAdapterOptions
{
    public const string Section = "PlanBot:Bot";

    /// <summary>Larger bodies are refused with 413. Teams messages are at most about 100 KB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>A message turn still running after this long gets a typing indicator, so the user sees work going on.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Entra tenant ids whose activities the bot serves (PlanBot:Bot:AllowedTenants:0=…). Empty means the bot's own
    /// tenant, MicrosoftAppTenantId. Anyone can upload an app that uses this bot's id in their own tenant, and Teams
    /// then sends their traffic with a valid channel token, so the tenant is checked on every activity.
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>How many messages and card actions one user may send at once, and how fast they may go on after that.</summary>
    public InboundRateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>A token bucket per user (tenant + Entra object id), section PlanBot:Bot:RateLimit.</summary>
public sealed class InboundRateLimitOptions
{
    /// <summary>Messages and card actions one user may send in a burst.</summary>
    public int Burst { get; set; } = 10;

    /// <summary>How fast a user's allowance refills: one message per this long (2 s = 30 a minute).</summary>
    public TimeSpan RefillEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Users remembered at once; the idle ones are forgotten first, so a flood of identities cannot grow memory.</summary>
    public int MaxTrackedUsers { get; set; } = 10_000;
}
