using PlanBot.Core.Plans;

namespace PlanBot.Storage;

/// <summary>
/// The import was committed (readers already see <see cref="Committed"/>), but some of its milestone history entries
/// could not be written. Retrying the import will not help: its version has moved on.
/// </summary>
public sealed class MilestoneHistoryNotRecordedException(PlanSummary committed, int entries, Exception inner)
    : Exception($"Plan '{committed.Id}' was imported, but {entries} milestone history entries could not be recorded: {inner.Message}", inner)
{
    public PlanSummary Committed { get; } = committed;
}
