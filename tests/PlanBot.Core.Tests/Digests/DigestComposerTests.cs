using PlanBot.Core.Digests;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;
using PlanBot.Testing;

namespace PlanBot.Core.Tests.Digests;

/// <summary>
/// A plan as it stood on Monday 13 January 2020 (last week's snapshot) and as it stands on Monday 20 January, after a
/// week of changes: #2 fell due, #3 was delayed with a reason, #4 was completed, #9, #11 and #13 were added. The
/// programmes are Financial recovery (Finance, CFO), Urgent care (Operations, COO) and Primary care (Primary Care (IT), MD).
/// </summary>
public class DigestComposerTests
{
    private static readonly DateOnly Today = new(2020, 1, 20);
    private static readonly DateOnly LastMonday = new(2020, 1, 13);
    private static readonly DateTimeOffset Now = new(2020, 1, 20, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RemindedOn13th = new(2020, 1, 13, 9, 0, 0, TimeSpan.Zero);

    // Before the plans below: static fields are set in the order they are written.
    private static readonly Dictionary<string, (string Team, string Department, string Programme)> Areas = new()
    {
        ["Finance"] = ("CFO", "Finance", "Financial recovery"),
        ["Operations"] = ("COO", "Operations", "Urgent care"),
        ["Primary"] = ("MD", "Primary Care (IT)", "Primary care"),
    };

    private static readonly Plan LastWeekPlan = new()
    {
        Id = "odkm",
        Name = "Operational delivery key milestones",
        Milestones =
        [
            M("1", "Finance", MilestoneStatus.OnTrack, "2020-01-10"),
            M("2", "Finance", MilestoneStatus.OnTrack, "2020-01-15"),
            M("3", "Operations", MilestoneStatus.OnTrack, "2019-12-31", revised: "2020-01-31"),
            M("4", "Operations", MilestoneStatus.AtRisk, "2020-01-17"),
            M("5", "Primary", MilestoneStatus.Complete, "2019-12-20"),
            M("6", "Primary", MilestoneStatus.OnTrack, "2020-01-24", owners: [TestPlans.Delivery("Rachel Pilsworth")]),
            M("7", "Primary", MilestoneStatus.AtRisk, "2020-02-02", owners: [TestPlans.Delivery("Sara Rodreguiz")]),
            M("8", "Finance", MilestoneStatus.OnTrack, "2020-02-03", owners: [TestPlans.Delivery("rachel  PILSWORTH")]),
            M("10", "Operations", MilestoneStatus.Delayed, "2019-11-29", revised: "2020-03-31",
                owners: [TestPlans.Delivery("Alex Morgan"), TestPlans.Accountable("Sue Graham")]),
            M("12", "Finance", MilestoneStatus.Complete, "2020-01-06", owners: [TestPlans.Delivery("Rachel Pilsworth")]),
        ],
    };

    private static readonly PlanSnapshot LastWeek = PlanSnapshot.Take(LastWeekPlan, LastMonday, new DateTimeOffset(2020, 1, 13, 6, 0, 0, TimeSpan.Zero));

    private static readonly Plan ThisWeekPlan = LastWeekPlan with
    {
        Milestones =
        [
            .. LastWeekPlan.Milestones.Select(m => m.Ref.Value switch
            {
                "3" => m with { Status = MilestoneStatus.Delayed, RevisedDue = TrackerDate.Exact(new DateOnly(2020, 2, 28)) },
                "4" => m with { Status = MilestoneStatus.Complete },
                _ => m,
            }),
            M("9", "Operations", MilestoneStatus.Delayed, "2020-01-01"),
            M("11", "Primary", MilestoneStatus.Complete, "2020-01-18"),
            M("13", "Primary", MilestoneStatus.NotStarted, "2020-03-01", owners: []),
        ],
        Exceptions =
        [
            Exception("3", "Awaiting the estates survey", "2020-01-31"),
            Exception("10", "Regulator moved the deadline", "2020-03-31"),
            Exception("3", "Estates works moved to March", "2020-02-28"),
        ],
    };

    private static readonly Dictionary<MilestoneRef, ReminderState> States = new()
    {
        [Ref("2")] = new ReminderState { LastSentAt = RemindedOn13th, LastUpdateAt = RemindedOn13th.AddDays(1) },
        [Ref("6")] = new ReminderState { LastSentAt = RemindedOn13th },
        [Ref("7")] = ReminderState.None.Unreachable("no Teams account found for Sara Rodreguiz", RemindedOn13th.AddDays(2)),
        [Ref("8")] = new ReminderState { LastSentAt = RemindedOn13th.AddDays(3) },
        [Ref("10")] = new ReminderState { LastSentAt = RemindedOn13th.AddDays(1), EscalatedAt = RemindedOn13th.AddDays(1) },
        [Ref("12")] = new ReminderState { LastSentAt = RemindedOn13th },
        [Ref("13")] = ReminderState.None.Unreachable("no owner named to send it to", RemindedOn13th.AddDays(4)),
    };

    private static Digest Compose(DigestAudience? audience = null, PlanSnapshot? baseline = null, bool firstWeek = false) =>
        DigestComposer.Compose(ThisWeekPlan, firstWeek ? null : baseline ?? LastWeek, States, audience ?? DigestAudience.WholePlan, Today, Now);

    [Fact]
    public void The_digest_says_which_plan_audience_and_weeks_it_covers()
    {
        var digest = Compose();

        Assert.Equal("odkm", digest.PlanId);
        Assert.Equal("Operational delivery key milestones", digest.PlanName);
        Assert.Same(DigestAudience.WholePlan, digest.Audience);
        Assert.Equal(Today, digest.AsAt);
        Assert.Equal(new DateOnly(2020, 1, 20), digest.WeekOf);
        Assert.Equal(Now, digest.ComposedAt);
        Assert.Equal(LastMonday, digest.BaselineAsAt);
        Assert.True(digest.HasBaseline);
    }

    [Fact]
    public void Headline_counts_are_taken_now_and_from_last_weeks_snapshot()
    {
        var digest = Compose();

        // Now: complete #4 #5 #11 #12; on track #1 #2 #6 #8; at risk #7; delayed #3 #9 #10; overdue #1 #2 #9; #13 not started.
        Assert.Equal(new HeadlineCounts(Milestones: 13, Complete: 4, OnTrack: 4, AtRisk: 1, Delayed: 3, Overdue: 3), digest.Now);
        // 13 January: complete #5 #12; on track #1 #2 #3 #6 #8; at risk #4 #7; delayed #10; overdue #1.
        Assert.Equal(new HeadlineCounts(Milestones: 10, Complete: 2, OnTrack: 5, AtRisk: 2, Delayed: 1, Overdue: 1), digest.Baseline);
    }

    [Fact]
    public void Newly_overdue_lists_what_fell_due_since_last_week_and_new_milestones_already_overdue()
    {
        var digest = Compose();

        // #1 was overdue last week too; #9 is new this week and overdue since 1 January.
        Assert.Equal(["9", "2"], Refs(digest.NewlyOverdue));
        Assert.Equal("Milestone 2", digest.NewlyOverdue[1].Title);
        Assert.Equal("15 Jan 2020", digest.NewlyOverdue[1].DueText);
    }

    [Fact]
    public void Newly_delayed_carries_the_latest_exception_reason_and_proposed_date()
    {
        var digest = Compose();

        // #10 was delayed last week as well.
        Assert.Equal(["9", "3"], Refs(digest.NewlyDelayed.Select(d => d.Item)));
        var third = digest.NewlyDelayed[1];
        Assert.Equal("Estates works moved to March", third.Reason);
        Assert.Equal(new DateOnly(2020, 2, 28), third.ProposedDate.Date);
        Assert.Equal("28 Feb 2020", third.Item.DueText);
        var ninth = digest.NewlyDelayed[0];
        Assert.Null(ninth.Reason);
        Assert.True(ninth.ProposedDate.IsBlank);
    }

    [Fact]
    public void A_delay_without_a_proposed_date_in_its_exception_shows_the_milestones_revised_date()
    {
        var plan = ThisWeekPlan with
        {
            Exceptions = [new ExceptionReportEntry { MilestoneRefText = "3", Refs = [Ref("3")], Reason = "Survey late" }],
        };

        var delayed = DigestComposer.Compose(plan, LastWeek, States, DigestAudience.WholePlan, Today, Now).NewlyDelayed.Single(d => d.Item.Ref == Ref("3"));

        Assert.Equal("Survey late", delayed.Reason);
        Assert.Equal(new DateOnly(2020, 2, 28), delayed.ProposedDate.Date);
    }

    [Fact]
    public void Completed_this_week_lists_what_finished_since_last_week()
    {
        var digest = Compose();

        // #5 and #12 were complete last week; #11 is new and already complete.
        Assert.Equal(["4", "11"], Refs(digest.CompletedThisWeek));
    }

    [Fact]
    public void Due_in_the_next_two_weeks_runs_from_today_to_thirteen_days_on_and_leaves_out_finished_milestones()
    {
        var plan = ThisWeekPlan with
        {
            Milestones =
            [
                .. ThisWeekPlan.Milestones,
                M("20", "Finance", MilestoneStatus.OnTrack, "2020-01-20"),
                M("21", "Finance", MilestoneStatus.Complete, "2020-01-22"),
                M("22", "Finance", MilestoneStatus.OnTrack, "2020-01-19"),
                M("23", "Finance", MilestoneStatus.OnTrack, "2020-02-10", revised: "2020-01-25"),
                M("24", "Finance", MilestoneStatus.OnTrack, "2020-01-21", revised: "2020-03-01"),
            ],
        };

        var digest = DigestComposer.Compose(plan, LastWeek, States, DigestAudience.WholePlan, Today, Now);

        // Today (#20) and 2 Feb (#7) are in; 3 Feb (#8), yesterday (#22) and a finished one (#21) are not; revised dates count.
        Assert.Equal(["20", "6", "23", "7"], Refs(digest.DueInTwoWeeks));
    }

    [Fact]
    public void Owners_who_have_not_answered_are_grouped_by_name_however_the_plan_spells_it()
    {
        var digest = Compose();

        // #12 awaits an answer but is complete; #2 was answered. #10 was escalated, so its accountable owner is listed too.
        Assert.Equal(["Rachel Pilsworth", "Alex Morgan", "Sue Graham"], digest.NotAnswering.Select(o => o.Owner));
        var rachel = digest.NotAnswering[0];
        Assert.Equal(["6", "8"], Refs(rachel.Items));
        Assert.Equal(RemindedOn13th, rachel.Since);
        Assert.Empty(rachel.Reasons);
        Assert.Equal(["10"], Refs(digest.NotAnswering[1].Items));
        Assert.Equal(["10"], Refs(digest.NotAnswering[2].Items));
    }

    [Fact]
    public void A_milestone_without_a_delivery_owner_is_chased_with_its_accountable_owner()
    {
        var plan = ThisWeekPlan with
        {
            Milestones = [M("30", "Finance", MilestoneStatus.OnTrack, "2020-01-30", owners: [TestPlans.Accountable("Sue Graham")])],
        };
        var states = new Dictionary<MilestoneRef, ReminderState> { [Ref("30")] = new() { LastSentAt = RemindedOn13th } };

        var digest = DigestComposer.Compose(plan, LastWeek, states, DigestAudience.WholePlan, Today, Now);

        Assert.Equal("Sue Graham", Assert.Single(digest.NotAnswering).Owner);
    }

    [Fact]
    public void Owners_PlanBot_cannot_reach_are_listed_with_the_reason_and_since_when()
    {
        var digest = Compose();

        Assert.Equal([DigestComposer.NoOwnerNamed, "Sara Rodreguiz"], digest.Unreachable.Select(o => o.Owner));
        var sara = digest.Unreachable[1];
        Assert.Equal(["7"], Refs(sara.Items));
        Assert.Equal(["no Teams account found for Sara Rodreguiz"], sara.Reasons);
        Assert.Equal(RemindedOn13th.AddDays(2), sara.Since);
        Assert.Equal(["no owner named to send it to"], digest.Unreachable[0].Reasons);
    }

    [Fact]
    public void Rag_by_programme_compares_this_week_with_last_in_plan_order()
    {
        var digest = Compose();

        Assert.Equal(AreaKind.Programme, digest.AreaKind);
        Assert.Equal(
        [
            new AreaRag("Financial recovery", new RagCounts(0, 0, 3, 1, 0), new RagCounts(0, 0, 3, 1, 0)),
            new AreaRag("Urgent care", new RagCounts(3, 0, 0, 1, 0), new RagCounts(1, 1, 1, 0, 0)),
            new AreaRag("Primary care", new RagCounts(0, 1, 1, 2, 1), new RagCounts(0, 1, 1, 1, 0)),
        ], digest.RagByArea);
    }

    [Fact]
    public void A_director_sees_only_their_areas_matched_by_department_programme_or_team_code_in_any_case()
    {
        var finance = Compose(DigestAudience.ForAreas("finance"));

        Assert.Equal(new HeadlineCounts(Milestones: 4, Complete: 1, OnTrack: 3, AtRisk: 0, Delayed: 0, Overdue: 2), finance.Now);
        Assert.Equal(new HeadlineCounts(Milestones: 4, Complete: 1, OnTrack: 3, AtRisk: 0, Delayed: 0, Overdue: 1), finance.Baseline);
        Assert.Equal(["2"], Refs(finance.NewlyOverdue));
        Assert.Empty(finance.NewlyDelayed);
        Assert.Empty(finance.CompletedThisWeek);
        Assert.Empty(finance.DueInTwoWeeks);
        Assert.Equal(["8"], Refs(Assert.Single(finance.NotAnswering).Items));
        Assert.Empty(finance.Unreachable);
        Assert.Equal(["Financial recovery"], finance.RagByArea.Select(a => a.Area));

        var urgentCareAndPrimary = Compose(DigestAudience.ForAreas("COO", "PRIMARY CARE"));

        Assert.Equal(9, urgentCareAndPrimary.Now.Milestones);
        Assert.Equal(["9"], Refs(urgentCareAndPrimary.NewlyOverdue));
        Assert.Equal(["9", "3"], Refs(urgentCareAndPrimary.NewlyDelayed.Select(d => d.Item)));
        Assert.Equal(["4", "11"], Refs(urgentCareAndPrimary.CompletedThisWeek));
        Assert.Equal(["6", "7"], Refs(urgentCareAndPrimary.DueInTwoWeeks));
        Assert.Equal(["Urgent care", "Primary care"], urgentCareAndPrimary.RagByArea.Select(a => a.Area));
    }

    [Fact]
    public void Last_weeks_counts_for_a_director_follow_the_areas_milestones_had_then()
    {
        var moved = ThisWeekPlan with
        {
            Milestones = [.. ThisWeekPlan.Milestones.Select(m => m.Ref == Ref("8") ? Area(m, "Primary") : m)],
        };

        var finance = DigestComposer.Compose(moved, LastWeek, States, DigestAudience.ForAreas("Finance"), Today, Now);

        Assert.Equal(3, finance.Now.Milestones);
        Assert.Equal(4, finance.Baseline!.Milestones);
        Assert.Equal(new RagCounts(0, 0, 3, 1, 0), Assert.Single(finance.RagByArea).LastReport);
    }

    [Fact]
    public void An_owner_sees_the_milestones_they_deliver_or_answer_for_matched_by_name()
    {
        var rachel = Compose(DigestAudience.ForOwner("RACHEL PILSWORTH"));

        Assert.Equal(new HeadlineCounts(Milestones: 3, Complete: 1, OnTrack: 2, AtRisk: 0, Delayed: 0, Overdue: 0), rachel.Now);
        Assert.Equal(3, rachel.Baseline!.Milestones);
        Assert.Equal(["6"], Refs(rachel.DueInTwoWeeks));
        Assert.Equal(["6", "8"], Refs(Assert.Single(rachel.NotAnswering).Items));

        var sue = Compose(DigestAudience.ForOwner("Dr Sue Graham"));

        Assert.Equal(1, sue.Now.Milestones);
        Assert.Equal(1, sue.Now.Delayed);
        Assert.Equal(["Alex Morgan", "Sue Graham"], sue.NotAnswering.Select(o => o.Owner));
    }

    [Fact]
    public void An_owner_the_plan_does_not_name_gets_an_empty_digest()
    {
        var digest = Compose(DigestAudience.ForOwner("Nobody Known"));

        Assert.Equal(HeadlineCounts.Zero, digest.Now);
        Assert.Equal(HeadlineCounts.Zero, digest.Baseline);
        Assert.Empty(digest.RagByArea);
        Assert.Empty(digest.NewlyOverdue);
        Assert.Empty(digest.NotAnswering);
    }

    [Fact]
    public void The_first_digest_has_no_baseline_so_nothing_is_said_to_have_changed()
    {
        var digest = Compose(firstWeek: true);

        Assert.False(digest.HasBaseline);
        Assert.Null(digest.BaselineAsAt);
        Assert.Null(digest.Baseline);
        Assert.Equal(13, digest.Now.Milestones);
        Assert.Empty(digest.NewlyOverdue);
        Assert.Empty(digest.NewlyDelayed);
        Assert.Empty(digest.CompletedThisWeek);
        // What does not need last week is still there.
        Assert.Equal(["6", "7"], Refs(digest.DueInTwoWeeks));
        Assert.Equal(3, digest.NotAnswering.Count);
        Assert.Equal(2, digest.Unreachable.Count);
        Assert.All(digest.RagByArea, area => Assert.Equal(RagCounts.Zero, area.LastReport));
        Assert.Equal(new RagCounts(3, 0, 0, 1, 0), digest.RagByArea.Single(a => a.Area == "Urgent care").ThisReport);
    }

    [Fact]
    public void A_plan_without_programmes_is_counted_by_department()
    {
        var plan = ThisWeekPlan with { Milestones = [.. ThisWeekPlan.Milestones.Select(m => m with { Programme = null })] };

        var digest = DigestComposer.Compose(plan, null, States, DigestAudience.WholePlan, Today, Now);

        Assert.Equal(AreaKind.Department, digest.AreaKind);
        Assert.Equal(["Finance", "Operations", "Primary Care (IT)"], digest.RagByArea.Select(a => a.Area));
    }

    [Fact]
    public void Undated_milestones_come_last_and_equal_dates_go_in_reference_order()
    {
        var plan = new Plan
        {
            Id = "odkm",
            Name = "Plan",
            Milestones =
            [
                M("10", "Finance", MilestoneStatus.Complete, "2020-01-17"),
                M("2a", "Finance", MilestoneStatus.Complete, "2020-01-17"),
                TestPlans.Milestone("1", status: MilestoneStatus.Complete) with { Due = new TrackerDate("Ongoing", null, Problem: DateProblem.NotADate), Rag = Rag.None },
                M("3", "Finance", MilestoneStatus.Complete, "2020-01-14"),
                M("2", "Finance", MilestoneStatus.Complete, "2020-01-17"),
            ],
        };
        var empty = new PlanSnapshot { PlanId = "odkm", WeekOf = LastMonday, AsAt = LastMonday, TakenAt = Now.AddDays(-7) };

        var digest = DigestComposer.Compose(plan, empty, States, DigestAudience.WholePlan, Today, Now);

        Assert.Equal(["3", "2", "2a", "10", "1"], Refs(digest.CompletedThisWeek));
        Assert.Equal("Ongoing", digest.CompletedThisWeek[^1].DueText);
    }

    [Fact]
    public void Audiences_need_an_area_or_a_name_and_describe_themselves()
    {
        Assert.Throws<ArgumentException>(() => DigestAudience.ForAreas(" ", ""));
        Assert.Throws<ArgumentException>(() => DigestAudience.ForOwner(" "));

        Assert.Equal("the whole plan", DigestAudience.WholePlan.Describe());
        Assert.Equal("Finance, Primary Care (IT)", DigestAudience.ForAreas(" Finance ", "finance", "Primary Care (IT)").Describe());
        Assert.Equal("Sue Graham's milestones", DigestAudience.ForOwner(" Sue Graham ").Describe());
    }

    /// <summary>A milestone in one of the three areas; RAG left blank so it follows the status, as most trackers' do.</summary>
    private static Milestone M(string reference, string area, MilestoneStatus status, string due, string? revised = null, Owner[]? owners = null)
    {
        var milestone = Area(TestPlans.Milestone(reference, status: status, due: DateOnly.Parse(due)), area) with
        {
            Rag = Rag.None,
            RevisedDue = revised is null ? TrackerDate.Blank : TrackerDate.Exact(DateOnly.Parse(revised)),
        };
        return owners is null ? milestone : milestone with { Owners = owners };
    }

    private static Milestone Area(Milestone milestone, string area) =>
        milestone with { Team = Areas[area].Team, Department = Areas[area].Department, Programme = Areas[area].Programme };

    private static ExceptionReportEntry Exception(string reference, string reason, string proposed) => new()
    {
        MilestoneRefText = reference,
        Refs = [Ref(reference)],
        Reason = reason,
        ProposedRevisedDate = TrackerDate.Exact(DateOnly.Parse(proposed)),
    };

    private static MilestoneRef Ref(string reference) => MilestoneRef.Parse(reference);

    private static string[] Refs(IEnumerable<DigestItem> items) => [.. items.Select(i => i.Ref.Value)];
}
