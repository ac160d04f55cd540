using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PlanBot.BotFramework.Cards;

/// <summary>
/// How cards are written: the wire conventions of <see cref="Schema.BotJson"/> (camelCase, nulls left out) plus enums by
/// their schema names and optional lists left out while empty. Cards are serialised with these options and attached
/// as JSON, so the card's shape never depends on whoever serialises the surrounding activity.
/// </summary>
public static class CardJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Emoji and other scripts stay readable; card text is made safe by CardText, not by JSON escaping.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutEmptyLists } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static void LeaveOutEmptyLists(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            var marked = property.AttributeProvider?.IsDefined(typeof(OmitWhenEmptyAttribute), inherit: true) ?? false;
            if (marked)
            {
                property.ShouldSerialize = (_, value) => value is ICollection { Count: > 0 };
            }
        }
    }
}

/// <summary>Marks an optional list that is left out of the JSON while it is empty (e.g. a card's actions).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class OmitWhenEmptyAttribute : Attribute;
