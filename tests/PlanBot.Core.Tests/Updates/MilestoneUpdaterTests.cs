using PlanBot.Core.Plans;
using PlanBot.Core.Updates;
using PlanBot.Testing;

namespace PlanBot.Core.Tests.Updates;

public sealed class MilestoneUpdaterTests
{
    private static readonly DateOnly Today = new(2020, 1, 20);
    private static readonly DateTimeOffset At = new(2020, 1, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly Milestone OnTrack = TestPlans.Milestone("36", "Negotiate CT", due: new DateOnly(2020, 1, 31));

    private static UpdateOutcome Apply(MilestoneUpdate update, Milestone? current = null) =>
        MilestoneUpdater.Apply(current ?? OnTrack, update, Today, "Sue Graham", At, "card");

    [Fact]
    public void A_delay_with_reason_and_date_moves_the_date_turns_red_and_writes_an_exception_entry()
    {
        var outcome = Apply(new MilestoneUpdate { Status = MilestoneStatus.Delayed, RevisedDue = new DateOnly(2020, 2, 29), DelayReason = "Regulator" });

        Assert.True(outcome.IsValid);
        Assert.Equal(MilestoneStatus.Delayed, outcome.Updated!.Status);
        Assert.Equal(Rag.Red, outcome.Updated.Rag);
        Assert.Equal(new DateOnly(2020, 2, 29), outcome.Updated.EffectiveDue);
        Assert.Equal("Regulator", outcome.Exception!.Reason);
        Assert.Equal(new DateOnly(2020, 2, 29), outcome.Exception.ProposedRevisedDate.Date);
        Assert.Equal(new DateOnly(2020, 1, 31), outcome.Exception.DateDue.Date);
        Assert.Equal("Regulator", outcome.History!.Note);
        Assert.Contains(outcome.History.Changes, c => c is { Field: "Status", Old: "OnTrack", New: "Delayed" });
    }

    [Theory]
    [InlineData(MilestoneStatus.Delayed, null, "Why", "revisedDue")]
    [InlineData(MilestoneStatus.Delayed, "2020-02-29", null, "reason")]
    [InlineData(MilestoneStatus.OnTrack, "2020-02-29", null, "reason")]
    [InlineData(MilestoneStatus.OnTrack, "2020-01-19", "Why", "revisedDue")]
    [InlineData(MilestoneStatus.Closed, null, null, "status")]
    public void Rules_the_board_relies_on_are_enforced(MilestoneStatus status, string? revised, string? reason, string field)
    {
        var outcome = Apply(new MilestoneUpdate
        {
            Status = status,
            RevisedDue = revised is null ? null : DateOnly.Parse(revised, System.Globalization.CultureInfo.InvariantCulture),
            DelayReason = reason,
        });

        Assert.False(outcome.IsValid);
        Assert.Contains(outcome.Problems, p => p.Field == field);
        Assert.Null(outcome.Updated);
    }

    [Fact]
    public void Over_long_text_and_a_link_that_is_not_https_are_refused()
    {
        var outcome = Apply(new MilestoneUpdate
        {
            ProgressNote = new string('n', MilestoneUpdater.MaxNoteLength + 1),
            DelayReason = new string('r', MilestoneUpdater.MaxReasonLength + 1),
            EvidenceLink = "javascript:alert(1)",
        });

        Assert.Equal(["note", "reason", "evidence"], outcome.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Nothing_changed_is_refused_rather_than_recorded()
    {
        var outcome = Apply(new MilestoneUpdate { Status = MilestoneStatus.OnTrack });

        Assert.Equal("Nothing has changed: choose a status, a date or add a note.", Assert.Single(outcome.Problems).Message);
    }

    [Fact]
    public void A_note_alone_keeps_status_and_rag_and_control_characters_are_dropped()
    {
        var outcome = Apply(new MilestoneUpdate { ProgressNote = "  Draft\u0007 sent\n to GB  " });

        Assert.Equal("Draft sent\n to GB", outcome.Updated!.ProgressNote);
        Assert.Equal(OnTrack.Status, outcome.Updated.Status);
        Assert.Equal(OnTrack.Rag, outcome.Updated.Rag);
        Assert.Null(outcome.Exception);
    }

    [Fact]
    public void A_milestone_already_delayed_can_take_a_note_without_a_new_reason()
    {
        var delayed = OnTrack with { Status = MilestoneStatus.Delayed, RevisedDue = TrackerDate.Exact(new DateOnly(2020, 2, 29)) };

        var outcome = Apply(new MilestoneUpdate { Status = MilestoneStatus.Delayed, RevisedDue = new DateOnly(2020, 2, 29), ProgressNote = "Still waiting" }, delayed);

        Assert.True(outcome.IsValid);
        Assert.Null(outcome.Exception);
    }

    // #23 as the sample tracker has it: revised to 31 Dec 2019, the exception report asking for 31 Mar 2020.
    private static readonly Milestone Slipped = OnTrack with
    {
        Status = MilestoneStatus.Delayed,
        Due = TrackerDate.Exact(new DateOnly(2019, 9, 27)),
        RevisedDue = TrackerDate.Exact(new DateOnly(2019, 12, 31)),
    };

    private static readonly ExceptionReportEntry Latest = new()
    {
        MilestoneRefText = "36",
        Refs = [MilestoneRef.Parse("36")],
        Reason = "Awaiting  the CCG's sign-off",
        ProposedRevisedDate = TrackerDate.Exact(new DateOnly(2020, 3, 31)),
    };

    private static UpdateOutcome ApplyPrefilled(MilestoneUpdate changes) =>
        MilestoneUpdater.Apply(Slipped, changes with
        {
            RevisedDue = changes.RevisedDue ?? MilestoneUpdater.StandingRevisedDue(Slipped, Latest),
            DelayReason = changes.DelayReason ?? MilestoneUpdater.StandingReason(Latest),
        }, Today, "Sue Graham", At, "card", Latest);

    [Fact]
    public void The_form_starts_from_the_latest_exception_reports_reason_and_proposed_date_else_the_due_date()
    {
        Assert.Equal("Awaiting  the CCG's sign-off", MilestoneUpdater.StandingReason(Latest));
        Assert.Equal(new DateOnly(2020, 3, 31), MilestoneUpdater.StandingRevisedDue(Slipped, Latest));
        Assert.Equal(new DateOnly(2019, 12, 31), MilestoneUpdater.StandingRevisedDue(Slipped, null));
        Assert.Null(MilestoneUpdater.StandingReason(null));
    }

    [Fact]
    public void A_pre_filled_form_sent_back_unchanged_is_no_change_rather_than_a_new_exception_report()
    {
        var outcome = ApplyPrefilled(new MilestoneUpdate { Status = MilestoneStatus.Delayed });

        Assert.Equal("Nothing has changed: choose a status, a date or add a note.", Assert.Single(outcome.Problems).Message);
    }

    [Fact]
    public void A_note_with_the_pre_filled_reason_and_date_records_the_note_alone()
    {
        var outcome = ApplyPrefilled(new MilestoneUpdate { Status = MilestoneStatus.Delayed, ProgressNote = "Chased the CCG." });

        Assert.True(outcome.IsValid);
        Assert.Null(outcome.Exception);
        Assert.Null(outcome.History!.Note);
        Assert.Equal(["ProgressNote"], outcome.History.Changes.Select(c => c.Field));
        Assert.Equal(new DateOnly(2019, 12, 31), outcome.Updated!.EffectiveDue);
    }

    [Fact]
    public void Moving_the_date_with_the_pre_filled_reason_reports_the_new_date_with_that_reason()
    {
        var outcome = ApplyPrefilled(new MilestoneUpdate { RevisedDue = new DateOnly(2020, 4, 30) });

        Assert.True(outcome.IsValid);
        Assert.Equal(new DateOnly(2020, 4, 30), outcome.Updated!.EffectiveDue);
        Assert.Equal("Awaiting  the CCG's sign-off", outcome.Exception!.Reason);
        Assert.Equal(new DateOnly(2020, 4, 30), outcome.Exception.ProposedRevisedDate.Date);
        Assert.Equal("Awaiting  the CCG's sign-off", outcome.History!.Note);
    }

    [Fact]
    public void A_new_reason_for_a_delay_is_a_new_exception_report_entry_at_the_standing_date()
    {
        var outcome = ApplyPrefilled(new MilestoneUpdate { DelayReason = "The CCG meets in March." });

        Assert.True(outcome.IsValid);
        Assert.Empty(outcome.History!.Changes);
        Assert.Equal("The CCG meets in March.", outcome.Exception!.Reason);
        Assert.Equal(new DateOnly(2020, 3, 31), outcome.Exception.ProposedRevisedDate.Date);
    }

    [Fact]
    public void The_pre_filled_reason_with_only_its_spacing_changed_still_stands()
    {
        var outcome = ApplyPrefilled(new MilestoneUpdate { DelayReason = " Awaiting the CCG's\nsign-off " });

        Assert.False(outcome.IsValid);
    }

    [Fact]
    public void Newly_delayed_with_the_pre_filled_reason_and_date_changes_the_status_without_repeating_the_latest_entry()
    {
        var onTrack = Slipped with { Status = MilestoneStatus.OnTrack };

        var outcome = MilestoneUpdater.Apply(onTrack, new MilestoneUpdate
        {
            Status = MilestoneStatus.Delayed,
            RevisedDue = MilestoneUpdater.StandingRevisedDue(onTrack, Latest),
            DelayReason = MilestoneUpdater.StandingReason(Latest),
        }, Today, "Sue Graham", At, "card", Latest);

        Assert.True(outcome.IsValid);
        Assert.Equal(MilestoneStatus.Delayed, outcome.Updated!.Status);
        Assert.Null(outcome.Exception);
    }
}
