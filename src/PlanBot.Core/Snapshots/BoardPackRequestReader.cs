using System.Text.RegularExpressions;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Snapshots;

/// <summary>The board pack asked for in chat; <see cref="PlanId"/> is null unless a plan was named ("board pack for odkm").</summary>
public sealed record BoardPackRequest(string? PlanId);

/// <summary>
/// Tells a request for the board pack from other text: "board pack", "send me the board pack", "can I have this
/// week's board pack please", "board pack for odkm", "odkm board pack". The whole message must be the request, so a
/// question that mentions a board pack in passing is left to the question reader.
/// </summary>
public static partial class BoardPackRequestReader
{
    // Words beside "board pack" that do not name a plan: "board pack now", "monthly board pack".
    private static readonly HashSet<string> NotPlans = new(StringComparer.Ordinal)
    {
        "now", "please", "today", "again", "xlsx", "excel", "file", "monthly", "weekly", "new", "full", "current", "latest", "last",
    };

    public static BoardPackRequest? TryRead(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalised = Whitespace().Replace(text.Trim().TrimEnd('.', '!', '?').Trim().ToLowerInvariant(), " ").Replace('\u2019', '\'');
        normalised = BoardPackWords().Replace(normalised, "board pack");
        if (!normalised.Contains("board pack", StringComparison.Ordinal)) return null;
        if (Request().Match(normalised) is not { Success: true } match) return null;

        var plan = match.Groups["plan"].Success ? match.Groups["plan"].Value : null;
        if (plan is not null && NotPlans.Contains(plan)) plan = null;
        if (plan is not null && !PlanId.IsValid(plan)) return null;
        return new BoardPackRequest(plan);
    }

    [GeneratedRegex(@"\bboard ?-?packs?\b")]
    private static partial Regex BoardPackWords();

    [GeneratedRegex(
        @"^(?:please )?"
        + @"(?:(?:can|could|may) (?:i|you|we) (?:have|get|see|send me|give me|send us)(?: the)? |(?:send|give|get|show|email|share|export|download)(?: me| us)? |i(?: want| need| would like|'d like) )?"
        + @"(?:(?:the|a|our|my|latest|today's|this week's|this month's) )*"
        + @"(?:(?<plan>[a-z0-9][a-z0-9-]*) )?"
        + @"board pack"
        + @"(?: (?:for|of|from) (?:the )?(?:plan )?(?<plan>[a-z0-9][a-z0-9-]*)| plan (?<plan>[a-z0-9][a-z0-9-]*)| (?<plan>[a-z0-9][a-z0-9-]*))?"
        + @"(?: (?:now|please|as (?:an? )?(?:xlsx|excel|file|workbook)|as a file))*$")]
    private static partial Regex Request();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
