using PlanBot.Testing;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Tests.Importing;

/// <summary>Reads the seed-derived sample trackers under samples/ at the repository root.</summary>
internal static class SampleTrackers
{
    public static string PathOf(string name) => Path.Combine(RepositoryRoot.Path, "samples", name);

    public static TrackerImportResult Import(string name, string planId = "sample", Func<TrackerImportOptions, TrackerImportOptions>? adjust = null)
    {
        var options = new TrackerImportOptions { PlanId = planId };
        if (adjust is not null) options = adjust(options);
        return new TrackerImporter().Import(TrackerFileReader.Read(PathOf(name)), options);
    }
}

/// <summary>Builds small grids in memory for tests of one import rule at a time.</summary>
internal static class Grid
{
    public static TrackerWorkbook Tsv(string fileName, params string[] lines) =>
        new(fileName, [new TrackerSheet(null, lines.Select((line, i) =>
            new TrackerRow(i + 1, line.Split('\t').Select(t => new TrackerCell(t)).ToList())).ToList())]);

    public static TrackerImportResult Import(TrackerWorkbook workbook, Func<TrackerImportOptions, TrackerImportOptions>? adjust = null)
    {
        var options = new TrackerImportOptions { PlanId = "test" };
        if (adjust is not null) options = adjust(options);
        return new TrackerImporter().Import(workbook, options);
    }
}
