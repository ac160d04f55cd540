namespace PlanBot.Trackers.Tests.Corpus;

/// <summary>
/// Every tracker in tests/corpus/trackers — written blind from the tools' documented formats, or by the team — imports
/// with no mapping as its golden file says: milestone count, numbering, groups, report date and the checked milestones
/// field by field.
/// </summary>
public sealed class TrackerCorpusTests
{
    public static TheoryData<string> Files() => new(CorpusCase.Names());

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_corpus_tracker_imports_as_its_golden_file_expects(string expectedFile)
    {
        var outcome = CorpusCase.Load(expectedFile).Compare();

        Assert.True(outcome.AllPassed, outcome.ToString());
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
