using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Storage;

/// <summary>
/// Compact JSON for the list-valued columns (owners, unmapped tracker columns, history changes, digest areas) and
/// snapshot payloads. Text is written as is rather than \u-escaped, so a column's length in characters stays close to
/// the text's own.
/// </summary>
[JsonSerializable(typeof(List<OwnerJson>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<FieldChangeJson>))]
[JsonSerializable(typeof(List<Snapshots.MilestoneSnapshotJson>))]
internal sealed partial class StorageJson : JsonSerializerContext
{
    public static StorageJson Compact { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    });
}

/// <summary>An owner as stored; <see cref="Person"/> is the name a key table gives an owner written as a role or initials.</summary>
internal sealed record OwnerJson(string Name, string Role, string Title, bool Deputy = false, string? Person = null);

internal sealed record FieldChangeJson(string Field, string? Old, string? New);
