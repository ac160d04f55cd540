namespace PlanBot.Core.People;

/// <summary>
/// Someone PlanBot can name, remind and authorise: a row of the people file, or a user found in the organisation
/// directory. <see cref="AadObjectId"/> is the Entra object id, lower-case with hyphens, when known.
/// <see cref="Delegate"/> is the name of someone else in the people file who may update on this person's behalf.
/// </summary>
public sealed record Person(string Name, string? Email = null, string? AadObjectId = null, IReadOnlyList<string>? Roles = null, string? Delegate = null)
{
    public IReadOnlyList<string> Roles { get; init; } = Roles ?? [];

    public bool HasRole(string role) => Roles.Any(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));

    public bool IsPmoAdmin => HasRole(PersonRoles.PmoAdmin);

    /// <summary>How the person reads in a list: "Sue Graham (sue.graham@nhs.net)".</summary>
    public string Describe() => Email is { Length: > 0 } email ? $"{Name} ({email})" : Name;
}

/// <summary>The roles PlanBot acts on. The people file may name others; they are kept and shown, and compared ignoring case.</summary>
public static class PersonRoles
{
    /// <summary>May update any milestone and run imports.</summary>
    public const string PmoAdmin = "PMO admin";

    /// <summary>Receives the weekly digest.</summary>
    public const string Chair = "Chair";

    /// <summary>Receives the weekly digest and escalations for their area.</summary>
    public const string Director = "Director";
}
