using PlanBot.Core.Plans;

namespace PlanBot.Core.Tests.Plans;

public sealed class MilestoneRefTests
{
    [Theory]
    [InlineData("HR-01")]
    [InlineData("W1.1")]
    [InlineData("A3")]
    [InlineData("PMO-12")]
    [InlineData("2.1a")]
    [InlineData("1.3.1")]
    [InlineData("CP7")]
    [InlineData("36")]
    public void References_of_any_common_shape_are_read_and_kept_as_written(string text)
    {
        Assert.True(MilestoneRef.TryParse(text, out var reference));
        Assert.Equal(text, reference.Value);
        Assert.Equal("#" + text, reference.Display);
    }

    [Theory]
    [InlineData("hr01")]
    [InlineData("#HR-01")]
    [InlineData("HR 01.")]
    [InlineData("hr-1")]
    public void A_reference_matches_however_it_is_typed(string typed)
    {
        var typedRef = MilestoneRef.TryParse(typed.Replace(' ', '-'), out var parsed) ? parsed : null;
        Assert.Equal(MilestoneRef.Parse("HR-01"), typedRef);
        Assert.Equal(MilestoneRef.Parse("HR-01").SortKey, typedRef!.SortKey);
    }

    [Theory]
    [InlineData("AAMkAGI2ZjQ1YTdkLWQ5YzAtNDhl")]
    [InlineData("KHi0EgLNtqZdVyEGOyAR1r5vLkOO")]
    [InlineData("1209398127475672")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public void Machine_ids_are_not_references(string id)
    {
        Assert.True(MilestoneRef.IsOpaqueId(id));
        Assert.False(MilestoneRef.TryParse(id, out _));
    }

    [Theory]
    [InlineData("Total")]
    [InlineData("2025-03-31")]
    [InlineData("Commission the review")]
    public void Words_and_dates_are_not_references(string text) => Assert.False(MilestoneRef.TryParse(text, out _));

    [Fact]
    public void References_sort_in_natural_order_with_letters_after_numbers()
    {
        var refs = new[] { "HR-10", "2", "HR-2", "10", "2a", "W1.10", "W1.9" }.Select(MilestoneRef.Parse).Order().Select(r => r.Value);
        Assert.Equal(["2", "2a", "10", "HR-2", "HR-10", "W1.9", "W1.10"], refs);
    }

    [Fact]
    public void The_sort_key_of_a_numeric_reference_is_unchanged_so_stored_plans_keep_their_keys()
    {
        Assert.Equal("000006.000017", MilestoneRef.Parse("6.17").SortKey);
        Assert.Equal("000002.a", MilestoneRef.Parse("2a").SortKey);
        Assert.Equal("hr.000001", MilestoneRef.Parse("HR-01").SortKey);
    }
}
