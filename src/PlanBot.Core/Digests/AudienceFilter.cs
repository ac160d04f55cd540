using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Snapshots;

namespace PlanBot.Core.Digests;

/// <summary>
/// Decides, milestone by milestone, whether one <see cref="DigestAudience"/> covers it. Built once per digest: areas go
/// into a case-insensitive set and owner names are keyed once per distinct spelling, because a large plan repeats a few
/// hundred names across thousands of milestones.
/// </summary>
internal sealed class AudienceFilter
{
    private readonly DigestAudienceKind _kind;
    private readonly HashSet<string> _areas;
    private readonly string _ownerKey;
    private readonly Dictionary<string, bool> _isOwnerByName = new(StringComparer.Ordinal);

    public AudienceFilter(DigestAudience audience)
    {
        _kind = audience.Kind;
        _areas = audience.Areas.Select(MilestoneArea.Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        _ownerKey = PersonName.Key(audience.Owner);
    }

    public bool Includes(Milestone milestone) => _kind switch
    {
        DigestAudienceKind.WholePlan => true,
        DigestAudienceKind.Areas => InAreas(milestone.Department, milestone.Programme, milestone.Team),
        _ => IsOwned(milestone),
    };

    /// <summary>
    /// A snapshot milestone by the areas it had then. Snapshots keep no owners, so for an owner's digest the caller
    /// decides by reference instead.
    /// </summary>
    public bool Includes(MilestoneSnapshot milestone) => _kind switch
    {
        DigestAudienceKind.WholePlan => true,
        DigestAudienceKind.Areas => InAreas(milestone.Department, milestone.Programme, milestone.Team),
        _ => throw new InvalidOperationException("An owner's digest chooses snapshot milestones by reference."),
    };

    // The same area rule as answers (MilestoneArea), so "Finance" counts the same milestones in both.
    private bool InAreas(string? department, string? programme, string? team) => MilestoneArea.IsIn(_areas, department, programme, team);

    private bool IsOwned(Milestone milestone)
    {
        foreach (var owner in milestone.Owners)
        {
            if (!_isOwnerByName.TryGetValue(owner.Name, out var isOwner))
            {
                isOwner = _ownerKey.Length > 0 && PersonName.Key(owner.Name) == _ownerKey;
                _isOwnerByName[owner.Name] = isOwner;
            }
            if (isOwner) return true;
        }
        return false;
    }
}
