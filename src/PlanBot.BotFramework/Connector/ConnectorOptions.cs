using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Connector;

/// <summary>Retry and pacing of outbound connector calls, section PlanBot:Bot:Connector.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "PlanBot:Bot:Connector";

    /// <summary>
    /// Teams allows a bot 7 messages per second, 8 per 2 s, 60 per 30 s and 1,800 per hour in one conversation; these
    /// stay a little below, because the limits may change and other work of the same bot shares them.
    /// </summary>
    public static IReadOnlyList<RateLimit> TeamsConversationLimits { get; } =
    [
        new() { PermitLimit = 6, Window = TimeSpan.FromSeconds(1) },
        new() { PermitLimit = 7, Window = TimeSpan.FromSeconds(2) },
        new() { PermitLimit = 55, Window = TimeSpan.FromSeconds(30) },
        new() { PermitLimit = 1700, Window = TimeSpan.FromHours(1) },
    ];

    /// <summary>Teams allows 50 requests per second per app per tenant; pacing at 40 leaves room for replies and retries.</summary>
    public static RateLimit TeamsGlobalLimit { get; } = new() { PermitLimit = 40, Window = TimeSpan.FromSeconds(1) };

    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first backoff; each retry doubles it (with jitter) up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait. A Retry-After beyond it is handed back to the caller rather than slept through.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take. A timed-out attempt is not retried: Teams may already have posted it.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-conversation send limits; null means <see cref="TeamsConversationLimits"/>.</summary>
    public RateLimit[]? ConversationLimits { get; set; }

    /// <summary>The limit across all conversations; null means <see cref="TeamsGlobalLimit"/>.</summary>
    public RateLimit? GlobalLimit { get; set; }

    public IReadOnlyList<RateLimit> EffectiveConversationLimits =>
        ConversationLimits is { Length: > 0 } configured ? configured : TeamsConversationLimits;

    public RateLimit EffectiveGlobalLimit => GlobalLimit ?? TeamsGlobalLimit;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxAttempts < 1) problems.Add($"{Section}:MaxAttempts must be at least 1.");
        if (BaseDelay <= TimeSpan.Zero) problems.Add($"{Section}:BaseDelay must be positive.");
        if (MaxDelay < BaseDelay) problems.Add($"{Section}:MaxDelay must be at least BaseDelay.");
        if (AttemptTimeout <= TimeSpan.Zero) problems.Add($"{Section}:AttemptTimeout must be positive.");
        foreach (var limit in EffectiveConversationLimits.Append(EffectiveGlobalLimit))
        {
            if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero)
                problems.Add($"{Section}: the rate limit {limit} needs a PermitLimit of at least 1 and a positive Window.");
        }
        return problems;
    }
}

/// <summary>At most <see cref="PermitLimit"/> requests in any <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }

    public override string ToString() => $"{PermitLimit} per {Window}";
}

internal sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
