using System.Globalization;
using PlanBot.Core.Plans;

namespace PlanBot.Trackers.Importing;

/// <summary>What a key table made of the owners: how many were read as its people, and those it could not place, with why.</summary>
public sealed record OwnerKeyReport(int Resolved, IReadOnlyList<string> Examples, IReadOnlyList<string> Unresolved, OwnerKeyTable Key)
{
    /// <summary>"The owner key at row 49 names 17 people: 96 owners written as roles or initials read as them (…); not placed: …".</summary>
    public string Sentence()
    {
        var people = Key.Entries.Where(e => e.Person is not null).Select(e => e.Person).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var where = Key.Sheet is null ? string.Create(CultureInfo.InvariantCulture, $"row {Key.FirstRow}") : string.Create(CultureInfo.InvariantCulture, $"sheet '{Key.Sheet}', row {Key.FirstRow}");
        var read = Resolved == 1
            ? "1 owner written as a role or initials was read as one of them"
            : string.Create(CultureInfo.InvariantCulture, $"{Resolved} owners written as roles or initials were read as them");
        var examples = Examples.Count > 0 ? $" ({string.Join(", ", Examples)})" : string.Empty;
        var notPlaced = Unresolved.Count == 0 ? "." : $"; not placed: {string.Join("; ", Unresolved)}.";
        return string.Create(CultureInfo.InvariantCulture, $"The owner key at {where} names {people} people: {read}{examples}{notPlaced}");
    }
}

/// <summary>
/// Gives each owner written as a role code or initials ("AO (CG)", "DSP", "CG") the person the tracker's key names,
/// keeping the written form as the owner's name. Initials decide first, the role only between people who share
/// initials; a written form the key cannot place is reported, never guessed.
/// </summary>
public static class OwnerKeyResolution
{
    private const int ExamplesShown = 3;

    public static (IReadOnlyList<Milestone> Milestones, OwnerKeyReport Report) Apply(IReadOnlyList<Milestone> milestones, OwnerKeyTable key)
    {
        var resolvedNames = new Dictionary<string, string?>(StringComparer.Ordinal);
        var unresolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var resolved = 0;
        var examples = new List<string>();
        var result = new List<Milestone>(milestones.Count);
        foreach (var milestone in milestones)
        {
            var changed = false;
            var owners = new List<Owner>(milestone.Owners.Count);
            foreach (var owner in milestone.Owners)
            {
                if (!resolvedNames.TryGetValue(owner.Name, out var person))
                {
                    person = Resolve(owner.Name, key, out var why);
                    resolvedNames[owner.Name] = person;
                    if (person is null && why is not null) unresolved[owner.Name] = why;
                    else if (person is not null && examples.Count < ExamplesShown) examples.Add($"'{owner.Name}' as {person}");
                }
                if (person is null || owner.Person == person) { owners.Add(owner); continue; }
                owners.Add(owner with { Person = person });
                resolved++;
                changed = true;
            }
            result.Add(changed ? milestone with { Owners = owners } : milestone);
        }
        var notPlaced = unresolved.Select(u => $"'{u.Key}' ({u.Value})").ToList();
        return (result, new OwnerKeyReport(resolved, examples, notPlaced, key));
    }

    /// <summary>The person the key names for <paramref name="written"/>; null with <paramref name="why"/> set when it looks like a key's form but cannot be placed.</summary>
    public static string? Resolve(string written, OwnerKeyTable key, out string? why)
    {
        why = null;
        var initials = OwnerKeyNames.InitialsIn(written);
        var role = OwnerKeyNames.WithoutInitials(written);
        if (initials is not null)
        {
            var byInitials = key.Entries.Where(e => e.Person is not null && e.Initials == initials).ToList();
            if (byInitials.Count == 0) byInitials = key.Entries.Where(e => e.Person is not null && string.Equals(e.Initials, initials, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byInitials.Count > 1) byInitials = byInitials.Where(e => Names(e, role)).ToList();
            if (Single(byInitials) is { } person) return person;
            // "AO (MH)" where the key has no MH: the role's holder would be a guess against what the tracker wrote.
            why = byInitials.Count == 0 ? $"no one in the key has the initials {initials}" : $"more than one person in the key has the initials {initials}";
            return null;
        }
        var byName = key.Entries.Where(e => Names(e, written)).ToList();
        if (byName.Count == 0) byName = key.Entries.Where(e => e.Initials is not null && e.Initials == written.Trim()).ToList();
        if (byName.Count == 0) return null; // written in full, or not a form the key knows
        if (byName.All(e => e.Person is null))
        {
            why = "the key names nobody for it";
            return null;
        }
        if (Single(byName) is { } named) return named;
        why = "the key gives it to more than one person";
        return null;
    }

    private static string? Single(List<OwnerKeyEntry> entries)
    {
        var people = entries.Select(e => e.Person).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return people.Count == 1 ? people[0] : null;
    }

    /// <summary>Whether the key line calls someone <paramref name="written"/>: "AD C&amp;C" for "ADC&amp;C", ignoring spaces, case and punctuation.</summary>
    private static bool Names(OwnerKeyEntry entry, string written)
    {
        var wanted = Compact(written);
        return wanted.Length > 0 && entry.Names.Any(n => Compact(n) == wanted);
    }

    private static string Compact(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
