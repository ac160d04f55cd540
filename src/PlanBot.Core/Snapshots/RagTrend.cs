using PlanBot.Core.Plans;

namespace PlanBot.Core.Snapshots;

/// <summary>
/// Trend since last report as the seeds mark it: ↑ better, ↓ worse, ↔ the same. Red is worst and Blue (completed)
/// best; a milestone without a colour, or without a last report to compare with, has no trend.
/// </summary>
public static class RagTrend
{
    public const string Up = "↑";
    public const string Down = "↓";
    public const string Same = "↔";

    public static string? Of(Rag now, Rag? last)
    {
        if (last is not { } before || Rank(now) is not { } a || Rank(before) is not { } b) return null;
        return a > b ? Up : a < b ? Down : Same;
    }

    private static int? Rank(Rag rag) => rag switch
    {
        Rag.Red => 1,
        Rag.Amber => 2,
        Rag.Green => 3,
        Rag.Blue => 4,
        _ => null,
    };
}
