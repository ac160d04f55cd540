using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Schema;

namespace PlanBot.Web.Bot;

/// <summary>Settings of <see cref="HeavyWorkLimiter"/>, section PlanBot:Bot:HeavyWork.</summary>
public sealed class HeavyWorkOptions
{
    public const string Section = "PlanBot:Bot:HeavyWork";

    /// <summary>Digests or board packs one user may ask for in a row.</summary>
    public int Burst { get; set; } = 3;

    /// <summary>Then one more per this long.</summary>
    public TimeSpan RefillEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Users remembered at once (the idle ones are forgotten first).</summary>
    public int MaxTrackedUsers { get; set; } = 10_000;
}

/// <summary>
/// A second, tighter allowance per user for what costs far more than an answer: composing a digest now, and building a
/// board pack (a workbook of the whole plan). The inbound rate limit still applies to every message; this one keeps a
/// user within it from making the host compose dozens of digests a minute.
/// </summary>
public sealed class HeavyWorkLimiter(IOptions<HeavyWorkOptions> options, TimeProvider time)
{
    public const string WaitAMinute = "I've just made a few of those for you. Please wait a minute before asking for another digest or board pack.";

    private readonly KeyedTokenBuckets _buckets = new(options.Value.Burst, options.Value.RefillEvery, options.Value.MaxTrackedUsers, time);

    /// <summary>True when the sender may have another digest or board pack now.</summary>
    public bool TryStart(Activity activity) => _buckets.TryTake(InboundRateLimiter.UserKey(activity), out _, out _);
}
