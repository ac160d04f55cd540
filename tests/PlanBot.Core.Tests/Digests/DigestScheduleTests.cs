using PlanBot.Core.Digests;

namespace PlanBot.Core.Tests.Digests;

public sealed class DigestScheduleTests
{
    private static readonly DigestSchedule MondayAtEight = DigestSchedule.Default;

    [Theory]
    // Winter: London is UTC.
    [InlineData("2026-11-23T08:00:00Z", "2026-11-23T08:00:00Z")]
    [InlineData("2026-11-23T07:59:59Z", "2026-11-16T08:00:00Z")]
    [InlineData("2026-11-29T23:00:00Z", "2026-11-23T08:00:00Z")]
    // Summer: 8am in London is 7am UTC.
    [InlineData("2026-06-01T07:00:00Z", "2026-06-01T07:00:00Z")]
    [InlineData("2026-06-01T06:59:00Z", "2026-05-25T07:00:00Z")]
    // The Monday after the clocks go back: last week's digest was at 07:00 UTC, this week's at 08:00 UTC.
    [InlineData("2026-10-26T07:30:00Z", "2026-10-19T07:00:00Z")]
    [InlineData("2026-10-26T08:00:00Z", "2026-10-26T08:00:00Z")]
    public void The_latest_due_time_is_8am_London_on_the_last_Monday(string now, string due) =>
        Assert.Equal(DateTimeOffset.Parse(due), MondayAtEight.LatestAtOrBefore(DateTimeOffset.Parse(now)));

    [Fact]
    public void The_next_due_time_follows_the_latest_by_a_week_of_wall_clock()
    {
        // From the last Monday in BST to the first in GMT is 7 days and 1 hour.
        Assert.Equal(DateTimeOffset.Parse("2026-10-26T08:00:00Z"), MondayAtEight.NextAfter(DateTimeOffset.Parse("2026-10-20T12:00:00Z")));
    }

    [Fact]
    public void A_subscription_owes_nothing_for_a_time_before_it_was_made()
    {
        var friday = new DigestSchedule(DayOfWeek.Friday, new TimeOnly(8, 0));
        var made = DateTimeOffset.Parse("2026-11-25T10:00:00Z"); // a Wednesday
        var subscription = new DigestSubscription("p1", DigestSubscriber.Person("AB-12", "Sue Graham"), [], friday, "Sue Graham", made);

        Assert.Null(subscription.DueAt(DateTimeOffset.Parse("2026-11-26T10:00:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T08:00:00Z"), subscription.DueAt(DateTimeOffset.Parse("2026-11-27T08:00:01Z")));
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T08:00:00Z"), subscription.FirstDue);
        Assert.Equal("person:ab-12", subscription.Subscriber.Key);
        Assert.Equal("role:chair", DigestSubscriber.ForRole("Chair").Key);
    }

    [Fact]
    public void A_subscription_made_at_the_very_time_of_a_digest_owes_that_digest_and_says_so()
    {
        var made = DateTimeOffset.Parse("2026-11-23T08:00:00Z"); // Monday 8am in London
        var subscription = new DigestSubscription("p1", DigestSubscriber.ForRole("Chair"), [], MondayAtEight, "Ann Lee", made);

        Assert.Equal(made, subscription.DueAt(made));
        Assert.Equal(made, subscription.FirstDue);
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T08:00:00Z"), (subscription with { CreatedAt = made.AddTicks(1) }).FirstDue);
    }
}
