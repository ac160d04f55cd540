using PlanBot.Core.Reminders;
using PlanBot.Core.Time;

namespace PlanBot.Core.Tests.Reminders;

public class ReminderPolicyTests
{
    [Fact]
    public void Default_policy_is_14_7_and_1_working_days_before_on_the_day_then_chasers_and_escalation_at_nine()
    {
        var policy = ReminderPolicy.Default;

        Assert.Equal([14, 7, 1], policy.WorkingDaysBefore);
        Assert.True(policy.OnTheDay);
        Assert.Equal(5, policy.ChaseEveryWorkingDays);
        Assert.Null(policy.MaxChasers);
        Assert.Equal(10, policy.EscalateAfterWorkingDays);
        Assert.Equal(new TimeOnly(9, 0), policy.SendAt);
        Assert.Equal(new TimeOnly(17, 0), policy.SendUntil);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], policy.WorkingDays);
        Assert.Empty(policy.Problems());
    }

    [Fact]
    public void Default_policy_describes_itself_in_one_sentence()
    {
        Assert.Equal(
            "Reminders 14, 7 and 1 working days before the due date, on the day and every 5 working days while overdue; "
            + "escalated once to the accountable owner after 10 working days of overdue silence; sent at 09:00 London time on working days "
            + "(Monday to Friday, not bank holidays), or until 17:00 when a host was down at 09:00.",
            ReminderPolicy.Default.Describe());
    }

    [Theory]
    [InlineData(-3, "WorkingDaysBefore has -3, which is negative: days before the due date count back from it, so write 3.")]
    [InlineData(0, "WorkingDaysBefore has 0: the reminder on the due date itself is set with OnTheDay.")]
    [InlineData(400, "WorkingDaysBefore has 400, more than 260 working days (about a year) ahead.")]
    public void Days_before_must_be_positive_and_within_a_year(int days, string problem)
    {
        var policy = ReminderPolicy.Default with { WorkingDaysBefore = [14, days] };

        Assert.Equal([problem], policy.Problems());
    }

    [Fact]
    public void Each_problem_is_reported_and_the_planner_refuses_the_policy()
    {
        var policy = new ReminderPolicy
        {
            WorkingDaysBefore = [7, 7],
            ChaseEveryWorkingDays = 0,
            EscalateAfterWorkingDays = -1,
            SendAt = new TimeOnly(18, 0),
            WorkingDays = [],
        };

        Assert.Equal(
        [
            "WorkingDaysBefore lists 7 more than once.",
            "ChaseEveryWorkingDays is 0: it must be between 1 and 260 working days, or empty for no overdue chasers.",
            "EscalateAfterWorkingDays is -1: it must be between 1 and 260 working days, or empty never to escalate.",
            "SendUntil is 17:00, not after SendAt (18:00): the send window must close after it opens, on the same day.",
            "WorkingDays is empty: list the weekdays reminders may go on, e.g. Monday, Tuesday, Wednesday, Thursday, Friday.",
        ], policy.Problems());
        var error = Assert.Throws<ArgumentException>(() => new ReminderPlanner(policy, WorkingCalendar.EnglandAndWales));
        Assert.StartsWith("The reminder policy is not usable: WorkingDaysBefore lists 7 more than once.", error.Message);
    }

    [Fact]
    public void A_chaser_limit_needs_chasers_and_must_be_at_least_one()
    {
        Assert.Equal(["MaxChasers is set but ChaseEveryWorkingDays is empty, so there are no chasers to limit."],
            (ReminderPolicy.Default with { ChaseEveryWorkingDays = null, MaxChasers = 3 }).Problems());
        Assert.Single((ReminderPolicy.Default with { MaxChasers = 0 }).Problems());
    }

    [Fact]
    public void Policies_with_the_same_settings_are_equal()
    {
        Assert.Equal(ReminderPolicy.Default, new ReminderPolicy { WorkingDaysBefore = [14, 7, 1] });
        Assert.Equal(ReminderPolicy.Default.GetHashCode(), new ReminderPolicy { WorkingDaysBefore = [14, 7, 1] }.GetHashCode());
        Assert.NotEqual(ReminderPolicy.Default, ReminderPolicy.Default with { WorkingDaysBefore = [10, 5] });
    }

    [Fact]
    public void A_policy_can_turn_everything_off()
    {
        var off = new ReminderPolicy { WorkingDaysBefore = [], OnTheDay = false, ChaseEveryWorkingDays = null, EscalateAfterWorkingDays = null };

        Assert.Empty(off.Problems());
        Assert.Equal("No reminders; no escalation; sent at 09:00 London time on working days (Monday to Friday, not bank holidays), or until 17:00 when a host was down at 09:00.", off.Describe());
    }
}
