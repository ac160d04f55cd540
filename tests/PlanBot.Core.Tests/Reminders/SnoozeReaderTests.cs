using PlanBot.Core.Reminders;
using PlanBot.Core.Time;
using static PlanBot.Core.Tests.Reminders.ReminderTestData;

namespace PlanBot.Core.Tests.Reminders;

public class SnoozeReaderTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.EnglandAndWales;

    // Monday 20 January 2020, 14:00 in London (GMT).
    private static readonly DateTimeOffset MondayAfternoon = Utc("2020-01-20T14:00Z");

    [Theory]
    [InlineData("remind me Monday", "2020-01-27T09:00Z")]
    [InlineData("Remind me on Monday.", "2020-01-27T09:00Z")]
    [InlineData("remind me tomorrow", "2020-01-21T09:00Z")]
    [InlineData("remind me next week", "2020-01-27T09:00Z")]
    [InlineData("remind me in 3 days", "2020-01-23T09:00Z")]
    [InlineData("remind me in three working days", "2020-01-23T09:00Z")]
    [InlineData("remind me in 5 days", "2020-01-27T09:00Z")] // working days: over the weekend
    [InlineData("remind me in 2 weeks", "2020-02-03T09:00Z")]
    [InlineData("remind me in a week's time", "2020-01-27T09:00Z")]
    [InlineData("snooze until 3 Feb", "2020-02-03T09:00Z")]
    [InlineData("snooze till 3rd February 2020", "2020-02-03T09:00Z")]
    [InlineData("snooze until Feb 3", "2020-02-03T09:00Z")]
    [InlineData("snooze until 3/2", "2020-02-03T09:00Z")]
    [InlineData("snooze for 2 days", "2020-01-22T09:00Z")]
    [InlineData("Please snooze this reminder until Friday, thanks!", "2020-01-24T09:00Z")]
    [InlineData("remind me Wednesday", "2020-01-22T09:00Z")]
    [InlineData("remind me this Friday", "2020-01-24T09:00Z")]
    [InlineData("remind me next Friday", "2020-01-31T09:00Z")]
    [InlineData("snooze until 1 Feb", "2020-02-03T09:00Z")] // a Saturday: the next working day
    public void Snooze_requests_give_nine_o_clock_london_on_the_day_named(string text, string expected)
    {
        Assert.True(SnoozeReader.TryRead(text, MondayAfternoon, Calendar, out var until));
        Assert.Equal(Utc(expected), until);
    }

    [Fact]
    public void Remind_me_monday_on_a_monday_means_next_monday()
    {
        Assert.True(SnoozeReader.TryRead("remind me Monday", Utc("2020-01-20T07:00Z"), Calendar, out var until));
        Assert.Equal(Utc("2020-01-27T09:00Z"), until);
    }

    [Fact]
    public void Remind_me_tomorrow_on_a_friday_is_monday_morning()
    {
        Assert.True(SnoozeReader.TryRead("remind me tomorrow", Utc("2020-01-24T16:00Z"), Calendar, out var until));
        Assert.Equal(Utc("2020-01-27T09:00Z"), until);
    }

    [Fact]
    public void A_bank_holiday_monday_moves_to_tuesday_at_nine_summer_time()
    {
        Assert.True(SnoozeReader.TryRead("remind me Monday", Utc("2020-04-09T10:00Z"), Calendar, out var until));
        Assert.Equal(Utc("2020-04-14T08:00Z"), until);
    }

    [Fact]
    public void A_snooze_across_the_clock_change_is_at_nine_london_time()
    {
        Assert.True(SnoozeReader.TryRead("remind me Monday", Utc("2020-03-27T12:00Z"), Calendar, out var until));
        Assert.Equal(Utc("2020-03-30T08:00Z"), until);
    }

    [Fact]
    public void Today_works_only_before_nine()
    {
        Assert.True(SnoozeReader.TryRead("remind me today", Utc("2020-01-20T07:30Z"), Calendar, out var until));
        Assert.Equal(Utc("2020-01-20T09:00Z"), until);

        Assert.False(SnoozeReader.TryRead("remind me today", MondayAfternoon, Calendar, SnoozeReader.DefaultSendAt, out _, out var problem));
        Assert.Equal("09:00 on Mon 20 Jan 2020 has already passed; pick a later day.", problem);
    }

    [Theory]
    [InlineData("snooze until 3 Mar", "Tue 3 Mar 2020 is more than 30 days ahead; the latest I can snooze to is Wed 19 Feb 2020.")]
    [InlineData("remind me in 30 days", "Mon 2 Mar 2020 is more than 30 days ahead; the latest I can snooze to is Wed 19 Feb 2020.")]
    [InlineData("remind me in 6 weeks", "Mon 2 Mar 2020 is more than 30 days ahead; the latest I can snooze to is Wed 19 Feb 2020.")]
    [InlineData("snooze until 10 Jan", "Fri 10 Jan 2020 has passed; pick a day in the next 30 days.")]
    [InlineData("snooze until 10 Jan 2020", "Fri 10 Jan 2020 has passed; pick a day in the next 30 days.")]
    [InlineData("snooze until 31 Feb", "31 Feb is not a date.")]
    [InlineData("snooze until 3/13", "3/13 is not a date (day first, then month, as in 3/2 for 3 Feb).")]
    [InlineData("remind me this Monday", "Mon 20 Jan 2020 has passed; pick a day in the next 30 days.")]
    [InlineData("remind me later", "I couldn't tell when “later” is; try “remind me Monday”, “remind me tomorrow”, “remind me next week”, “remind me in 3 days” or “snooze until 3 Feb”.")]
    [InlineData("snooze", "When should I remind you? Try “remind me Monday”, “remind me tomorrow”, “remind me next week”, “remind me in 3 days” or “snooze until 3 Feb”.")]
    public void Snooze_requests_that_cannot_be_honoured_say_why(string text, string expected)
    {
        Assert.False(SnoozeReader.TryRead(text, MondayAfternoon, Calendar, SnoozeReader.DefaultSendAt, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("what's overdue in finance?")]
    [InlineData("#36 delayed to 29 Feb 2020 because of staffing")]
    [InlineData("")]
    public void Text_that_is_not_a_snooze_request_is_left_for_other_readers(string text)
    {
        Assert.False(SnoozeReader.TryRead(text, MondayAfternoon, Calendar, SnoozeReader.DefaultSendAt, out _, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Three_january_said_in_late_december_means_next_january()
    {
        Assert.True(SnoozeReader.TryRead("snooze until 3 Jan", Utc("2019-12-20T12:00Z"), Calendar, out var until));
        Assert.Equal(Utc("2020-01-03T09:00Z"), until);
    }

    [Fact]
    public void The_snooze_time_can_follow_the_plan_policy()
    {
        Assert.True(SnoozeReader.TryRead("remind me tomorrow", MondayAfternoon, Calendar, new TimeOnly(10, 30), out var until, out _));
        Assert.Equal(Utc("2020-01-21T10:30Z"), until);
    }
}
