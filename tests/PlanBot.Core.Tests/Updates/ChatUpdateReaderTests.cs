using PlanBot.Core.Plans;
using PlanBot.Core.Updates;

namespace PlanBot.Core.Tests.Updates;

public sealed class ChatUpdateReaderTests
{
    private static readonly DateOnly Today = new(2020, 1, 20);

    [Theory]
    [InlineData("#36 delayed to 29 Feb 2020 because the regulator moved the deadline", "36", MilestoneStatus.Delayed, "2020-02-29", "the regulator moved the deadline", null)]
    [InlineData("36 delayed until 31st March 2020 due to staff sickness", "36", MilestoneStatus.Delayed, "2020-03-31", "staff sickness", null)]
    [InlineData("#12 complete", "12", MilestoneStatus.Complete, null, null, null)]
    [InlineData("#12 done - signed off at GB", "12", MilestoneStatus.Complete, null, null, "signed off at GB")]
    [InlineData("6.17 at risk: supplier late on hardware", "6.17", MilestoneStatus.AtRisk, null, null, "supplier late on hardware")]
    [InlineData("#2c is on track", "2c", MilestoneStatus.OnTrack, null, null, null)]
    [InlineData("#36 delayed to 29/02/2020: waiting for NHSE", "36", MilestoneStatus.Delayed, "2020-02-29", "waiting for NHSE", null)]
    [InlineData("#36 delayed to 28 Feb", "36", MilestoneStatus.Delayed, "2020-02-28", null, null)]
    public void An_update_typed_in_chat_is_read_into_its_parts(string text, string reference, MilestoneStatus status, string? revised, string? reason, string? note)
    {
        Assert.True(ChatUpdateReader.TryRead(text, Today, out var read, out var update));

        Assert.Equal(reference, read.Value);
        Assert.Equal(status, update.Status);
        Assert.Equal(revised, update.RevisedDue?.ToString("yyyy-MM-dd"));
        Assert.Equal(reason, update.DelayReason);
        Assert.Equal(note, update.ProgressNote);
    }

    [Theory]
    [InlineData("update #36")]
    [InlineData("Update milestone 6.17")]
    public void Update_and_a_reference_asks_for_a_blank_card(string text)
    {
        Assert.True(ChatUpdateReader.TryRead(text, Today, out _, out var update));

        Assert.Equal(new MilestoneUpdate(), update);
    }

    [Theory]
    [InlineData("#36 done?")]
    [InlineData("is #36 done")]
    [InlineData("36")]
    [InlineData("#36 overdue")]
    [InlineData("who owns 36")]
    [InlineData("what's delayed")]
    public void Questions_are_not_updates(string text) => Assert.False(ChatUpdateReader.TryRead(text, Today, out _, out _));
}
