namespace PlanBot.Core.People;

public enum OwnerResolutionOutcome
{
    /// <summary>Exactly one person: in the people file, or the only match in the directory.</summary>
    Resolved,

    /// <summary>Nobody in the people file or the directory has this name (or the directory is not configured).</summary>
    NotFound,

    /// <summary>Several people in the directory match; PlanBot does not pick one.</summary>
    Ambiguous,

    /// <summary>A single first name ("Danielle"); never looked up in the directory.</summary>
    FirstNameOnly,

    /// <summary>A post rather than a person ("AO (CG)", "CFO"); never looked up in the directory.</summary>
    RoleOnly,
}

/// <summary>Where a resolved person came from.</summary>
public enum OwnerSource
{
    PeopleFile,

    /// <summary>The organisation directory (Microsoft Graph).</summary>
    Directory,
}

/// <summary>
/// What an owner name in a plan turned out to mean. <see cref="Name"/> is the name as the plan writes it.
/// <see cref="Candidates"/> are the matches when <see cref="OwnerResolutionOutcome.Ambiguous"/>; for a first name or a
/// role they are the people file's suggestions (same first name, or holding that role), shown to the PMO, never used.
/// </summary>
public sealed record OwnerResolution(
    string Name,
    OwnerResolutionOutcome Outcome,
    Person? Person = null,
    IReadOnlyList<Person>? Candidates = null,
    OwnerSource? Source = null)
{
    public IReadOnlyList<Person> Candidates { get; init; } = Candidates ?? [];

    public bool IsResolved => Outcome == OwnerResolutionOutcome.Resolved;

    /// <summary>Why the name did not resolve, in words for the PMO; empty when it did.</summary>
    public string Problem(bool directoryAvailable) => Outcome switch
    {
        OwnerResolutionOutcome.NotFound => directoryAvailable ? "not found in the people file or the directory" : "not found in the people file (no directory)",
        OwnerResolutionOutcome.Ambiguous => "several matches: " + string.Join(", ", Candidates.Select(c => c.Describe())),
        OwnerResolutionOutcome.FirstNameOnly => "first name only" + Suggestions("people file has "),
        OwnerResolutionOutcome.RoleOnly => "role only" + Suggestions("people file role holders: "),
        _ => Person?.AadObjectId is null ? "no Teams account (the people file gives no AadObjectId)" : string.Empty,
    };

    private string Suggestions(string lead) =>
        Candidates.Count == 0 ? string.Empty : $" ({lead}{string.Join(", ", Candidates.Select(c => c.Name))})";

    public static OwnerResolution Resolved(string name, Person person, OwnerSource source) => new(name, OwnerResolutionOutcome.Resolved, person, null, source);
}
