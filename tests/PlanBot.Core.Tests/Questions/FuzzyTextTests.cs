using PlanBot.Core.Questions;

namespace PlanBot.Core.Tests.Questions;

public sealed class FuzzyTextTests
{
    [Theory]
    [InlineData("fnance", "finance")]     // a letter missed
    [InlineData("finnance", "finance")]   // a letter doubled
    [InlineData("fianance", "finance")]   // a letter added
    [InlineData("fiannce", "finance")]    // neighbours swapped
    [InlineData("graham", "graham")]
    [InlineData("grahm", "graham")]
    [InlineData("estaets", "estates")]
    [InlineData("commisioning", "commissioning")]
    public void Common_slips_still_match(string typed, string known)
    {
        Assert.True(FuzzyText.IsCloseTo(typed, known));
    }

    [Theory]
    [InlineData("cfo", "cso")]        // short words must match exactly
    [InlineData("sue", "sun")]
    [InlineData("estates", "workforce")]
    [InlineData("quality", "equity")]
    public void Different_words_do_not_match(string typed, string known)
    {
        Assert.False(FuzzyText.IsCloseTo(typed, known));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]     // optimal string alignment: 3, not the unrestricted 2
    [InlineData("abcd", "abdc", 1)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits(string a, string b, int expected)
    {
        Assert.Equal(expected, FuzzyText.Distance(a, b, limit: 5));
    }

    [Fact]
    public void Distance_stops_once_the_limit_is_passed()
    {
        Assert.Null(FuzzyText.Distance("operational delivery", "improvement programme", limit: 2));
    }
}
