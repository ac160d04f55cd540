using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using static PlanBot.Core.Tests.Reminders.ReminderTestData;

namespace PlanBot.Core.Tests.Reminders;

/// <summary>
/// A milestone due Friday 31 January 2020 (GMT, so 09:00 London is 09:00 UTC) under the default policy has slots on
/// 13 Jan (14 before), 22 Jan (7 before), 30 Jan (1 before), 31 Jan (on the day), then chasers on 7, 14, 21 Feb …
/// and the escalation on 14 Feb.
/// </summary>
public class ReminderPlannerTests
{
    private static readonly ReminderPlanner Planner = ReminderTestData.Planner();
    private static readonly Milestone DueEndOfJanuary = Milestone("2020-01-31");

    private static DueReminder Send(Milestone milestone, ref ReminderState state, string now)
    {
        var reminder = Planner.Due(TestPlan, milestone, state, Utc(now));
        Assert.NotNull(reminder);
        state = state.Sent(reminder, Utc(now));
        return reminder;
    }

    [Fact]
    public void Nothing_is_due_before_the_first_slot()
    {
        var decision = Planner.Decide(TestPlan, DueEndOfJanuary, ReminderState.None, Utc("2020-01-13T08:59Z"));

        Assert.Equal(ReminderOutcome.NotYet, decision.Outcome);
        Assert.Null(decision.Reminder);
        Assert.Equal(Day("2020-01-13"), decision.SlotDate);
    }

    [Fact]
    public void First_reminder_is_due_at_nine_on_its_slot_day_for_the_delivery_owner()
    {
        var reminder = Planner.Due(TestPlan, DueEndOfJanuary, ReminderState.None, Utc("2020-01-13T09:00Z"));

        Assert.NotNull(reminder);
        Assert.Equal((ReminderKind.Before, 14), (reminder.Kind, reminder.Number));
        Assert.Equal(Utc("2020-01-13T09:00Z"), reminder.Slot);
        Assert.Equal([Rachel], reminder.Recipients);
        Assert.Equal("odkm|36|before-14|20200113", reminder.Key);
        Assert.Equal("14 working days before due 31 Jan 2020", reminder.Reason);
        Assert.Equal(Day("2020-01-31"), reminder.DueDate);
        Assert.Equal(MilestoneRef.Parse("36"), reminder.Ref);
    }

    [Fact]
    public void A_slot_is_not_sent_again_once_its_key_is_the_last_sent()
    {
        var state = ReminderState.None;
        Send(DueEndOfJanuary, ref state, "2020-01-13T09:00Z");

        var decision = Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-01-13T15:00Z"));

        Assert.Equal(ReminderOutcome.AlreadySent, decision.Outcome);
        Assert.Null(Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-01-21T23:59Z")));
    }

    [Fact]
    public void After_downtime_only_the_latest_passed_slot_is_sent_not_a_backlog()
    {
        var state = ReminderState.None;
        Send(DueEndOfJanuary, ref state, "2020-01-13T09:00Z");

        // Down from 14 Jan to the afternoon of 3 Feb: the 7-day, 1-day and on-the-day slots all passed.
        var reminder = Send(DueEndOfJanuary, ref state, "2020-02-03T14:00Z");

        Assert.Equal(ReminderKind.OnTheDay, reminder.Kind);
        Assert.Equal("on the day: due 31 Jan 2020 (slot was Fri 31 Jan 2020)", reminder.Reason);
        Assert.Null(Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-03T14:05Z")));
        Assert.Equal(ReminderKind.Overdue, Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-07T09:00Z"))?.Kind);
    }

    [Fact]
    public void An_update_during_a_round_skips_the_next_slot_and_the_one_after_is_sent()
    {
        var state = ReminderState.None;
        Send(DueEndOfJanuary, ref state, "2020-01-22T09:00Z");
        state = state.Updated(Utc("2020-01-23T14:00Z"));

        var dayBefore = Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-01-30T09:00Z"));
        var onTheDay = Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-01-31T09:00Z"));

        Assert.Equal(ReminderOutcome.AnsweredThisRound, dayBefore.Outcome);
        Assert.Equal(Day("2020-01-30"), dayBefore.SlotDate);
        Assert.Equal(ReminderKind.OnTheDay, onTheDay?.Kind);
    }

    [Fact]
    public void An_update_exactly_at_the_previous_slot_time_counts_as_an_answer()
    {
        var state = ReminderState.None.Updated(Utc("2020-01-22T09:00Z"));

        Assert.Equal(ReminderOutcome.AnsweredThisRound, Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-01-30T09:00Z")).Outcome);
        Assert.NotNull(Planner.Due(TestPlan, DueEndOfJanuary, ReminderState.None.Updated(Utc("2020-01-22T08:59Z")), Utc("2020-01-30T09:00Z")));
    }

    [Fact]
    public void An_update_before_the_first_slot_does_not_stop_the_first_reminder()
    {
        var state = ReminderState.None.Updated(Utc("2020-01-10T16:00Z"));

        Assert.Equal(ReminderKind.Before, Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-01-13T09:00Z"))?.Kind);
    }

    [Fact]
    public void A_first_slot_already_past_when_the_owner_revised_the_date_counts_as_answered()
    {
        // Revised on 28 Jan to 14 Feb, whose 14-day slot was 27 Jan and 7-day slot 5 Feb.
        var revised = Milestone("2019-12-20", revised: "2020-02-14");
        var state = ReminderState.None.Updated(Utc("2020-01-28T11:00Z"));

        Assert.Equal(ReminderOutcome.AnsweredThisRound, Planner.Decide(TestPlan, revised, state, Utc("2020-01-29T10:00Z")).Outcome);
        Assert.Equal(ReminderOutcome.AnsweredThisRound, Planner.Decide(TestPlan, revised, state, Utc("2020-02-05T09:00Z")).Outcome);
        var dayBefore = Planner.Due(TestPlan, revised, state, Utc("2020-02-13T09:00Z"));
        Assert.Equal("1 working day before revised due 14 Feb 2020", dayBefore?.Reason);
    }

    [Theory]
    [InlineData(MilestoneStatus.Complete, Rag.Green)]
    [InlineData(MilestoneStatus.Closed, Rag.None)]
    [InlineData(MilestoneStatus.OnTrack, Rag.Blue)]
    public void Finished_milestones_are_never_reminded(MilestoneStatus status, Rag rag)
    {
        var decision = Planner.Decide(TestPlan, Milestone("2020-01-31", status: status, rag: rag), ReminderState.None, Utc("2020-02-14T09:00Z"));

        Assert.Equal(ReminderOutcome.Finished, decision.Outcome);
    }

    [Fact]
    public void Milestones_without_a_date_or_with_a_mistyped_year_are_not_reminded()
    {
        var undated = DueEndOfJanuary with { Due = new TrackerDate("Ongoing", null, Problem: DateProblem.NotADate) };
        var mistyped = Milestone("2109-01-31");

        Assert.Equal(ReminderOutcome.NoDueDate, Planner.Decide(TestPlan, undated, ReminderState.None, Utc("2020-02-14T09:00Z")).Outcome);
        Assert.Equal(ReminderOutcome.OutsideCalendar, Planner.Decide(TestPlan, mistyped, ReminderState.None, Utc("2020-02-14T09:00Z")).Outcome);
    }

    [Fact]
    public void A_snoozed_reminder_waits_for_the_snooze_then_is_sent_once()
    {
        var state = ReminderState.None;
        var onTheDay = Send(DueEndOfJanuary, ref state, "2020-01-31T09:00Z");
        state = state.Snoozed(Utc("2020-02-03T09:00Z"));

        Assert.Equal(ReminderOutcome.Snoozed, Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-02-03T08:59Z")).Outcome);
        var again = Send(DueEndOfJanuary, ref state, "2020-02-03T09:00Z");

        Assert.Equal(ReminderKind.OnTheDay, again.Kind);
        Assert.Equal(onTheDay.Key + "|snoozed-202002030900", again.Key);
        Assert.Equal(Utc("2020-02-03T09:00Z"), again.SnoozedUntil);
        Assert.Equal("on the day: due 31 Jan 2020; snoozed until Mon 3 Feb 09:00", again.Reason);
        Assert.Equal(ReminderOutcome.AlreadySent, Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-02-03T15:00Z")).Outcome);
        Assert.Equal(ReminderOutcome.AlreadySent, Planner.Decide(TestPlan, DueEndOfJanuary, state with { SnoozedUntil = null }, Utc("2020-02-03T15:00Z")).Outcome);
        Assert.Equal("odkm|36|overdue-1|20200207", Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-07T09:00Z"))?.Key);
    }

    [Fact]
    public void A_slot_that_passes_during_a_snooze_is_sent_once_when_it_ends()
    {
        var state = ReminderState.None;
        Send(DueEndOfJanuary, ref state, "2020-01-31T09:00Z");
        state = state.Snoozed(Utc("2020-02-10T09:00Z"));

        Assert.Null(Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-07T09:00Z")));
        var chaser = Send(DueEndOfJanuary, ref state, "2020-02-10T09:00Z");

        Assert.Equal((ReminderKind.Overdue, 1), (chaser.Kind, chaser.Number));
        Assert.Equal("odkm|36|overdue-1|20200207|snoozed-202002100900", chaser.Key);
        Assert.Null(Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-11T09:00Z")));
    }

    [Fact]
    public void A_second_snooze_of_the_same_slot_sends_it_once_more()
    {
        var state = ReminderState.None;
        Send(DueEndOfJanuary, ref state, "2020-01-31T09:00Z");
        state = state.Snoozed(Utc("2020-02-03T09:00Z"));
        Send(DueEndOfJanuary, ref state, "2020-02-03T09:00Z");
        state = state.Snoozed(Utc("2020-02-04T09:00Z"));

        var again = Send(DueEndOfJanuary, ref state, "2020-02-04T09:30Z");

        Assert.EndsWith("|snoozed-202002040900", again.Key);
        Assert.Null(Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-04T10:00Z")));
    }

    [Fact]
    public void Overdue_silence_is_escalated_once_to_the_accountable_owner_in_the_same_decision_as_the_chaser()
    {
        var state = ReminderState.None;
        Send(DueEndOfJanuary, ref state, "2020-02-07T09:00Z");

        var decision = Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-02-14T09:00Z"));
        state = decision.All.Aggregate(state, (s, r) => s.Sent(r, Utc("2020-02-14T09:00Z")));

        var escalation = decision.Escalation!;
        var chaser = decision.Reminder!;
        Assert.Equal([escalation, chaser], decision.All);
        Assert.Equal(ReminderKind.Escalation, escalation.Kind);
        Assert.Equal([Sue], escalation.Recipients);
        Assert.Equal("odkm|36|escalation|20200214", escalation.Key);
        Assert.Equal("escalation: no update in the 10 working days since due 31 Jan 2020", escalation.Reason);
        Assert.Equal((ReminderKind.Overdue, 2), (chaser.Kind, chaser.Number));
        Assert.Equal([Rachel], chaser.Recipients);
        Assert.Equal("overdue chaser 2: 10 working days after due 31 Jan 2020", chaser.Reason);
        // The same instant again, or later that day: nothing new.
        Assert.Empty(Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-02-14T09:00Z")).All);
        Assert.Null(Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-14T12:00Z")));

        // Weeks of silence later: only chasers, never a second escalation.
        foreach (var friday in new[] { "2020-02-21", "2020-02-28", "2020-03-06", "2020-03-20" })
        {
            Assert.Equal(ReminderKind.Overdue, Send(DueEndOfJanuary, ref state, friday + "T09:00Z").Kind);
        }
    }

    [Fact]
    public void An_escalation_sent_on_its_own_does_not_make_the_owners_chaser_look_unsent()
    {
        var state = ReminderState.None;
        var both = Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-02-14T09:00Z"));
        state = state.Sent(both.Reminder!, Utc("2020-02-14T09:00Z")).Sent(both.Escalation!, Utc("2020-02-14T09:00Z"));

        Assert.Equal(both.Reminder!.Key, state.LastSentKey);
        Assert.Equal(ReminderOutcome.AlreadySent, Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-02-14T09:05Z")).Outcome);
    }

    [Fact]
    public void An_update_after_the_due_date_restarts_the_silence_before_escalation()
    {
        var state = ReminderState.None.Updated(Utc("2020-02-04T10:00Z"));

        Assert.Equal(ReminderKind.Overdue, Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-14T09:00Z"))?.Kind);
        var escalation = Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-18T09:00Z"));

        Assert.Equal(ReminderKind.Escalation, escalation?.Kind);
        Assert.Equal("escalation: overdue since due 31 Jan 2020 and no update in the 10 working days since 4 Feb 2020", escalation?.Reason);
    }

    [Fact]
    public void An_update_on_the_due_day_is_not_an_answer_to_overdue_silence()
    {
        var state = ReminderState.None.Updated(Utc("2020-01-31T16:00Z"));

        Assert.Equal(ReminderKind.Escalation, Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-14T09:00Z"))?.Kind);
    }

    [Fact]
    public void An_escalation_is_not_lost_when_the_host_was_down_past_later_chasers()
    {
        var state = ReminderState.None;
        var decision = Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-03-03T09:00Z"));

        Assert.Equal(ReminderKind.Escalation, decision.Escalation?.Kind);
        Assert.EndsWith("(slot was Fri 14 Feb 2020)", decision.Escalation!.Reason);
        Assert.Equal((ReminderKind.Overdue, 4), (decision.Reminder!.Kind, decision.Reminder.Number));
    }

    [Fact]
    public void A_snooze_over_the_escalation_date_delays_the_escalation_but_does_not_lose_it()
    {
        var state = ReminderState.None;
        Send(DueEndOfJanuary, ref state, "2020-02-07T09:00Z");
        state = state.Snoozed(Utc("2020-02-24T09:00Z"));

        Assert.Equal(ReminderOutcome.Snoozed, Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-02-14T09:00Z")).Outcome);
        var decision = Planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-02-24T09:00Z"));

        Assert.Equal(ReminderKind.Escalation, decision.Escalation?.Kind);
        Assert.Equal("odkm|36|overdue-3|20200221|snoozed-202002240900", decision.Reminder?.Key);
    }

    [Fact]
    public void A_missed_revised_date_is_a_new_overdue_spell_and_can_be_escalated_again()
    {
        var state = ReminderState.None;
        Send(DueEndOfJanuary, ref state, "2020-02-14T09:00Z");
        state = state.Updated(Utc("2020-02-17T10:00Z"));
        var revised = Milestone("2020-01-31", revised: "2020-03-31");

        // 31 Mar + 10 working days, over Easter, is Thursday 16 April (BST).
        Assert.Equal(ReminderKind.Overdue, Planner.Due(TestPlan, revised, state, Utc("2020-04-15T08:00Z"))?.Kind);
        var again = Planner.Due(TestPlan, revised, state, Utc("2020-04-16T08:00Z"));

        Assert.Equal(ReminderKind.Escalation, again?.Kind);
        Assert.Equal(Utc("2020-04-16T08:00Z"), again?.Slot);
    }

    [Fact]
    public void Without_a_delivery_owner_reminders_go_to_the_accountable_owner()
    {
        var milestone = Milestone("2020-01-31", owners: [Sue]);

        var reminder = Planner.Due(TestPlan, milestone, ReminderState.None, Utc("2020-01-22T09:00Z"));

        Assert.Equal([Sue], reminder?.Recipients);
        Assert.Equal("7 working days before due 31 Jan 2020; no delivery owner named, so sent to the accountable owner", reminder?.Reason);
    }

    [Fact]
    public void With_nobody_named_the_reminder_is_still_due_with_no_recipients_and_says_so()
    {
        var milestone = Milestone("2020-01-31", owners: []);
        var deliveryOnly = Milestone("2020-01-31", owners: [Rachel]);

        var reminder = Planner.Due(TestPlan, milestone, ReminderState.None, Utc("2020-01-22T09:00Z"));
        var escalation = Planner.Due(TestPlan, deliveryOnly, ReminderState.None, Utc("2020-02-14T09:00Z"));

        Assert.Empty(reminder!.Recipients);
        Assert.EndsWith("; no owner named to send it to", reminder.Reason);
        Assert.Equal(ReminderKind.Escalation, escalation?.Kind);
        Assert.Empty(escalation!.Recipients);
        Assert.EndsWith("; no accountable owner named to escalate to", escalation.Reason);
    }

    [Fact]
    public void Recipients_are_named_owners_before_deputies_each_once()
    {
        var jane = new Owner("Jane Webster", OwnerRole.Delivery, "Delivery owner", IsDeputy: true);
        var louis = new Owner("Louis Kamfer", OwnerRole.Delivery, "Delivery owner");
        var milestone = Milestone("2020-01-31", owners: [jane, louis, new Owner("LOUIS KAMFER", OwnerRole.Delivery, "Ops lead"), Sue]);

        var reminder = Planner.Due(TestPlan, milestone, ReminderState.None, Utc("2020-01-22T09:00Z"));

        Assert.Equal([louis, jane], reminder?.Recipients);
    }

    [Fact]
    public void In_summer_the_nine_o_clock_slot_is_due_from_eight_utc()
    {
        var milestone = Milestone("2020-03-31");
        var state = ReminderState.None;
        Send(milestone, ref state, "2020-03-30T08:00Z");

        Assert.Equal(ReminderOutcome.AlreadySent, Planner.Decide(TestPlan, milestone, state, Utc("2020-03-31T07:59Z")).Outcome);
        var onTheDay = Planner.Due(TestPlan, milestone, state, Utc("2020-03-31T08:00Z"));

        Assert.Equal(ReminderKind.OnTheDay, onTheDay?.Kind);
        Assert.Equal(Utc("2020-03-31T08:00Z"), onTheDay?.Slot);
    }

    [Fact]
    public void In_winter_the_nine_o_clock_slot_is_not_due_at_eight_utc()
    {
        Assert.Null(Planner.Due(TestPlan, Milestone("2020-10-27"), ReminderState.None.Sent(
            Planner.Due(TestPlan, Milestone("2020-10-27"), ReminderState.None, Utc("2020-10-26T09:00Z"))!, Utc("2020-10-26T09:00Z")), Utc("2020-10-27T08:30Z")));
        Assert.Equal(ReminderKind.OnTheDay, Planner.Due(TestPlan, Milestone("2020-10-27"), ReminderState.None, Utc("2020-10-27T09:00Z"))?.Kind);
    }

    [Fact]
    public void The_same_inputs_give_the_same_reminder_and_key()
    {
        var state = ReminderState.None with { LastUpdateAt = Utc("2020-01-02T10:00Z") };

        var first = Planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-02-07T11:00Z"));
        var second = Planner.Due(TestPlan, DueEndOfJanuary with { Title = "Another title" }, state, Utc("2020-02-07T16:00Z"));

        Assert.NotNull(first);
        Assert.Equal(first.Key, second?.Key);
        Assert.Equal(first.Slot, second?.Slot);
    }

    [Fact]
    public void With_no_chasers_or_escalation_nothing_follows_the_on_the_day_reminder()
    {
        var planner = ReminderTestData.Planner(ReminderPolicy.Default with { ChaseEveryWorkingDays = null, EscalateAfterWorkingDays = null });
        var state = ReminderState.None;
        state = state.Sent(planner.Due(TestPlan, DueEndOfJanuary, state, Utc("2020-01-31T09:00Z"))!, Utc("2020-01-31T09:00Z"));

        Assert.Equal(ReminderOutcome.AlreadySent, planner.Decide(TestPlan, DueEndOfJanuary, state, Utc("2020-06-30T09:00Z")).Outcome);
    }
}
