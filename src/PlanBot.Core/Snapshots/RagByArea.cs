using PlanBot.Core.Plans;

namespace PlanBot.Core.Snapshots;

/// <summary>Milestones counted by RAG colour; <see cref="None"/> holds those with no colour and no status to imply one.</summary>
public sealed record RagCounts(int Red, int Amber, int Green, int Blue, int None)
{
    public static RagCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public int Total => Red + Amber + Green + Blue + None;

    public int this[Rag rag] => rag switch
    {
        Rag.Red => Red,
        Rag.Amber => Amber,
        Rag.Green => Green,
        Rag.Blue => Blue,
        _ => None,
    };

    public RagCounts Add(Rag rag) => rag switch
    {
        Rag.Red => this with { Red = Red + 1 },
        Rag.Amber => this with { Amber = Amber + 1 },
        Rag.Green => this with { Green = Green + 1 },
        Rag.Blue => this with { Blue = Blue + 1 },
        _ => this with { None = None + 1 },
    };

    public static RagCounts Of(IEnumerable<MilestoneSnapshot> milestones) =>
        milestones.Aggregate(Zero, (counts, m) => counts.Add(m.Rag));
}

/// <summary>How a plan's milestones are grouped into areas for reporting.</summary>
public enum AreaKind
{
    Programme,
    Department,
    Team,
}

/// <summary>One area's RAG counts in this report and the last (<see cref="RagCounts.Zero"/> when there was no last report).</summary>
public sealed record AreaRag(string Area, RagCounts ThisReport, RagCounts LastReport);

/// <summary>
/// RAG counts by area, this report against the last, as the seeds' governing-body papers show them. Each report is
/// grouped by the area each milestone had at the time, so a milestone moved between departments counts where it was.
/// </summary>
public static class RagByArea
{
    public const string NoArea = "(no area)";

    /// <summary>Programmes when the plan names any, else departments, else teams: the broadest grouping the plan has.</summary>
    public static AreaKind KindFor(PlanSnapshot snapshot) =>
        snapshot.Milestones.Any(m => !string.IsNullOrWhiteSpace(m.Programme)) ? AreaKind.Programme
        : snapshot.Milestones.Any(m => !string.IsNullOrWhiteSpace(m.Department)) ? AreaKind.Department
        : AreaKind.Team;

    public static string AreaOf(MilestoneSnapshot milestone, AreaKind kind)
    {
        var area = kind switch
        {
            AreaKind.Programme => milestone.Programme,
            AreaKind.Department => milestone.Department,
            // A team by its code, as answers and digests name it: "CFO (AD)" is in CFO.
            _ => Questions.MilestoneArea.TeamCode(milestone.Team),
        };
        return string.IsNullOrWhiteSpace(area) ? NoArea : area.Trim();
    }

    /// <summary>Every area in either report, in order of first appearance in this report then the last; "(no area)" last.</summary>
    public static IReadOnlyList<AreaRag> Compare(PlanSnapshot thisReport, PlanSnapshot? lastReport, AreaKind kind)
    {
        var now = Count(thisReport, kind);
        var before = lastReport is null ? new Dictionary<string, RagCounts>(StringComparer.OrdinalIgnoreCase) : Count(lastReport, kind);
        return [.. now.Keys.Concat(before.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(area => area == NoArea)
            .Select(area => new AreaRag(area, now.GetValueOrDefault(area, RagCounts.Zero), before.GetValueOrDefault(area, RagCounts.Zero)))];
    }

    private static Dictionary<string, RagCounts> Count(PlanSnapshot snapshot, AreaKind kind)
    {
        // Insertion order of a Dictionary without removals is the order keys were added, which keeps plan order.
        var counts = new Dictionary<string, RagCounts>(StringComparer.OrdinalIgnoreCase);
        foreach (var milestone in snapshot.Milestones)
        {
            var area = AreaOf(milestone, kind);
            counts[area] = counts.GetValueOrDefault(area, RagCounts.Zero).Add(milestone.Rag);
        }
        return counts;
    }
}
