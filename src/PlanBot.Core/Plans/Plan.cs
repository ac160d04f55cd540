namespace PlanBot.Core.Plans;

/// <summary>A delivery plan: its milestones in reference order and its exception report entries.</summary>
public sealed record Plan
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? SourceFile { get; init; }

    /// <summary>
    /// What the tracker titles its milestone tables with: the heading above a table and the headers of its title and
    /// requirement columns ("NHSE stocktake action required"). Their words describe the whole plan ("the stocktake actions").
    /// </summary>
    public IReadOnlyList<string> TableTitles { get; init; } = [];

    /// <summary>The header of the column the tracker rates milestones in ("Health", "RAG", "Status"), null when it has none.</summary>
    public string? RatingHeader { get; init; }
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    public IReadOnlyList<ExceptionReportEntry> Exceptions { get; init; } = [];

    public Milestone? Find(MilestoneRef reference) => Milestones.FirstOrDefault(m => m.Ref == reference);

    public IEnumerable<ExceptionReportEntry> ExceptionsFor(MilestoneRef reference) =>
        Exceptions.Where(e => e.Refs.Contains(reference));
}
