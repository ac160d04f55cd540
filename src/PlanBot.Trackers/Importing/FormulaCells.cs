using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// Formula cells are refused: a cached value can be stale or missing, and PlanBot stores what the PMO sees as values.
/// </summary>
internal static class FormulaCells
{
    /// <summary>Adds an error for each formula cell in the row; true if there was any.</summary>
    public static bool Report(TableSegment segment, string file, TrackerRow row, List<ImportMessage> messages)
    {
        var found = false;
        for (var c = 0; c < row.Cells.Count; c++)
        {
            if (row.Cells[c].Formula is not { } formula) continue;
            found = true;
            messages.Add(new(ImportSeverity.Error, segment.Location(file, row.Number, c + 1), segment.Layout.HeaderName(c),
                $"the cell holds a formula (={MilestoneTableReader.Shorten(formula)}). PlanBot imports values only: in Excel copy the sheet and use Paste Special › Values, then import again."));
        }
        return found;
    }
}
