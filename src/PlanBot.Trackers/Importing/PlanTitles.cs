namespace PlanBot.Trackers.Importing;

/// <summary>
/// What a tracker calls its milestone tables and its rating, kept on the plan so a question can use the tracker's own
/// words for them ("the stocktake actions", "red on health").
/// </summary>
internal static class PlanTitles
{
    private const int MaxTitleLength = 160;

    /// <summary>Each table's heading and the headers of its title and requirement columns, once each, in file order.</summary>
    public static IReadOnlyList<string> TableTitles(IEnumerable<(string? Heading, TableLayout Layout)> tables)
    {
        var titles = new List<string>();
        foreach (var (heading, layout) in tables)
        {
            var texts = new List<string?> { heading };
            foreach (var field in (ColumnField[])[ColumnField.Title, ColumnField.Requirement])
                if (layout.Column(field) is var column and >= 0 && !layout.IsUnnamed(column)) texts.Add(layout.HeaderName(column));
            foreach (var text in texts)
            {
                var clean = CellText.Clean(text);
                if (clean.Length is > 0 and <= MaxTitleLength && !titles.Contains(clean, StringComparer.OrdinalIgnoreCase)) titles.Add(clean);
            }
        }
        return titles;
    }

    /// <summary>The rating column's header, else the status column's, of the first table that has one.</summary>
    public static string? RatingHeader(IEnumerable<TableLayout> layouts)
    {
        foreach (var layout in layouts)
            foreach (var field in (ColumnField[])[ColumnField.Rag, ColumnField.Status])
                if (layout.Column(field) is var column and >= 0 && !layout.IsUnnamed(column))
                    return CellText.Clean(layout.HeaderName(column));
        return null;
    }
}
