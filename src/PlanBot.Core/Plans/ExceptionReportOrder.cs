namespace PlanBot.Core.Plans;

/// <summary>
/// Exception report entries newest first. Entries recorded by progress updates carry no source location and are stored
/// in the order they were made, so they come first, latest first. The imported report's entries follow in the
/// tracker's order: a board paper lists its current report above older ones, as seed 000 puts January 2020 above
/// Quarter 2.
/// </summary>
public static class ExceptionReportOrder
{
    public static IEnumerable<ExceptionReportEntry> NewestFirst(IEnumerable<ExceptionReportEntry> entries)
    {
        var list = entries as IReadOnlyList<ExceptionReportEntry> ?? [.. entries];
        return list.Where(e => e.Source is null).Reverse().Concat(list.Where(e => e.Source is not null));
    }

    /// <summary>The most recent entry about the milestone, or null when the report has none.</summary>
    public static ExceptionReportEntry? LatestFor(Plan plan, MilestoneRef reference) =>
        NewestFirst(plan.ExceptionsFor(reference)).FirstOrDefault();

    /// <summary>
    /// The most recent entry about each milestone the report names, by the same order as <see cref="NewestFirst"/>:
    /// the one definition of "latest exception report" that answers, digests and the board pack share.
    /// </summary>
    public static Dictionary<MilestoneRef, ExceptionReportEntry> LatestByMilestone(Plan plan)
    {
        var latest = new Dictionary<MilestoneRef, ExceptionReportEntry>();
        foreach (var entry in NewestFirst(plan.Exceptions))
        {
            foreach (var reference in entry.Refs) latest.TryAdd(reference, entry);
        }
        return latest;
    }
}
