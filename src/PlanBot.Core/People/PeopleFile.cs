using System.Globalization;
using PlanBot.Core.Plans;

namespace PlanBot.Core.People;

/// <summary>One row of the people file as read: its 1-based row number (the header is row 1) and its fields.</summary>
public sealed record PeopleFileRow(int Row, IReadOnlyList<string> Fields);

/// <summary>
/// Something wrong with the people file, pinned to the row and, where it is about one field, the column
/// (1-based: 1 = A = Name). <see cref="ToString"/> reads "people.csv, row 4, column B (Email): …".
/// </summary>
public sealed record PeopleFileProblem(string File, int Row, int? Column, string Message)
{
    public string? ColumnName => Column is { } c && c >= 1 && c <= PeopleFile.Columns.Count ? PeopleFile.Columns[c - 1] : null;

    public override string ToString()
    {
        var row = Row > 0 ? $", row {Row}" : string.Empty;
        var column = Column is { } c ? $", column {SourceLocation.ColumnLetter(c)}{(ColumnName is { } name ? $" ({name})" : string.Empty)}" : string.Empty;
        return $"{File}{row}{column}: {Message}";
    }
}

/// <summary>The outcome of checking a people file: the people it describes, or every problem with it. Problems mean nothing may be stored.</summary>
public sealed record PeopleFileCheck(IReadOnlyList<Person> People, IReadOnlyList<PeopleFileProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// The people file: CSV with the header <c>Name,Email,AadObjectId,Roles,Delegate</c>, one person a row. The rules:
/// <list type="bullet">
/// <item>The header is exactly those five names in that order (case is not significant). Blank rows are skipped.</item>
/// <item>Name is required, at most 256 characters, and unique ignoring case, accents, full stops and a title ("Dr").</item>
/// <item>Each person needs an Email or an AadObjectId, so PlanBot can find them in Teams. Emails are unique ignoring case;
/// AadObjectId is a GUID (any of the usual spellings; stored lower-case with hyphens), unique and not all zeros.</item>
/// <item>Roles are separated by ';' ("PMO admin; Chair"); blanks and repeats are dropped. Roles are free text;
/// <see cref="PersonRoles"/> lists the ones PlanBot acts on.</item>
/// <item>Email, AadObjectId, Roles and Delegate are at most 1,000 characters each.</item>
/// <item>Delegate is the Name or Email of another person in the same file, and is stored as that person's Name. A
/// delegate who is not in the file is an error: a delegate may update on someone's behalf, so the PMO must say exactly
/// who that is, and a typo must not silently grant nothing (or, later, grant the wrong person).</item>
/// <item>A file with no people is refused: importing it would remove everyone.</item>
/// </list>
/// </summary>
public static class PeopleFile
{
    public const string Header = "Name,Email,AadObjectId,Roles,Delegate";
    public const int MaxNameLength = 256;

    /// <summary>Longest Email, AadObjectId, Roles or Delegate; far more than real values need, and it keeps a stored row small.</summary>
    public const int MaxFieldLength = 1000;

    public static IReadOnlyList<string> Columns { get; } = Header.Split(',');

    private const int NameColumn = 1, EmailColumn = 2, ObjectIdColumn = 3, RolesColumn = 4, DelegateColumn = 5;

    /// <summary>Checks a file as read: <paramref name="header"/> is its first row (null for an empty file), <paramref name="rows"/> the rest.</summary>
    public static PeopleFileCheck Check(string file, IReadOnlyList<string>? header, IReadOnlyList<PeopleFileRow> rows)
    {
        var problems = new List<PeopleFileProblem>();
        if (header is null)
        {
            problems.Add(new(file, 0, null, $"the file is empty; its first row must be the header {Header}."));
            return new([], problems);
        }

        if (!CheckHeader(file, header, problems)) return new([], problems);

        var people = new List<(Person Person, int Row)>();
        foreach (var row in rows)
        {
            if (row.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (row.Fields.Count != Columns.Count)
            {
                problems.Add(new(file, row.Row, null,
                    $"the row has {row.Fields.Count} fields but the header has {Columns.Count}; a comma inside a name or a list of roles needs the field in quotes."));
                continue;
            }

            if (ReadPerson(file, row, problems) is { } person) people.Add((person, row.Row));
        }

        if (people.Count == 0 && problems.Count == 0)
            problems.Add(new(file, 0, null, "there are no people below the header; a people file with nobody in it would remove everyone."));

        var canonical = CheckAcrossRows(file, people, problems);
        return problems.Count == 0 ? new(canonical, problems) : new([], problems);
    }

    /// <summary>The same rules for people built in code (the store checks them before writing); rows are numbered from 2 as in a file.</summary>
    public static PeopleFileCheck Check(IReadOnlyList<Person> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var rows = people.Select((p, i) => new PeopleFileRow(i + 2, [p.Name, p.Email ?? string.Empty, p.AadObjectId ?? string.Empty, string.Join(';', p.Roles), p.Delegate ?? string.Empty])).ToList();
        return Check("people", Columns, rows);
    }

    private static bool CheckHeader(string file, IReadOnlyList<string> header, List<PeopleFileProblem> problems)
    {
        var found = header.Select(h => h.Trim()).ToList();
        if (found.Count != Columns.Count)
        {
            problems.Add(new(file, 1, null, $"the header has {found.Count} column(s) ({string.Join(",", found)}); it must be exactly {Header}."));
            return false;
        }

        var ok = true;
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(found[i], Columns[i], StringComparison.OrdinalIgnoreCase)) continue;
            problems.Add(new(file, 1, i + 1, $"expected the header '{Columns[i]}' but found '{found[i]}'; the header must be exactly {Header}."));
            ok = false;
        }

        return ok;
    }

    private static Person? ReadPerson(string file, PeopleFileRow row, List<PeopleFileProblem> problems)
    {
        var before = problems.Count;
        void Problem(int? column, string message) => problems.Add(new(file, row.Row, column, message));

        for (var column = EmailColumn; column <= DelegateColumn; column++)
        {
            if (row.Fields[column - 1].Length > MaxFieldLength)
                Problem(column, $"the field is {row.Fields[column - 1].Length:N0} characters, more than {MaxFieldLength:N0}.");
        }

        if (problems.Count > before) return null;

        var rawName = row.Fields[NameColumn - 1];
        var name = PersonName.Tidy(rawName);
        if (name.Length == 0) Problem(NameColumn, "the name is missing.");
        else if (name.Length > MaxNameLength) Problem(NameColumn, $"the name is {name.Length:N0} characters, more than {MaxNameLength}.");
        else if (name.Any(char.IsControl)) Problem(NameColumn, $"'{name}' contains a control character.");

        var email = row.Fields[EmailColumn - 1].Trim();
        if (email.Length > 0 && !IsEmail(email)) Problem(EmailColumn, $"'{email}' is not an email address.");

        var objectIdText = row.Fields[ObjectIdColumn - 1].Trim();
        string? objectId = null;
        if (objectIdText.Length > 0)
        {
            if (Guid.TryParse(objectIdText, out var guid) && guid != Guid.Empty) objectId = guid.ToString("D", CultureInfo.InvariantCulture);
            else Problem(ObjectIdColumn, $"'{objectIdText}' is not an Entra object id (a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301).");
        }

        if (name.Length > 0 && email.Length == 0 && objectIdText.Length == 0)
            Problem(null, $"'{name}' has neither an Email nor an AadObjectId; give one so PlanBot can find them in Teams.");

        var roles = row.Fields[RolesColumn - 1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(PersonName.Tidy).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var delegateText = PersonName.Tidy(row.Fields[DelegateColumn - 1]);

        return problems.Count > before ? null : new Person(name, email.Length > 0 ? email : null, objectId, roles, delegateText.Length > 0 ? delegateText : null);
    }

    /// <summary>Unique names, emails and object ids; delegates who are someone else in the file. Returns the people with delegates named canonically.</summary>
    private static List<Person> CheckAcrossRows(string file, List<(Person Person, int Row)> people, List<PeopleFileProblem> problems)
    {
        var byName = new Dictionary<string, (Person Person, int Row)>(StringComparer.Ordinal);
        var byEmail = new Dictionary<string, (Person Person, int Row)>(StringComparer.OrdinalIgnoreCase);
        var byObjectId = new Dictionary<string, (Person Person, int Row)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in people)
        {
            var (person, row) = entry;
            if (!byName.TryAdd(PersonName.Key(person.Name), entry))
            {
                var first = byName[PersonName.Key(person.Name)];
                problems.Add(new(file, row, NameColumn, first.Person.Name == person.Name
                    ? $"'{person.Name}' is already on row {first.Row}; each name must be unique."
                    : $"'{person.Name}' is the same name as '{first.Person.Name}' on row {first.Row}; each name must be unique."));
            }

            if (person.Email is { } email && !byEmail.TryAdd(email, entry))
                problems.Add(new(file, row, EmailColumn, $"'{email}' is already on row {byEmail[email].Row} ({byEmail[email].Person.Name}); each email must be unique."));

            if (person.AadObjectId is { } id && !byObjectId.TryAdd(id, entry))
                problems.Add(new(file, row, ObjectIdColumn, $"'{id}' is already on row {byObjectId[id].Row} ({byObjectId[id].Person.Name}); each AadObjectId must be unique."));
        }

        var result = new List<Person>(people.Count);
        foreach (var (person, row) in people)
        {
            if (person.Delegate is not { } delegateText)
            {
                result.Add(person);
                continue;
            }

            var found = byName.TryGetValue(PersonName.Key(delegateText), out var byNameMatch) ? byNameMatch.Person
                : byEmail.TryGetValue(delegateText, out var byEmailMatch) ? byEmailMatch.Person
                : null;
            if (found is null)
                problems.Add(new(file, row, DelegateColumn, $"'{delegateText}' is not the Name or Email of anyone in this file; add a row for the delegate, or leave Delegate blank."));
            else if (ReferenceEquals(found, person))
                problems.Add(new(file, row, DelegateColumn, $"'{delegateText}' is {person.Name} themselves; a delegate must be someone else."));
            else
                result.Add(person with { Delegate = found.Name });
        }

        return result;
    }

    private static bool IsEmail(string text) =>
        PersonName.LooksLikeEmail(text) && System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text;
}
