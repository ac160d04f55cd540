namespace PlanBot.Core.People;

/// <summary>
/// The one rule for who is a PMO admin, used wherever something only an admin may do is checked (updating any milestone,
/// importing a tracker from chat, subscribing a role to the digest, the board pack): someone whose Entra object id is
/// configured as an admin's, or whose people-file entry, found by that object id, has the "PMO admin" role. A name never
/// counts: anyone can take a display name.
/// </summary>
public sealed class PmoAdmins(IEnumerable<string> configuredObjectIds)
{
    private readonly HashSet<string> _configured = configuredObjectIds
        .Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool Includes(string? aadObjectId, PeopleSet everyone)
    {
        if (string.IsNullOrWhiteSpace(aadObjectId)) return false;
        var id = aadObjectId.Trim();
        return _configured.Contains(id) || everyone.FindByAadObjectId(id)?.IsPmoAdmin == true;
    }
}
