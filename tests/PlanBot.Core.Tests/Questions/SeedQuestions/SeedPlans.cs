using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;

namespace PlanBot.Core.Tests.Questions.SeedQuestions;

/// <summary>The sample trackers imported as a user would, each with the date its board paper was written for.</summary>
public static class SeedPlans
{
    private static readonly Dictionary<string, (string File, DateOnly Today)> Files = new()
    {
        ["odkm"] = ("odkm-2019-20.txt", new DateOnly(2020, 1, 20)),
        ["cpccg"] = ("cpccg-idp-2018-19.txt", new DateOnly(2019, 2, 26)),
        ["southend"] = ("southend-idp-2018-19.txt", new DateOnly(2019, 1, 10)),
        ["dorset"] = ("dorset-dashboard-2016.csv", new DateOnly(2016, 7, 1)),
        ["cornwall"] = ("cornwall-sof-2017.txt", new DateOnly(2017, 11, 30)),
    };

    private static readonly Dictionary<string, Lazy<PlanIndex>> Indexes = Files.ToDictionary(
        f => f.Key,
        f => new Lazy<PlanIndex>(() => new PlanIndex(Import(f.Key, f.Value.File), "seed")));

    public static IEnumerable<string> Ids => Files.Keys;

    public static PlanIndex Index(string planId) => Indexes[planId].Value;

    public static DateOnly Today(string planId) => Files[planId].Today;

    private static Plan Import(string planId, string file)
    {
        var workbook = TrackerFileReader.Read(Path.Combine(RepositoryRoot.Path, "samples", file));
        var result = new TrackerImporter().Import(workbook, new TrackerImportOptions { PlanId = planId });
        return result.Plan ?? throw new InvalidOperationException($"samples/{file} did not import: {string.Join("; ", result.Errors.Select(e => e.ToString()))}");
    }
}
