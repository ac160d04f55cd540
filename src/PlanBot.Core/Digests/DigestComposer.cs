using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;

namespace PlanBot.Core.Digests;

/// <summary>
/// Composes a <see cref="Digest"/> from the plan now, last week's snapshot and the reminder ledger's states. Pure and
/// one pass over the plan (plus one over the baseline and one over the exception report), with dictionaries for every
/// look-up, so a 10,000-milestone plan composes in a few milliseconds and the scheduler can compose per subscriber.
/// </summary>
public static class DigestComposer
{
    /// <summary>How far ahead "due in the next two weeks" looks: today and the 13 days after it.</summary>
    public const int DueWindowDays = 14;

    /// <summary>Who the owners' lists name for a milestone that names nobody.</summary>
    public const string NoOwnerNamed = "No owner named";

    /// <param name="baseline">Last week's snapshot, or null for a plan's first digest.</param>
    /// <param name="reminderStates">The ledger's states for the plan; milestones never reminded are absent.</param>
    /// <param name="today">The plan day (Europe/London) to judge overdue and due soon against.</param>
    public static Digest Compose(Plan plan, PlanSnapshot? baseline, IReadOnlyDictionary<MilestoneRef, ReminderState> reminderStates,
        DigestAudience audience, DateOnly today, DateTimeOffset now)
    {
        var filter = new AudienceFilter(audience);
        var latestExceptions = ExceptionReportOrder.LatestByMilestone(plan);
        var lastDue = today.AddDays(DueWindowDays - 1);

        var thisWeek = new List<MilestoneSnapshot>();
        var counts = HeadlineCounts.Zero;
        var newlyOverdue = new List<DigestItem>();
        var newlyDelayed = new List<DelayedItem>();
        var completed = new List<DigestItem>();
        var dueSoon = new List<DigestItem>();
        var notAnswering = new OwnerGroups();
        var unreachable = new OwnerGroups();

        foreach (var milestone in plan.Milestones)
        {
            if (!filter.Includes(milestone)) continue;
            var current = MilestoneSnapshot.Of(milestone, today);
            thisWeek.Add(current);
            counts = counts.Add(current);
            // One item per milestone, made only when a list needs it and shared by every list it is in.
            DigestItem? item = null;
            DigestItem Item() => item ??= DigestItem.Of(milestone);

            if (baseline is not null)
            {
                var before = baseline.Find(milestone.Ref);
                if (current.Overdue && before is not { Overdue: true }) newlyOverdue.Add(Item());
                if (!current.IsFinished && current.Status == MilestoneStatus.Delayed && before is not { Status: MilestoneStatus.Delayed })
                    newlyDelayed.Add(Delayed(Item(), milestone, latestExceptions.GetValueOrDefault(milestone.Ref)));
                if (current.IsFinished && before is not { IsFinished: true }) completed.Add(Item());
            }

            if (current.IsFinished) continue;
            if (current.EffectiveDue is { } due && due >= today && due <= lastDue) dueSoon.Add(Item());
            if (reminderStates.TryGetValue(milestone.Ref, out var state))
            {
                if (state.AwaitingAnswer) notAnswering.Add(RemindedOwners(milestone, state), Item(), reason: null, state.LastSentAt);
                if (state.UnreachableReason is { } reason) unreachable.Add(RemindedOwners(milestone, state), Item(), reason, state.UnreachableSince);
            }
        }

        // A new snapshot rather than `baseline with { … }`, which would carry the whole baseline's look-up cache along.
        var lastWeek = baseline is null ? null : new PlanSnapshot
        {
            PlanId = baseline.PlanId,
            WeekOf = baseline.WeekOf,
            AsAt = baseline.AsAt,
            TakenAt = baseline.TakenAt,
            Milestones = InAudience(baseline, filter, audience, thisWeek),
        };
        var thisWeekSnapshot = new PlanSnapshot { PlanId = plan.Id, WeekOf = SnapshotWeek.Of(today), AsAt = today, TakenAt = now, Milestones = thisWeek };
        var areaKind = RagByArea.KindFor(thisWeekSnapshot);

        newlyOverdue.Sort(DigestItem.Compare);
        newlyDelayed.Sort((a, b) => DigestItem.Compare(a.Item, b.Item));
        completed.Sort(DigestItem.Compare);
        dueSoon.Sort(DigestItem.Compare);

        return new Digest
        {
            PlanId = plan.Id,
            PlanName = plan.Name,
            Audience = audience,
            AsAt = today,
            WeekOf = SnapshotWeek.Of(today),
            ComposedAt = now,
            BaselineAsAt = baseline?.AsAt,
            Now = counts,
            Baseline = lastWeek?.Milestones.Aggregate(HeadlineCounts.Zero, (c, m) => c.Add(m)),
            AreaKind = areaKind,
            RagByArea = RagByArea.Compare(thisWeekSnapshot, lastWeek, areaKind),
            NewlyOverdue = newlyOverdue,
            NewlyDelayed = newlyDelayed,
            CompletedThisWeek = completed,
            DueInTwoWeeks = dueSoon,
            NotAnswering = notAnswering.ToList(),
            Unreachable = unreachable.ToList(),
        };
    }

    /// <summary>
    /// Last week's milestones in the audience: for areas, by the areas they had then (as <see cref="RagByArea"/> counts
    /// them); for an owner, snapshots keep no owners, so the milestones the owner has now.
    /// </summary>
    private static List<MilestoneSnapshot> InAudience(PlanSnapshot baseline, AudienceFilter filter, DigestAudience audience, List<MilestoneSnapshot> thisWeek)
    {
        if (audience.Kind == DigestAudienceKind.WholePlan) return [.. baseline.Milestones];
        if (audience.Kind == DigestAudienceKind.Areas) return baseline.Milestones.Where(filter.Includes).ToList();
        var owned = thisWeek.Select(m => m.Ref).ToHashSet();
        return baseline.Milestones.Where(m => owned.Contains(m.Ref)).ToList();
    }

    private static DelayedItem Delayed(DigestItem item, Milestone milestone, ExceptionReportEntry? exception)
    {
        var reason = string.IsNullOrWhiteSpace(exception?.Reason) ? null : exception.Reason.Trim();
        var proposed = exception is { ProposedRevisedDate.IsBlank: false } ? exception.ProposedRevisedDate : milestone.RevisedDue;
        return new DelayedItem(item, reason, proposed);
    }

    /// <summary>
    /// Who a milestone's reminders go to, as <see cref="ReminderPlanner"/> chooses them: its delivery owners, or its
    /// accountable owners when it names no delivery owner; after an escalation, the accountable owners as well.
    /// </summary>
    private static IEnumerable<string> RemindedOwners(Milestone milestone, ReminderState state)
    {
        var escalated = state.EscalatedAt is { } at && at == state.LastSentAt;
        var anyDelivery = false;
        foreach (var owner in milestone.Owners)
        {
            if (owner.Role != OwnerRole.Delivery) continue;
            anyDelivery = true;
            yield return owner.Name;
        }
        if (anyDelivery && !escalated) yield break;
        foreach (var owner in milestone.Owners)
        {
            if (owner.Role == OwnerRole.Accountable) yield return owner.Name;
        }
    }

    /// <summary>Milestones gathered under each owner, one entry per person however the plan spells their name.</summary>
    private sealed class OwnerGroups
    {
        private readonly Dictionary<string, Group> _byKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _keyByName = new(StringComparer.Ordinal);

        public void Add(IEnumerable<string> owners, DigestItem item, string? reason, DateTimeOffset? since)
        {
            var any = false;
            foreach (var name in owners)
            {
                any = true;
                AddTo(name, item, reason, since);
            }
            if (!any) AddTo(NoOwnerNamed, item, reason, since);
        }

        public List<OwnerItems> ToList()
        {
            var owners = new List<OwnerItems>(_byKey.Count);
            foreach (var group in _byKey.Values)
            {
                group.Items.Sort(DigestItem.Compare);
                owners.Add(new OwnerItems(group.Name, group.Items, group.Reasons, group.Since));
            }
            owners.Sort((a, b) => a.Items.Count != b.Items.Count ? b.Items.Count.CompareTo(a.Items.Count) : StringComparer.OrdinalIgnoreCase.Compare(a.Owner, b.Owner));
            return owners;
        }

        private void AddTo(string name, DigestItem item, string? reason, DateTimeOffset? since)
        {
            if (!_keyByName.TryGetValue(name, out var key))
            {
                key = PersonName.Key(name);
                if (key.Length == 0) key = name;
                _keyByName[name] = key;
            }
            if (!_byKey.TryGetValue(key, out var group))
            {
                group = new Group(PersonName.Tidy(name));
                _byKey[key] = group;
            }
            // A milestone naming one person twice (as two roles) is listed once under them.
            if (group.Items.Count > 0 && ReferenceEquals(group.Items[^1], item)) return;
            group.Items.Add(item);
            if (reason is not null && !group.Reasons.Contains(reason, StringComparer.Ordinal)) group.Reasons.Add(reason);
            if (since is { } at && (group.Since is null || at < group.Since)) group.Since = at;
        }

        private sealed class Group(string name)
        {
            public string Name { get; } = name;
            public List<DigestItem> Items { get; } = [];
            public List<string> Reasons { get; } = [];
            public DateTimeOffset? Since { get; set; }
        }
    }
}
