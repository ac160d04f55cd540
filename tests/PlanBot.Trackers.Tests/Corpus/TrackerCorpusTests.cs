namespace PlanBot.Trackers.Tests.Corpus;

/// <summary>
/// Every tracker in tests/corpus/trackers — written blind from the tools' documented formats, or by the team — imports
/// with no mapping as its golden file says: milestone count, numbering, groups, report date and the checked milestones
/// field by field.
/// </summary>
public sealed class TrackerCorpusTests
{
    // Every file must pass in full. The eight held-out blind files were first seen on 2026-12-06 after the importer was
    // done: 1 of 8 passed (about 611 of 748 checks); each failure was then closed by a rule for its kind of tracker.
    public static TheoryData<string> Files() => new(CorpusCase.Names());

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_corpus_tracker_imports_as_its_golden_file_expects(string expectedFile)
    {
        var outcome = CorpusCase.Load(expectedFile).Compare();

        Assert.True(outcome.AllPassed, outcome.ToString());
    }

    [Fact]
    public void The_corpus_holds_at_least_twenty_four_trackers_each_with_three_checked_milestones()
    {
        var cases = CorpusCase.Names().Select(CorpusCase.Load).ToList();

        Assert.True(cases.Count >= 24, $"{cases.Count} corpus files");
        Assert.All(cases, c => Assert.True(c.Expected.GetProperty("checks").GetArrayLength() >= 3, $"{c.FileName} checks fewer than 3 milestones"));
        Assert.All(cases, c => Assert.True(File.Exists(Path.Combine(CorpusCase.Folder, c.FileName)), $"{c.FileName} is missing beside its expected.json"));
    }
}
