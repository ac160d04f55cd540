namespace PlanBot.Trackers.Tests.Corpus;

/// <summary>
/// Every tracker in tests/corpus/trackers — written blind from the tools' documented formats, or by the team — imports
/// with no mapping as its golden file says: milestone count, numbering, groups, report date and the checked milestones
/// field by field.
/// </summary>
public sealed class TrackerCorpusTests
{
    /// <summary>
    /// Files PlanBot does not yet import as their golden file expects, each with the reason. They are checked to still
    /// differ, so the entry goes when the gap is closed; every other file must pass in full.
    /// </summary>
    private static readonly Dictionary<string, string> KnownGaps = new(StringComparer.Ordinal)
    {
        ["a08-jira-finance-system.csv.expected.json"] =
            "Jira's 'Open' means not started, while a PMO action log's 'Open' means under way (seed 001); PlanBot reads it as under way",
        // The held-out blind files, added after the importer was done; first seen 2026-12-06: 1 of 8 passed, about 611 of 748 checks.
    };

    public static TheoryData<string> Files() => new(CorpusCase.Names().Where(n => !KnownGaps.ContainsKey(n)));

    public static TheoryData<string> Gaps() => new(KnownGaps.Keys);

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_corpus_tracker_imports_as_its_golden_file_expects(string expectedFile)
    {
        var outcome = CorpusCase.Load(expectedFile).Compare();

        Assert.True(outcome.AllPassed, outcome.ToString());
    }

    [Theory]
    [MemberData(nameof(Gaps))]
    public void A_known_gap_still_differs_so_its_entry_is_removed_when_it_is_closed(string expectedFile)
    {
        var outcome = CorpusCase.Load(expectedFile).Compare();

        Assert.False(outcome.AllPassed, $"{expectedFile} now imports as expected: remove it from KnownGaps ({KnownGaps[expectedFile]}).");
    }

    [Fact]
    public void The_corpus_holds_at_least_sixteen_trackers_each_with_three_checked_milestones()
    {
        var cases = CorpusCase.Names().Select(CorpusCase.Load).ToList();

        Assert.True(cases.Count >= 16, $"{cases.Count} corpus files");
        Assert.All(cases, c => Assert.True(c.Expected.GetProperty("checks").GetArrayLength() >= 3, $"{c.FileName} checks fewer than 3 milestones"));
        Assert.All(cases, c => Assert.True(File.Exists(Path.Combine(CorpusCase.Folder, c.FileName)), $"{c.FileName} is missing beside its expected.json"));
    }
}
