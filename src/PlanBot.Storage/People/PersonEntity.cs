using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PlanBot.Core.People;

namespace PlanBot.Storage.People;

/// <summary>
/// People table, person rows: one row per person per import generation. PartitionKey: <c>people@{generation:D19}</c>,
/// so a whole set is one partition read and an import writes a fresh partition beside the one readers use. RowKey: the
/// person's position in the file, <c>{index:D6}</c>: names may be longer than a key allows once escaped, lookups are
/// made on the whole set in memory, and the file's order comes back as it was.
/// </summary>
internal sealed class PersonEntity : ITableEntity
{
    public const string RoleSeparator = ";";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string? AadObjectId { get; set; }

    /// <summary>The roles joined with ';' (no role contains one: the file separates roles with it).</summary>
    public string? Roles { get; set; }

    public string? Delegate { get; set; }

    public static string Partition(long generation) => "people@" + generation.ToString("D19", CultureInfo.InvariantCulture);

    public static string Key(int index) => index.ToString("D6", CultureInfo.InvariantCulture);

    public static PersonEntity From(long generation, int index, Person person) => new()
    {
        PartitionKey = Partition(generation),
        RowKey = Key(index),
        Name = person.Name,
        Email = person.Email,
        AadObjectId = person.AadObjectId,
        Roles = person.Roles.Count == 0 ? null : string.Join(RoleSeparator, person.Roles),
        Delegate = person.Delegate,
    };

    public Person ToPerson() => new(
        Name,
        string.IsNullOrWhiteSpace(Email) ? null : Email,
        string.IsNullOrWhiteSpace(AadObjectId) ? null : AadObjectId,
        Roles?.Split(RoleSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
        string.IsNullOrWhiteSpace(Delegate) ? null : Delegate);
}

/// <summary>
/// People table, rows that are not people. The current set: PartitionKey <c>set</c>, RowKey <c>current</c>; it names the
/// generation readers use, and replacing it (guarded by its ETag) is the commit of an import. A generation's claim:
/// PartitionKey <c>people@{generation:D19}</c>, RowKey <c>claim</c>; inserting it reserves the generation number, so two
/// imports never write the same partition.
/// </summary>
internal sealed class PeopleSetEntity : ITableEntity
{
    public const string SetPartition = "set";
    public const string CurrentKey = "current";
    public const string ClaimKey = "claim";

    public string PartitionKey { get; set; } = SetPartition;
    public string RowKey { get; set; } = CurrentKey;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Generation { get; set; }
    public int Count { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = string.Empty;
    public string? SourceFile { get; set; }

    public PeopleSetInfo ToInfo(ETag etag) => new(etag.ToString(), Count, ImportedAt, ImportedBy, SourceFile);
}
