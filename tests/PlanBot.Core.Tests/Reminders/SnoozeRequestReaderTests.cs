using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Time;

namespace PlanBot.Core.Tests.Reminders;

public sealed class SnoozeRequestReaderTests
{
    // Wednesday 22 Jan 2020, 10:00 London.
    private static readonly DateTimeOffset Now = new(2020, 1, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayNine = new(2020, 1, 27, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("remind me Monday", null)]
    [InlineData("remind me Monday about #36", "36")]
    [InlineData("remind me about #36 on Monday", "36")]
    [InlineData("#36 remind me Monday", "36")]
    [InlineData("snooze #6.17 until Monday", "6.17")]
    [InlineData("remind me Monday for milestone 2c", "2c")]
    [InlineData("please remind me next week about action 1.3.1", "1.3.1")]
    public void A_snooze_with_or_without_a_reference_is_read(string text, string? reference)
    {
        Assert.True(SnoozeRequestReader.TryRead(text, Now, WorkingCalendar.EnglandAndWales, out var read, out var until, out var problem), problem);
        Assert.Equal(reference, read?.Value);
        Assert.Equal(MondayNine, until);
    }

    [Theory]
    [InlineData("who owns #36")]
    [InlineData("#36 delayed to 29 Feb because the supplier is late")]
    [InlineData("what is overdue")]
    public void Text_that_is_not_a_snooze_is_left_for_other_readers(string text)
    {
        Assert.False(SnoozeRequestReader.TryRead(text, Now, WorkingCalendar.EnglandAndWales, out _, out _, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_snooze_that_cannot_be_done_says_why_and_keeps_the_reference()
    {
        Assert.False(SnoozeRequestReader.TryRead("remind me about #36 on 1 June", Now, WorkingCalendar.EnglandAndWales, out var reference, out _, out var problem));
        Assert.Equal(MilestoneRef.Parse("36"), reference);
        Assert.Contains("more than 30 days ahead", problem);
    }
}
