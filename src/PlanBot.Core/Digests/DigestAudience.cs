namespace PlanBot.Core.Digests;

public enum DigestAudienceKind
{
    /// <summary>Every milestone: what a chair or governing-body member reads.</summary>
    WholePlan,

    /// <summary>The milestones of some departments, programmes or teams: what a director reads.</summary>
    Areas,

    /// <summary>The milestones one person owns, as delivery or accountable owner.</summary>
    Owner,
}

/// <summary>
/// Who a digest is for, and so which milestones it covers. Areas are matched, ignoring case, against a milestone's
/// department, programme or team, so "Finance", "CFO" and "Urgent care" can all name a director's patch; an owner is
/// matched by name the way the people file matches names (<see cref="People.PersonName.Key"/>), so "Dr Sue Graham"
/// finds "sue graham".
/// </summary>
public sealed record DigestAudience
{
    private DigestAudience(DigestAudienceKind kind, IReadOnlyList<string> areas, string? owner)
    {
        Kind = kind;
        Areas = areas;
        Owner = owner;
    }

    public DigestAudienceKind Kind { get; }

    /// <summary>The departments, programmes or team codes, as given; empty unless <see cref="Kind"/> is <see cref="DigestAudienceKind.Areas"/>.</summary>
    public IReadOnlyList<string> Areas { get; }

    /// <summary>The owner's name, as given; null unless <see cref="Kind"/> is <see cref="DigestAudienceKind.Owner"/>.</summary>
    public string? Owner { get; }

    public static DigestAudience WholePlan { get; } = new(DigestAudienceKind.WholePlan, [], null);

    public static DigestAudience ForAreas(params IEnumerable<string> areas)
    {
        var named = areas.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (named.Count == 0) throw new ArgumentException("A digest for areas needs at least one department, programme or team.", nameof(areas));
        return new DigestAudience(DigestAudienceKind.Areas, named, null);
    }

    public static DigestAudience ForOwner(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A digest for an owner needs the owner's name.", nameof(name));
        return new DigestAudience(DigestAudienceKind.Owner, [], name.Trim());
    }

    /// <summary>
    /// The same audience: same kind and owner, and the same areas in the same order, ignoring case as matching does. A
    /// record would compare the area lists by reference, so two digests for "Finance" would count as two audiences.
    /// </summary>
    public bool Equals(DigestAudience? other) =>
        other is not null && Kind == other.Kind && Owner == other.Owner && Areas.SequenceEqual(other.Areas, StringComparer.OrdinalIgnoreCase);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(Owner);
        foreach (var area in Areas) hash.Add(area, StringComparer.OrdinalIgnoreCase);
        return hash.ToHashCode();
    }

    /// <summary>How cards and chat name the audience: "the whole plan", "Finance, Primary Care (IT)", "Sue Graham's milestones".</summary>
    public string Describe() => Kind switch
    {
        DigestAudienceKind.WholePlan => "the whole plan",
        DigestAudienceKind.Areas => string.Join(", ", Areas),
        _ => $"{Owner}'s milestones",
    };
}
