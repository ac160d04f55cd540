namespace PlanBot.Core.Plans;

/// <summary>Where something came from in a tracker file; rows and columns are 1-based as a spreadsheet shows them.</summary>
public sealed record SourceLocation(string File, string? Sheet, int Row, int? Column = null)
{
    public static string ColumnLetter(int column)
    {
        var letters = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
            letters = (char)('A' + (c - 1) % 26) + letters;
        return letters;
    }

    public override string ToString()
    {
        var sheet = Sheet is null ? string.Empty : $", sheet '{Sheet}'";
        var column = Column is { } c ? $", column {ColumnLetter(c)}" : string.Empty;
        return $"{File}{sheet}, row {Row}{column}";
    }
}
