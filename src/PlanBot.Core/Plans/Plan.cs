namespace PlanBot.Core.Plans;

/// <summary>A delivery plan: its milestones in reference order and its exception report entries.</summary>
public sealed record Plan
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? SourceFile { get; init; }
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    public IReadOnlyList<ExceptionReportEntry> Exceptions { get; init; } = [];

    public Milestone? Find(MilestoneRef reference) => Milestones.FirstOrDefault(m => m.Ref == reference);

    public IEnumerable<ExceptionReportEntry> ExceptionsFor(MilestoneRef reference) =>
        Exceptions.Where(e => e.Refs.Contains(reference));
}
