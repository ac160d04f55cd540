using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Cards;

/// <summary>Side-by-side columns.</summary>
public sealed class ColumnSet : CardElement
{
    public ColumnSet()
    {
    }

    public ColumnSet(IEnumerable<Column> columns) => Columns.AddRange(columns);

    public List<Column> Columns { get; } = [];
}

/// <summary>One column of a <see cref="ColumnSet"/>; it is not a body element, but still carries "type".</summary>
public sealed class Column
{
    public Column()
    {
    }

    public Column(IEnumerable<CardElement> items) => Items.AddRange(items);

    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public ColumnWidth? Width { get; init; }

    [OmitWhenEmpty]
    public List<CardElement> Items { get; } = [];
}

/// <summary>A column's width: "auto" (fits its content), "stretch" (takes what is left), a relative weight, or pixels.</summary>
[JsonConverter(typeof(ColumnWidthJsonConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string? keyword, int number)
    {
        Keyword = keyword;
        Number = number;
    }

    internal string? Keyword { get; }
    internal int Number { get; }

    public static ColumnWidth Auto { get; } = new("auto", 0);
    public static ColumnWidth Stretch { get; } = new("stretch", 0);

    public static ColumnWidth Weight(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        return new ColumnWidth(null, weight);
    }

    public static ColumnWidth Pixels(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 1);
        return new ColumnWidth(pixels.ToString(CultureInfo.InvariantCulture) + "px", 0);
    }

    public override string ToString() => Keyword ?? Number.ToString(CultureInfo.InvariantCulture);
}

internal sealed class ColumnWidthJsonConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Cards are written, not read.");

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Keyword is { } keyword)
        {
            writer.WriteStringValue(keyword);
        }
        else
        {
            writer.WriteNumberValue(value.Number);
        }
    }
}
