namespace PlanBot.Core.People;

/// <summary>
/// The people file, stored. An import replaces the whole set at once: readers see either the previous set or the new
/// one, never a mixture.
/// </summary>
public interface IPeopleStore
{
    /// <summary>The current set; <see cref="PeopleSet.Empty"/> before the first import.</summary>
    Task<PeopleSet> GetPeopleAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces every stored person with <paramref name="people"/>. The set must pass <see cref="PeopleFile.Check(IReadOnlyList{Person})"/>;
    /// otherwise <see cref="ArgumentException"/> is thrown before anything is written. If another import commits first,
    /// <see cref="PeopleConcurrencyException"/> is thrown and this one changes nothing.
    /// </summary>
    Task<PeopleSetInfo> ReplaceAllAsync(IReadOnlyList<Person> people, string importedBy, string? sourceFile, CancellationToken cancellationToken = default);
}

/// <summary>Another people import committed while this one was being written; nothing of this one was kept.</summary>
public sealed class PeopleConcurrencyException(string message) : Exception(message);
