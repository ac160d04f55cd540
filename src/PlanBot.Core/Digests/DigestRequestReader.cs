using System.Text.RegularExpressions;

namespace PlanBot.Core.Digests;

public enum DigestRequestKind
{
    /// <summary>"digest now", "digest for Finance": this week's digest, here and now.</summary>
    Now,

    /// <summary>"send me the weekly digest", "digest for Finance every Friday", "stop the digest".</summary>
    Subscription,
}

/// <summary>A digest asked for in chat; <see cref="Areas"/> is empty unless areas were named ("digest for Finance and CFO").</summary>
public sealed record DigestRequest(DigestRequestKind Kind, IReadOnlyList<string> Areas);

/// <summary>Tells a request for a digest from other text: "digest now", "digest", "weekly digest for Finance", "stop the digest".</summary>
public static partial class DigestRequestReader
{
    public static DigestRequest? TryRead(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalised = Whitespace().Replace(text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant(), " ");
        if (!normalised.Contains("digest", StringComparison.Ordinal)) return null;
        if (Subscription().IsMatch(normalised)) return new DigestRequest(DigestRequestKind.Subscription, []);
        if (Now().Match(normalised) is not { Success: true } now) return null;
        var areas = now.Groups["areas"].Success
            ? now.Groups["areas"].Value.Split([",", " and ", "&"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        return new DigestRequest(DigestRequestKind.Now, areas);
    }

    [GeneratedRegex(@"^(?:(?:show|give|send) me )?(?:the |this week's |a )?(?:weekly )?digest(?: now| preview)?(?: (?:for|of) (?<areas>.+?))?(?: now)?$")]
    private static partial Regex Now();

    [GeneratedRegex(@"\b(?:every|each|weekly digest to|subscribe|unsubscribe|stop|cancel|send me the weekly digest|send the weekly digest|on (?:mon|tues|wednes|thurs|fri)days?)\b")]
    private static partial Regex Subscription();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
