using System.Collections.Concurrent;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// In-memory read models (<see cref="PlanIndex"/>) of stored plans. Each question first asks the store for the plan's
/// version — one small read — and rebuilds the index only when an import or an update has changed it, so answers are
/// never stale and the whole plan is loaded once per version, not once per question.
/// </summary>
public sealed class PlanReadModels(IPlanStore store, UnitSynonyms synonyms)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PlanIndex>>> _indexes = new(StringComparer.Ordinal);

    /// <summary>The plan's current read model, or null when there is no such plan.</summary>
    public async Task<PlanIndex?> GetAsync(string planId, CancellationToken cancellationToken = default) =>
        await GetAsync(planId, await store.GetSummaryAsync(planId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>The read model for a summary the caller has just read (saving a second read of the same row).</summary>
    public Task<PlanIndex?> GetAsync(PlanSummary summary, CancellationToken cancellationToken = default) =>
        GetAsync(summary.Id, summary, cancellationToken);

    private async Task<PlanIndex?> GetAsync(string planId, PlanSummary? summary, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (summary is null)
            {
                _indexes.TryRemove(planId, out _);
                return null;
            }
            var entry = _indexes.GetOrAdd(planId, NewEntry);
            PlanIndex index;
            try
            {
                index = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A failed load is not remembered: the next question tries again.
                _indexes.TryRemove(new KeyValuePair<string, Lazy<Task<PlanIndex>>>(planId, entry));
                throw;
            }
            // A plan changing faster than it loads is answered from the newest version loaded.
            if (index.Version == summary.Version || attempt == 2) return index;
            // Stale: replace it once, however many questions notice together.
            _indexes.TryUpdate(planId, NewEntry(planId), entry);
            summary = await store.GetSummaryAsync(planId, cancellationToken).ConfigureAwait(false);
        }
    }

    private Lazy<Task<PlanIndex>> NewEntry(string planId) => new(() => LoadAsync(planId));

    // Shared by every waiting question, so not cancelled by any one of them.
    private async Task<PlanIndex> LoadAsync(string planId)
    {
        var stored = await store.GetPlanAsync(planId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new PlanConcurrencyException($"Plan '{planId}' was removed while it was being read.");
        return new PlanIndex(stored.Plan, stored.Summary.Version, synonyms);
    }
}
